/**
 * The staging area's tables in the app store (its migrations) and their rows as the staging area
 * hands them out: a batch, a decision, an accept. JSON columns are parsed (batches and runs
 * checked against their schemas) when read.
 */
import { z } from 'zod';
import { BatchSchema, type Batch } from '../batch';

export const MIGRATIONS = [
  `CREATE TABLE ingest_runs (
     id TEXT PRIMARY KEY,
     updated_at TEXT NOT NULL,
     run_json TEXT NOT NULL
   );
   CREATE TABLE ingest_batches (
     id TEXT PRIMARY KEY,
     sha256 TEXT NOT NULL UNIQUE,
     created_at TEXT NOT NULL,
     created_by TEXT NOT NULL,
     source TEXT NOT NULL,
     run_id TEXT,
     batch_json TEXT NOT NULL,
     -- the graph Article id once an accept wrote the article
     article_id TEXT
   );
   CREATE TABLE ingest_decisions (
     batch_id TEXT NOT NULL REFERENCES ingest_batches(id),
     candidate TEXT NOT NULL,
     state TEXT NOT NULL CHECK (state IN ('edited', 'accepted', 'rejected')),
     edit_json TEXT,
     result_json TEXT,
     accept_id INTEGER,
     at TEXT NOT NULL,
     by TEXT NOT NULL,
     PRIMARY KEY (batch_id, candidate)
   );
   CREATE TABLE ingest_accepts (
     id INTEGER PRIMARY KEY AUTOINCREMENT,
     batch_id TEXT NOT NULL REFERENCES ingest_batches(id),
     candidates_json TEXT NOT NULL,
     at TEXT NOT NULL,
     by TEXT NOT NULL,
     -- pending: the graph transaction is under way (or died: reconciled from the changes on read)
     state TEXT NOT NULL CHECK (state IN ('pending', 'committed', 'failed', 'undone')),
     changes_json TEXT NOT NULL,
     undone_at TEXT,
     undone_by TEXT
   );
   CREATE INDEX ingest_accepts_batch ON ingest_accepts (batch_id, id);
   CREATE TABLE ingest_judgements (
     id INTEGER PRIMARY KEY AUTOINCREMENT,
     left_form TEXT,
     left_entity TEXT,
     right_entity TEXT NOT NULL,
     verdict TEXT NOT NULL CHECK (verdict IN ('same', 'not-same', 'unsure')),
     by TEXT NOT NULL,
     at TEXT NOT NULL,
     note TEXT,
     CHECK ((left_form IS NULL) <> (left_entity IS NULL))
   );`,
];

export type DecisionState = 'edited' | 'accepted' | 'rejected';

export interface DecisionRow {
  candidate: string;
  state: DecisionState;
  edit: unknown;
  /** What an accept resolved the candidate to (e.g. the graph entity id). */
  result: Record<string, unknown> | null;
  acceptId: number | null;
  at: string;
  by: string;
}

export interface StagedBatch {
  id: string;
  sha256: string;
  createdAt: string;
  createdBy: string;
  source: string;
  runId: string | null;
  articleId: string | null;
  batch: Batch;
}

export interface AcceptRow {
  id: number;
  batchId: string;
  candidates: string[];
  at: string;
  by: string;
  state: 'pending' | 'committed' | 'failed' | 'undone';
  changes: unknown;
  undoneAt: string | null;
  undoneBy: string | null;
}

export const json = (v: unknown): string | null => (v === undefined || v === null ? null : JSON.stringify(v));
const parse = (s: string | null): unknown => (s === null ? null : JSON.parse(s));

export interface BatchRow {
  id: string;
  sha256: string;
  created_at: string;
  created_by: string;
  source: string;
  run_id: string | null;
  article_id: string | null;
  batch_json: string;
}
export interface AcceptDbRow {
  id: number;
  batch_id: string;
  candidates_json: string;
  at: string;
  by: string;
  state: AcceptRow['state'];
  changes_json: string;
  undone_at: string | null;
  undone_by: string | null;
}

export const toBatch = (r: BatchRow): StagedBatch => ({
  id: r.id,
  sha256: r.sha256,
  createdAt: r.created_at,
  createdBy: r.created_by,
  source: r.source,
  runId: r.run_id,
  articleId: r.article_id,
  batch: BatchSchema.parse(JSON.parse(r.batch_json)),
});
export const toAccept = (r: AcceptDbRow): AcceptRow => ({
  id: r.id,
  batchId: r.batch_id,
  candidates: z.array(z.string()).parse(JSON.parse(r.candidates_json)),
  at: r.at,
  by: r.by,
  state: r.state,
  changes: JSON.parse(r.changes_json),
  undoneAt: r.undone_at,
  undoneBy: r.undone_by,
});

export interface DecisionDbRow {
  candidate: string;
  state: DecisionState;
  edit_json: string | null;
  result_json: string | null;
  accept_id: number | null;
  at: string;
  by: string;
}
export const toDecision = (r: DecisionDbRow): DecisionRow => ({
  candidate: r.candidate,
  state: r.state,
  edit: parse(r.edit_json),
  result: parse(r.result_json) as Record<string, unknown> | null,
  acceptId: r.accept_id,
  at: r.at,
  by: r.by,
});
