import { z } from 'zod';

/**
 * The record of one `npm run ingest` run, kept in the staging store and rewritten after every
 * input, so that a run stopped by a failure (CoreNLP dying, a bad file) says exactly which inputs
 * are done and can be resumed (`--resume RUN_ID`).
 */
export const RUN_SCHEMA = 'newsgraph.ingest.run/1';

export const RunInputSchema = z.object({
  source: z.string(),
  status: z.enum(['pending', 'done', 'duplicate', 'failed']),
  sha256: z.string().optional(),
  /** The staged batch's id once done. */
  batch: z.string().optional(),
  /** For duplicates: what it repeats (a staged batch id or a graph Article id). */
  duplicateOf: z.string().optional(),
  error: z.object({ code: z.string(), message: z.string() }).optional(),
  candidates: z.number().optional(),
});
export type RunInput = z.infer<typeof RunInputSchema>;

export const RunSchema = z.object({
  schema: z.literal(RUN_SCHEMA),
  id: z.string(),
  startedAt: z.string(),
  updatedAt: z.string(),
  extractor: z.enum(['corenlp', 'js']),
  /** Who started it (the user name written into the staged batches). */
  actor: z.string().default('local'),
  /** Metadata given on the command line, applied to every input. */
  meta: z.record(z.string(), z.string()),
  inputs: z.array(RunInputSchema),
});
export type Run = z.infer<typeof RunSchema>;
