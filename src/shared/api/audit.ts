import { z } from 'zod';
import type { EndpointContract } from './contract';
import { intParam } from './common';
import { ROUTES } from './routes';

/** How an action came in; 'server' is the server acting on its own (the backup schedule). */
export const AUDIT_VIAS = ['session', 'token', 'local', 'cli', 'server', 'anonymous'] as const;

export const AuditOriginSchema = z.object({
  via: z.enum(AUDIT_VIAS),
  ref: z
    .string()
    .nullable()
    .describe('session: a short hash of the session (not its id or cookie); token: its id; else null'),
  label: z.string().nullable().describe("token: its label; else null. Never the token's secret"),
});
export type AuditOrigin = z.infer<typeof AuditOriginSchema>;

export const AuditEntrySchema = z.object({
  id: z.number(),
  at: z.string().describe('ISO time'),
  actor: z.string(),
  role: z.string(),
  action: z.string().describe('dotted verb: node.edit, user.add, ingest.accept…'),
  target: z.string().nullable(),
  before: z.unknown(),
  after: z.unknown(),
  detail: z.unknown().describe('the article and quote behind a graph change, a reason…'),
  origin: AuditOriginSchema.nullable().describe('null for entries written before origins were recorded'),
  undone: z
    .object({ id: z.number(), actor: z.string(), at: z.string().describe('ISO time') })
    .nullable()
    .optional()
    .describe('on a `node.merge` entry only: the `node.unmerge` entry that undid it, null while it stands'),
});
export type AuditEntryWire = z.infer<typeof AuditEntrySchema>;

export const AuditQuerySchema = z.strictObject({
  actor: z.string().max(64).optional(),
  action: z.string().max(64).optional().describe('exact action, or a prefix ending in "." (node.)'),
  target: z.string().max(512).optional(),
  since: z.string().max(40).optional().describe('ISO date or time (inclusive)'),
  before: z.coerce.number().int().min(1).optional().describe('entries older than this id (paging)'),
  limit: intParam(1, 500, 100),
});
export type AuditQuery = z.input<typeof AuditQuerySchema>;

export const AuditResponseSchema = z.object({
  entries: z.array(AuditEntrySchema).describe('newest first'),
  /** Pass as `before` for the next page; null at the end. */
  next: z.number().nullable(),
});
export type AuditResponse = z.infer<typeof AuditResponseSchema>;

export const auditContract = {
  ...ROUTES.audit,
  summary: 'The audit trail, newest first, filtered. Read only: no route edits or deletes an entry.',
  tag: 'audit',
  query: AuditQuerySchema,
  response: AuditResponseSchema,
  errors: [400, 403],
} as const satisfies EndpointContract;
