import type { AuditOrigin } from '../../../shared/api';

/**
 * How an audit entry came in, for the audit table: the short text shown and the detail in its
 * tooltip. Entries written before origins were kept say so instead of guessing.
 */
export function describeOrigin(o: AuditOrigin | null): { text: string; title: string } {
  if (!o) return { text: '—', title: 'not recorded (written before origins were kept)' };
  switch (o.via) {
    case 'session':
      return { text: 'session', title: o.ref ? `browser session ${o.ref}` : 'browser session' };
    case 'token':
      return {
        text: o.label ? `token “${o.label}”` : 'token',
        title: o.ref ? `API token ${o.ref}${o.label ? ` (${o.label})` : ''}` : `API token ${o.label ?? ''}`.trim(),
      };
    case 'cli':
      return { text: 'console', title: 'a command run at the server (npm run …)' };
    case 'local':
      return { text: 'local', title: 'the local user of a server without accounts' };
    case 'server':
      return { text: 'server', title: 'the server on its own (the backup schedule)' };
    case 'anonymous':
      return { text: 'not signed in', title: 'a request without a session or token (a sign-in attempt)' };
  }
}
