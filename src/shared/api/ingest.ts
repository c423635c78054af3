import { z } from 'zod';
import { ArticleMetaSchema as BatchArticleSchema, CandidateSchema, ExtractorInfoSchema } from '../../ingest/batch';
import { ArticleEditSchema, DecisionSchema } from '../../ingest/review/decision';
import type { EndpointContract } from './contract';
import { ROUTES } from './routes';

/**
 * Ingest and review: add an article (staged in the app's own store, invisible to every graph
 * read), review its candidates, accept them into the graph (one transaction each, undoable),
 * judge name pairs, confirm contradictions. Every route needs the editor role; every write is
 * in the audit trail.
 */

/** Largest article file the dialog may send (the extractor's own limit; bigger files are refused from their size). */
export const INGEST_MAX_BYTES = 5 * 1024 * 1024;
/** Body limit of the add-article route: the file base64-encoded plus metadata. */
export const INGEST_BODY_LIMIT = 8 * 1024 * 1024;

const MetaSchema = z.strictObject({
  title: z.string().trim().max(500).optional(),
  outlet: z.string().trim().max(200).optional(),
  byline: z.string().trim().max(500).optional(),
  published: z
    .string()
    .regex(/^\d{4}-\d{2}-\d{2}$/, 'must be a date YYYY-MM-DD')
    .optional()
    .or(z.literal('')),
  url: z.string().trim().max(2000).optional(),
});

export const IngestArticleBodySchema = z
  .strictObject({
    text: z.string().optional().describe('pasted text (plain, Markdown or HTML)'),
    base64: z
      .string()
      // Node decodes anything, dropping what is not base64: a mangled upload would read as "not UTF-8".
      .regex(/^[A-Za-z0-9+/\s]*={0,2}\s*$/, 'is not base64 (A–Z, a–z, 0–9, +, / and = padding)')
      .optional()
      .describe("a dropped file's bytes, base64 (checked as strict UTF-8)"),
    name: z.string().max(300).optional().describe('the file name (its extension gives the format)'),
    format: z.enum(['txt', 'md', 'html']).optional().describe('default: from the name, else sniffed'),
    meta: MetaSchema.default({}).describe('what the reviewer knows: wins over what the input carries'),
    allowSameTitle: z
      .boolean()
      .optional()
      .describe(
        'add it as a separate article although a graph Article has the same title, outlet and date (a 409 with ' +
          'match "title": a live blog\'s later version); the same text or URL is refused all the same',
      ),
  })
  .refine((b) => b.text !== undefined || b.base64 !== undefined, {
    message: 'give the text (pasted) or base64 (a file)',
    path: ['text'],
  })
  .refine((b) => b.text === undefined || b.base64 === undefined, {
    message: 'give either text or base64, not both',
    path: ['text'],
  });
export type IngestArticleBody = z.input<typeof IngestArticleBodySchema>;

export const BatchSummarySchema = z.object({
  id: z.string(),
  title: z.string(),
  source: z.string(),
  createdAt: z.string(),
  createdBy: z.string(),
  published: z.string().nullable(),
  missing: z.array(z.string()).describe('article metadata still missing (published, title…)'),
  articleId: z.string().nullable().describe('the graph Article id once something was accepted'),
  counts: z.object({ total: z.number(), pending: z.number(), accepted: z.number(), rejected: z.number() }),
  notice: z
    .string()
    .nullable()
    .describe(
      'why nothing (or little) was extracted: a text mostly in another script (only English is read), or none found',
    ),
});
export type BatchSummary = z.infer<typeof BatchSummarySchema>;

/** A reference an accept re-pointed: it named an entity merged into another since, so the survivor was linked. */
export const RepointedSchema = z.object({
  from: z.string().describe('the merged-away entity the item named'),
  to: z.string().describe("the survivor's id, linked instead"),
  name: z.string().nullable().describe("the survivor's name"),
  mergedAt: z.string(),
  mergedBy: z.string(),
});
export type Repointed = z.infer<typeof RepointedSchema>;

/** What an accept wrote (`entityId`, or a relationship's `from`/`to`), and what it re-pointed. */
const AcceptResultSchema = z
  .object({ repointed: z.array(RepointedSchema).optional().describe('references linked to a survivor instead') })
  .catchall(z.unknown());

export const CandidateViewSchema = z.object({
  candidate: CandidateSchema,
  state: z.enum(['pending', 'edited', 'accepted', 'rejected']),
  decision: DecisionSchema.nullable().describe('what an accept applies now: the edit, else the proposal'),
  proposed: z.boolean(),
  blocked: z.string().nullable().describe('why it cannot be accepted as it stands'),
  result: AcceptResultSchema.nullable(),
  acceptId: z.number().nullable(),
  by: z.string().nullable(),
  at: z.string().nullable(),
  seen: z
    .string()
    .describe('stamp of the decision shown: send it back with an action to be refused if it changed since'),
  caution: z
    .string()
    .optional()
    .describe(
      'a warning that does not block the accept: an event proposed under the name of an earlier one of the article',
    ),
});
export type CandidateView = z.infer<typeof CandidateViewSchema>;

