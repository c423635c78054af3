import { z } from 'zod';

/**
 * Shapes every endpoint shares: the error body, id parameters, list-valued query parameters.
 * No Node or DOM imports: the web app uses these too.
 */

/** Machine-readable error codes; `message` says the same for humans. */
export const ErrorCodeSchema = z.enum([
  'BAD_REQUEST', // a parameter or the body failed validation (`param` names it)
  'UNAUTHORIZED', // not signed in, or the bearer token is missing or wrong
  'FORBIDDEN', // signed in, but the role may not do this
  'NOT_OWNER', // the role may, but this thing is another account's (a saved query): its owner or an admin may change it; `owner` names them
  'CSRF', // a write from a signed-in browser without its session's x-csrf-token header
  'CONFLICT', // someone changed it since you read it (entity edit), or it already exists
  'RATE_LIMITED', // too many attempts (sign-in): wait and try again
  'NOT_FOUND', // unknown node, saved query or endpoint
  'CONFLICT', // the thing exists already (a saved query of that name)
  'PAYLOAD_TOO_LARGE', // request body above the limit
  'UNSUPPORTED_MEDIA_TYPE',
  'CYPHER_ERROR', // Neo4j refused the query (syntax, semantics, types); `neo4jCode`, `position`
  'QUERY_REJECTED', // the sandbox refused the query before running it (writes, LOAD CSV, …)
  'TIMEOUT', // the query outlived its time limit and was stopped
  'MEMORY_LIMIT', // the query needed more memory than the database allows a transaction
  'NEO4J_UNAVAILABLE', // the database cannot be reached (or refuses our credentials)
  'STORE_BUSY', // the app's store is held by a restore (or another writer) for longer than a write waits: nothing was written, send it again
  'WRITE_INTERRUPTED', // the store was held part-way through a write, after some of it was saved: reload before sending it again
  'CONFLICT', // the request contradicts the current state (already ingested, a participant to accept first, undo refused)
  'NOT_NEWSGRAPH_DATABASE', // a write refused because newsgraph did not set up the connected database
  'EXTRACTOR_FAILED', // the name finder (CoreNLP) failed to start or died while extracting
  'INTERNAL', // a bug; details are in the server log, never in the response
]);
export type ErrorCode = z.infer<typeof ErrorCodeSchema>;

export const SyntaxPositionSchema = z.object({
  line: z.number().int().describe('1-based'),
  column: z.number().int().describe('1-based'),
  offset: z.number().int().describe('0-based character offset into the query'),
});
export type SyntaxPosition = z.infer<typeof SyntaxPositionSchema>;

/** Where a merged-away node went (a 404 for it): its survivor, followed through later merges. */
export const MergedIntoSchema = z.object({
  id: z.string().describe("the survivor's elementId"),
  key: z.string().nullable().describe("the survivor's `id` property"),
  name: z.string().nullable().describe("the survivor's name"),
  duplicate: z.string().nullable().describe("the merged-away node's name"),
  at: z.string().describe('when it was merged (ISO time)'),
  by: z.string().describe('who merged it'),
});
export type MergedInto = z.infer<typeof MergedIntoSchema>;

/** A new event refused for its name (reason EVENT_EXISTS): the event that has it, to link instead. */
export const ExistingEventSchema = z.object({
  ref: z
    .string()
    .optional()
    .describe(
      "what to put in the claim's About: the graph event's id, or `cand:<id>` for one of the batch; none for one staged in another batch",
    ),
  name: z.string().describe("that event's name"),
  staged: z
    .object({ batch: z.string(), candidate: z.string(), article: z.string() })
    .optional()
    .describe(
      "an event another article's review names and nobody accepted yet: that batch, its candidate, the article's title",
    ),
});
export type ExistingEvent = z.infer<typeof ExistingEventSchema>;

/** Every non-2xx response body. Extra keys carry details (param, neo4jCode, position, …). */
export const ErrorBodySchema = z.object({
  error: z
    .object({
      code: ErrorCodeSchema,
      message: z.string(),
      param: z
        .string()
        .optional()
        .describe(
          'the offending parameter, for BAD_REQUEST; for NOT_FOUND of GET /api/paths, the end (from, to) that found no node',
        ),
      neo4jCode: z.string().optional().describe('Neo4j status code, e.g. Neo.ClientError.Statement.SyntaxError'),
      position: SyntaxPositionSchema.optional(),
      reason: z.string().optional().describe('why the sandbox rejected a query'),
      mergedInto: MergedIntoSchema.optional().describe(
        'NOT_FOUND for a node merged into another (POST /api/nodes/{id}/merge): the survivor to open instead',
      ),
      existing: ExistingEventSchema.optional().describe(
        "CONFLICT (reason EVENT_EXISTS) for a claim's new event whose name an event already has: that event",
      ),
    })
    .catchall(z.unknown()),
});
export type ErrorBody = z.infer<typeof ErrorBodySchema>;

/** A node address: a Neo4j elementId, or our own `id` property (e.g. `vyacheslav-gladkov`). */
export const NodeIdSchema = z
  .string()
  .trim()
  .min(1, 'must not be empty')
  .max(512, 'is too long')
  .describe("a Neo4j elementId, or the node's `id` property");

export const NodeIdParamsSchema = z.object({ id: NodeIdSchema });

/**
 * A list in a query string: `types=A,B` or `types=A&types=B`. Empty entries are dropped;
 * an empty list means "no filter", unless `keepEmpty`: then `exclude=` is the empty list (none),
 * told apart from the parameter left out.
 */
export const csvList = (item: z.ZodString = z.string(), { keepEmpty = false } = {}) =>
  z.preprocess((v) => {
    if (v === undefined || v === null) return undefined;
    const parts = (Array.isArray(v) ? v : [v]).flatMap((x) => String(x).split(','));
    const cleaned = parts.map((p) => p.trim()).filter((p) => p.length > 0);
    return cleaned.length || keepEmpty ? cleaned : undefined;
  }, z.array(item).max(100, 'at most 100 entries').optional());

/** Label and relationship-type names as they appear in a database (any characters but control ones). */
export const TokenNameSchema = z
  .string()
  .min(1)
  .max(256)
  .regex(/^[^\p{Cc}]+$/u, 'contains control characters');

/** A bounded integer query parameter with a default (query strings arrive as text). */
export const intParam = (min: number, max: number, dflt: number) =>
  z.coerce
    .number({ message: 'must be a number' })
    .int('must be an integer')
    .min(min, `must be at least ${min}`)
    .max(max, `must be at most ${max}`)
    .default(dflt);
