import { z } from 'zod';
import type { EndpointContract } from './contract';
import { ROUTES } from './routes';

export const RoleSchema = z.enum(['viewer', 'editor', 'admin']);

/** A user name: letters, digits, dot, dash, underscore; 2–64 characters; case-insensitive. */
export const UserNameSchema = z
  .string()
  .trim()
  .min(2, 'must be at least 2 characters')
  .max(64, 'must be at most 64 characters')
  .regex(/^[A-Za-z0-9][A-Za-z0-9._-]*$/, 'may hold letters, digits, ".", "_" and "-" only');

export const PasswordSchema = z
  .string()
  .min(10, 'must be at least 10 characters')
  .max(1024, 'must be at most 1024 characters');

/**
 * Who the browser is: `local` (127.0.0.1 and no accounts yet: the single local user is admin),
 * `token` (the server's shared NEWSGRAPH_TOKEN, no accounts), or `accounts` (sign in).
 */
export const SessionResponseSchema = z.object({
  mode: z.enum(['local', 'token', 'accounts']),
  user: z
    .object({ name: z.string(), role: RoleSchema, via: z.enum(['local', 'session', 'token']) })
    .nullable()
    .describe('null when nobody is signed in'),
  csrfToken: z
    .string()
    .nullable()
    .describe('send it as the x-csrf-token header on every non-GET request of this session'),
});
export type SessionResponse = z.infer<typeof SessionResponseSchema>;

export const LoginBodySchema = z
  .object({ name: z.string().min(1).max(64), password: z.string().min(1).max(1024) })
  .strict();
export type LoginBody = z.infer<typeof LoginBodySchema>;

export const sessionContract = {
  ...ROUTES.session,
  summary: 'Who is signed in (if anyone), their role, and the CSRF token of the session.',
  tag: 'session',
  response: SessionResponseSchema,
  errors: [],
} as const satisfies EndpointContract;

export const loginContract = {
  ...ROUTES.login,
  summary: 'Sign in with a name and password: sets an HTTP-only, SameSite session cookie. Rate-limited.',
  tag: 'session',
  body: LoginBodySchema,
  response: SessionResponseSchema,
  errors: [400, 401, 429],
} as const satisfies EndpointContract;

export const logoutContract = {
  ...ROUTES.logout,
  summary: 'Sign out: clears the session cookie.',
  tag: 'session',
  response: z.object({ ok: z.literal(true) }),
  errors: [],
} as const satisfies EndpointContract;
