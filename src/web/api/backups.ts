/**
 * The admin's backup calls (GET/POST /api/backups), beside the client rather than in it: the same
 * headers (bearer token, and the session's CSRF token for the write), the same errors.
 */
import type { Backup, BackupsListResponse } from '../../shared/api';
import { ROUTES } from '../../shared/api/routes';
import type { ApiClient } from './client';
import { ApiError } from './errors';
import { authHeaders } from './token';

async function call<T>(method: 'GET' | 'POST', csrf: string | null): Promise<T> {
  let res: Response;
  try {
    res = await fetch(ROUTES.backupsList.path, {
      method,
      headers: { accept: 'application/json', ...authHeaders(), ...(csrf ? { 'x-csrf-token': csrf } : {}) },
    });
  } catch {
    throw new ApiError(0, 'NETWORK', 'Cannot reach the newsgraph server. Is it still running?');
  }
  const json = (await res.json().catch(() => undefined)) as
    (T & { error?: { code: string; message: string } }) | undefined;
  if (!res.ok) {
    const e = json?.error;
    throw e
      ? new ApiError(res.status, e.code as never, e.message)
      : new ApiError(res.status, 'BAD_RESPONSE', `The server answered ${res.status} ${res.statusText}.`);
  }
  return json as T;
}

export const listBackups = (): Promise<BackupsListResponse> => call('GET', null);

/** Backs up now (the managed graph is unavailable for the seconds of its dump). */
export async function createBackup(api: ApiClient): Promise<Backup> {
  const { csrfToken } = await api.session();
  return call('POST', csrfToken ?? null);
}
