/**
 * Who is making a request. Every route's least role comes from the shared route table; the check
 * happens once, in app.ts, before any handler runs, so a handler can rely on `req.actor`.
 */
import type { Role } from '../../shared/api/routes';

export interface Actor {
  /** The user name written into provenance and the audit trail. */
  name: string;
  role: Role;
  /** How the actor was established; 'anonymous' may call public routes only. */
  via: 'local' | 'session' | 'token' | 'anonymous';
}

declare module 'fastify' {
  interface FastifyRequest {
    actor: Actor;
  }
}

/** The single local user of a server bound to 127.0.0.1 with no accounts configured. */
export const LOCAL_ADMIN: Actor = Object.freeze({ name: 'local', role: 'admin', via: 'local' });

/** Nobody signed in: may call only the routes the table marks 'public' (the role is never consulted). */
export const ANONYMOUS: Actor = Object.freeze({ name: 'anonymous', role: 'viewer', via: 'anonymous' });