export const AcceptViewSchema = z.object({
  id: z.number(),
  at: z.string(),
  by: z.string(),
  state: z.enum(['pending', 'committed', 'failed', 'undone']),
  candidates: z.array(z.string()),
  created: z.number(),
  changed: z.number(),
  undoneAt: z.string().nullable(),
  undoneBy: z.string().nullable(),
});
export type AcceptView = z.infer<typeof AcceptViewSchema>;

export const BatchViewSchema = BatchSummarySchema.extend({
  article: BatchArticleSchema,
  text: z.string().describe('the normalised text every offset refers to'),
  extractor: ExtractorInfoSchema,
  candidates: z.array(CandidateViewSchema),
  accepts: z.array(AcceptViewSchema),
});
export type BatchView = z.infer<typeof BatchViewSchema>;

export const AcceptOutcomeSchema = z.object({
  acceptId: z.number(),
  accepted: z.array(z.object({ candidate: z.string(), result: AcceptResultSchema })),
  created: z.number().describe('nodes and relationships created'),
  changed: z.number().describe('nodes and relationships changed (aliases, evidence lists, counts)'),
  left: z
    .array(z.object({ candidate: z.string(), message: z.string() }))
    .optional()
    .describe(
      'bulk accept: candidates left for their reviewer, with why (an event or entity whose name the graph has, an event repeating an earlier one of the article)',
    ),
});
export type AcceptOutcome = z.infer<typeof AcceptOutcomeSchema>;

export const ContradictionSchema = z.object({
  claim: z.string(),
  other: z.string(),
  event: z.object({ id: z.string(), name: z.string() }),
  reason: z.string(),
  quotes: z.tuple([z.string(), z.string()]),
});
export type Contradiction = z.infer<typeof ContradictionSchema>;

export const BatchParamsSchema = z.object({ id: z.string().regex(/^b-[0-9a-f]{12}$/, 'is not a batch id') });
export const CandidateParamsSchema = BatchParamsSchema.extend({
  candidate: z.string().regex(/^[a-z]\d{1,5}$/, 'is not a candidate id'),
});
export const AcceptParamsSchema = z.object({ accept: z.coerce.number().int().positive() });

/** The `seen` stamp of the candidate as the client showed it (409 when it changed since; none sent, no check). */
const Seen = z.string().max(200).optional().describe("the candidate view's `seen`: refused (409) if changed since");
export const AcceptBodySchema = z.strictObject({ decision: DecisionSchema.optional(), seen: Seen }).default({});
export const EditBodySchema = z.strictObject({ decision: DecisionSchema, seen: Seen });
/**
 * What the accept and edit routes parse: the review checks the decision against its candidate's
 * kind, because the union's own error describes whichever kind failed last ("unknown fields").
 */
const SentDecision = z.record(z.string(), z.unknown());
export const AcceptBodyInputSchema = z.strictObject({ decision: SentDecision.optional(), seen: Seen }).default({});
export const EditBodyInputSchema = z.strictObject({ decision: SentDecision, seen: Seen });
export const RejectBodySchema = z
  .strictObject({
    notSame: z
      .array(z.string().max(200))
      .max(20)
      .default([])
      .describe('graph ids its names are NOT (never proposed again)'),
    seen: Seen,
  })
  .default({ notSame: [] });
export const MergeBodySchema = z.strictObject({
  into: z.string().min(1).max(200).describe('the graph entity id'),
  seen: Seen,
});
export const BulkBodySchema = z.strictObject({ minConfidence: z.number().min(0).max(1).default(0.9) });
export const ContradictionBodySchema = z.strictObject({
  claim: z.string().min(1).max(200),
  other: z.string().min(1).max(200),
  confirm: z.boolean(),
});
export const JudgementBodySchema = z.strictObject({
  left: z.union([
    z.strictObject({ form: z.string().min(1).max(200) }),
    z.strictObject({ entityId: z.string().min(1).max(200) }),
  ]),
  right: z.strictObject({ entityId: z.string().min(1).max(200) }),
  verdict: z.enum(['same', 'not-same', 'unsure']),
  note: z.string().max(500).optional(),
});

export const BatchResponseSchema = z.object({ batch: BatchViewSchema });
export const AcceptResponseSchema = z.object({ outcome: AcceptOutcomeSchema, batch: BatchViewSchema });
export const ContradictionResponseSchema = z.object({
  outcome: AcceptOutcomeSchema.nullable(),
  contradictions: z.array(ContradictionSchema),
  batch: BatchViewSchema,
});

const common = { tag: 'ingest' } as const;
const readErrors = [400, 401, 403, 404, 503] as const;
const writeErrors = [400, 401, 403, 404, 409, 503] as const;

