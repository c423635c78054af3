/**
 * Who is making a request. Every route's least role comes from the shared route table; the check
 * happens once, in app.ts, before any handler runs, so a handler can rely on `req.actor`.
 */
import { createHash } from 'node:crypto';
import type { AuditOrigin } from '../../shared/api/audit';
import type { Role } from '../../shared/api/routes';

export interface Actor {
  /** The user name written into provenance and the audit trail. */
  name: string;
  role: Role;
  /** How the actor was established; 'anonymous' may call public routes only. */
  via: 'local' | 'session' | 'token' | 'anonymous';
  /**
   * What the audit trail records as the way in: which session or token (never a secret), or the
   * console. Without one the audit falls back to `via` alone.
   */
  origin?: AuditOrigin;
}

/**
 * A session's handle in the audit trail: enough to tell one session's actions from another's,
 * useless for resuming it (a hash of its id, which only travels inside the encrypted cookie).
 */
export const sessionHandle = (sessionId: string) => createHash('sha256').update(sessionId).digest('hex').slice(0, 12);

/** The origin of a console command (npm run user:add, db:restore…). */
export const CLI_ORIGIN: AuditOrigin = Object.freeze({ via: 'cli', ref: null, label: null });

declare module 'fastify' {
  interface FastifyRequest {
    actor: Actor;
  }
}

/** The single local user of a server bound to 127.0.0.1 with no accounts configured. */
export const LOCAL_ADMIN: Actor = Object.freeze({
  name: 'local',
  role: 'admin',
  via: 'local',
  origin: Object.freeze({ via: 'local', ref: null, label: null }),
});

/** Nobody signed in: may call only the routes the table marks 'public' (the role is never consulted). */
export const ANONYMOUS: Actor = Object.freeze({ name: 'anonymous', role: 'viewer', via: 'anonymous' });
