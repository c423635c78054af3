/**
 * A server with accounts for a test file: the accounts are added to its private data folder
 * before it starts (the first one must be an admin), all with one password.
 */
import { openAppStore } from '../../../src/runtime/store/app-store';
import { Accounts } from '../../../src/server/auth/accounts';
import type { Role } from '../../../src/shared/api/routes';
import { ingestSession, type IngestSession } from './ingest-session';

export const PASSWORD = 'correct horse battery';

/** The app and a browser for the file's tests, on a data folder holding these accounts. */
export function accountsSession(prefix: string, roles: Record<string, Role>): IngestSession {
  return ingestSession(prefix, async (dataDir) => {
    const store = openAppStore(dataDir);
    const accounts = new Accounts(store);
    for (const [name, role] of Object.entries(roles)) await accounts.add(name, role, PASSWORD);
    store.close();
  });
}

/**
 * Runs in the page (pass it to `page.evaluate`): a write from the page's own JavaScript with its
 * session cookie and CSRF token, as another editor's save would arrive. Resolves to the status.
 */
export const writeFromPage = ([method, path, body]: [string, string, unknown?]) =>
  fetch('/api/session')
    .then((r) => r.json() as Promise<{ csrfToken: string }>)
    .then((s) =>
      fetch(path, {
        method,
        headers: {
          'x-csrf-token': s.csrfToken,
          ...(body === undefined ? {} : { 'content-type': 'application/json' }),
        },
        body: body === undefined ? undefined : JSON.stringify(body),
      }),
    )
    .then((r) => r.status);