export const ingestArticleContract = {
  ...ROUTES.ingestArticle,
  ...common,
  summary: 'Add an article: extract candidates and stage them for review (nothing reaches the graph yet).',
  description:
    'Refused with a clear message: empty, binary, over 5 MB, not UTF-8, the same text staged or in the graph already (409, ' +
    'its `match` says by what: staged, text, url, or title — only title, outlet and date alike, which allowSameTitle overrides), ' +
    'the extractor failing to start or dying (502), a database newsgraph did not set up (409).',
  body: IngestArticleBodySchema,
  response: z.object({ batch: BatchSummarySchema }),
  errors: [400, 401, 403, 409, 413, 502, 503],
} as const satisfies EndpointContract;

export const ingestBatchesContract = {
  ...ROUTES.ingestBatches,
  ...common,
  summary: 'Staged articles, newest first, with review counts.',
  response: z.object({ batches: z.array(BatchSummarySchema) }),
  errors: [401, 403],
} as const satisfies EndpointContract;

export const ingestBatchContract = {
  ...ROUTES.ingestBatch,
  ...common,
  summary: 'One staged article: its text, each candidate with its state, proposal and blockers, and its accepts.',
  params: BatchParamsSchema,
  response: BatchResponseSchema,
  errors: readErrors,
} as const satisfies EndpointContract;

export const ingestBatchArticleContract = {
  ...ROUTES.ingestBatchArticle,
  ...common,
  summary:
    'Give article details the input lacked (title, outlet, published date…) before accepting. `outletUnknown: true` when the text names no publisher: the article is published by a placeholder organization of its own, which corroboration counts among `unnamed_outlets` (not with an outlet; an outlet given later replaces it).',
  params: BatchParamsSchema,
  body: ArticleEditSchema,
  response: BatchResponseSchema,
  errors: writeErrors,
} as const satisfies EndpointContract;

export const ingestEditContract = {
  ...ROUTES.ingestEdit,
  ...common,
  summary: "Store the reviewer's edited decision for a candidate (validated; nothing written to the graph).",
  params: CandidateParamsSchema,
  body: EditBodySchema,
  response: BatchResponseSchema,
  errors: writeErrors,
} as const satisfies EndpointContract;

export const ingestAcceptContract = {
  ...ROUTES.ingestAccept,
  ...common,
  summary: 'Accept a candidate: written to the graph in one transaction, in the seed data shapes, undoable.',
  params: CandidateParamsSchema,
  body: AcceptBodySchema,
  response: AcceptResponseSchema,
  errors: writeErrors,
} as const satisfies EndpointContract;

export const ingestRejectContract = {
  ...ROUTES.ingestReject,
  ...common,
  summary: 'Reject a candidate; optionally judge its names "not the same" as graph entities.',
  params: CandidateParamsSchema,
  body: RejectBodySchema,
  response: BatchResponseSchema,
  errors: writeErrors,
} as const satisfies EndpointContract;

export const ingestReopenContract = {
  ...ROUTES.ingestReopen,
  ...common,
  summary: 'Reconsider a rejected candidate (back to pending).',
  params: CandidateParamsSchema,
  response: BatchResponseSchema,
  errors: writeErrors,
} as const satisfies EndpointContract;

export const ingestMergeContract = {
  ...ROUTES.ingestMerge,
  ...common,
  summary: 'Merge an entity candidate into a graph entity (an accept, undoable) and record the judgement "same".',
  params: CandidateParamsSchema,
  body: MergeBodySchema,
  response: AcceptResponseSchema,
  errors: writeErrors,
} as const satisfies EndpointContract;

export const ingestBulkContract = {
  ...ROUTES.ingestBulk,
  ...common,
  summary: 'Accept every unreviewed, unblocked candidate at or above a confidence, in one transaction (one undo).',
  params: BatchParamsSchema,
  body: BulkBodySchema,
  response: AcceptResponseSchema,
  errors: writeErrors,
} as const satisfies EndpointContract;

export const ingestUndoContract = {
  ...ROUTES.ingestUndo,
  ...common,
  summary: 'Undo an accept: removes exactly what it added and restores what it changed (refused if changed since).',
  params: AcceptParamsSchema,
  response: BatchResponseSchema,
  errors: writeErrors,
} as const satisfies EndpointContract;

export const ingestContradictionsContract = {
  ...ROUTES.ingestContradictions,
  ...common,
  summary:
    "Proposed contradictions between this article's accepted claims and the graph's claims about the same events.",
  params: BatchParamsSchema,
  response: z.object({ contradictions: z.array(ContradictionSchema) }),
  errors: readErrors,
} as const satisfies EndpointContract;

export const ingestContradictionContract = {
  ...ROUTES.ingestContradiction,
  ...common,
  summary: 'Confirm (CONTRADICTS, both contested; undoable) or dismiss a proposed contradiction.',
  params: BatchParamsSchema,
  body: ContradictionBodySchema,
  response: ContradictionResponseSchema,
  errors: writeErrors,
} as const satisfies EndpointContract;

export const ingestJudgeContract = {
  ...ROUTES.ingestJudge,
  ...common,
  summary: 'Record a judgement on a name or entity pair (same / not the same / unsure); the linker obeys it.',
  body: JudgementBodySchema,
  response: z.object({ ok: z.literal(true) }),
  errors: [400, 401, 403],
} as const satisfies EndpointContract;
