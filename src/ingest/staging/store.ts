/**
 * The staging area: extraction batches waiting for review, the review's decisions, the accepts
 * (what each wrote to the graph, so it can be undone), the judgements on name pairs, and the runs
 * of `npm run ingest`. All of it lives in the app's own SQLite store, never in Neo4j, so nothing
 * staged can reach the explorer's graph, search, overview, neighbours, saved queries or ad-hoc
 * Cypher until a person accepts it.
 */
import type { AppStore } from '../../runtime/store/app-store';
import type { Batch } from '../batch';
import type { Judgement } from '../link/judgements';
import { RunSchema, type Run } from '../run';
import {
  json,
  MIGRATIONS,
  toAccept,
  toDecision,
  toBatch,
  type AcceptDbRow,
  type AcceptRow,
  type BatchRow,
  type DecisionDbRow,
  type DecisionRow,
  type DecisionState,
  type StagedBatch,
} from './rows';

export type { AcceptRow, DecisionRow, DecisionState, StagedBatch } from './rows';

export const batchIdOf = (sha256: string) => `b-${sha256.slice(0, 12)}`;

/** The staging area over one app store. Every method is one or a few indexed statements. */
export class Staging {
  constructor(
    readonly store: AppStore,
    private readonly now: () => Date = () => new Date(),
  ) {
    store.migrate('ingest', MIGRATIONS);
  }

  private get db() {
    return this.store.db;
  }
  private stamp() {
    return this.now().toISOString();
  }

  // ------------------------------------------------------------------ runs (npm run ingest)

  saveRun(run: Run): void {
    run.updatedAt = this.stamp();
    this.db
      .prepare(
        'INSERT INTO ingest_runs (id, updated_at, run_json) VALUES (?, ?, ?) ON CONFLICT(id) DO UPDATE SET updated_at = excluded.updated_at, run_json = excluded.run_json',
      )
      .run(run.id, run.updatedAt, JSON.stringify(run));
  }

  run(id: string): Run | undefined {
    const r = this.db.prepare<[string], { run_json: string }>('SELECT run_json FROM ingest_runs WHERE id = ?').get(id);
    return r ? RunSchema.parse(JSON.parse(r.run_json)) : undefined;
  }

  /** The newest runs first. */
  runs(limit = 20): Run[] {
    return this.db
      .prepare<[number], { run_json: string }>('SELECT run_json FROM ingest_runs ORDER BY updated_at DESC LIMIT ?')
      .all(limit)
      .map((r) => RunSchema.parse(JSON.parse(r.run_json)));
  }

  // ------------------------------------------------------------------ batches

  /** Stages a batch (one article). Throws when a batch for the same text exists (the caller checks first). */
  addBatch(batch: Batch, by: string, runId: string | null = null): StagedBatch {
    const id = batchIdOf(batch.article.sha256);
    const createdAt = this.stamp();
    this.db
      .prepare(
        'INSERT INTO ingest_batches (id, sha256, created_at, created_by, source, run_id, batch_json) VALUES (?, ?, ?, ?, ?, ?, ?)',
      )
      .run(id, batch.article.sha256, createdAt, by, batch.article.source, runId, JSON.stringify(batch));
    return {
      id,
      sha256: batch.article.sha256,
      createdAt,
      createdBy: by,
      source: batch.article.source,
      runId,
      articleId: null,
      batch,
    };
  }

  batch(id: string): StagedBatch | undefined {
    const r = this.db.prepare<[string], BatchRow>('SELECT * FROM ingest_batches WHERE id = ?').get(id);
    return r ? toBatch(r) : undefined;
  }

  batchBySha(sha256: string): StagedBatch | undefined {
    const r = this.db.prepare<[string], BatchRow>('SELECT * FROM ingest_batches WHERE sha256 = ?').get(sha256);
    return r ? toBatch(r) : undefined;
  }

  /** Newest first. Cost: parses each batch's JSON (tens of KB each). */
  batches(limit = 200): StagedBatch[] {
    return this.db
      .prepare<[number], BatchRow>('SELECT * FROM ingest_batches ORDER BY created_at DESC, id LIMIT ?')
      .all(limit)
      .map(toBatch);
  }

  /** Replaces a batch's content (metadata given later, dates re-resolved). */
  replaceBatch(id: string, batch: Batch): void {
    this.db.prepare('UPDATE ingest_batches SET batch_json = ? WHERE id = ?').run(JSON.stringify(batch), id);
  }

  setArticleId(id: string, articleId: string | null): void {
    this.db.prepare('UPDATE ingest_batches SET article_id = ? WHERE id = ?').run(articleId, id);
  }

  // ------------------------------------------------------------------ decisions

  decisions(batchId: string): Map<string, DecisionRow> {
    const rows = this.db
      .prepare<[string], DecisionDbRow>('SELECT * FROM ingest_decisions WHERE batch_id = ?')
      .all(batchId);
    return new Map(rows.map((r) => [r.candidate, toDecision(r)]));
  }

  /**
   * The event names reviewers gave in other batches and nothing accepted or rejected yet: edited
   * create decisions without an entity label. Cost: one pass over the decision rows (a few per
   * batch), the JSON read by SQLite; no batch is parsed.
   */
  stagedEventNames(exceptBatch: string): { batchId: string; candidate: string; name: string }[] {
    return this.db
      .prepare<[string], { batchId: string; candidate: string; name: string }>(
        `SELECT batch_id AS batchId, candidate, json_extract(edit_json, '$.name') AS name
           FROM ingest_decisions
          WHERE batch_id <> ? AND state = 'edited'
            AND json_extract(edit_json, '$.action') = 'create'
            AND json_extract(edit_json, '$.label') IS NULL
            AND json_type(edit_json, '$.name') = 'text'`,
      )
      .all(exceptBatch);
  }

  setDecision(
    batchId: string,
    candidate: string,
    d: { state: DecisionState; edit?: unknown; result?: unknown; acceptId?: number | null },
    by: string,
  ): void {
    this.db
      .prepare(
        `INSERT INTO ingest_decisions (batch_id, candidate, state, edit_json, result_json, accept_id, at, by)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?)
         ON CONFLICT(batch_id, candidate) DO UPDATE SET state = excluded.state, edit_json = excluded.edit_json,
           result_json = excluded.result_json, accept_id = excluded.accept_id, at = excluded.at, by = excluded.by`,
      )
      .run(batchId, candidate, d.state, json(d.edit), json(d.result), d.acceptId ?? null, this.stamp(), by);
  }

  clearDecision(batchId: string, candidate: string): void {
    this.db.prepare('DELETE FROM ingest_decisions WHERE batch_id = ? AND candidate = ?').run(batchId, candidate);
  }

  // ------------------------------------------------------------------ accepts

  /**
   * Records an accept as pending, unless one of its candidates is accepted already or in another
   * pending accept: then nothing is recorded and that candidate is returned. One immediate SQLite
   * transaction, so of two requests (or processes) accepting the same candidate only one gets in.
   */
  beginAccept(
    batchId: string,
    candidates: string[],
    changes: unknown,
    by: string,
  ): number | { taken: string; pendingAccept: number | null } {
    return this.tx(() => {
      const mine = new Set(candidates);
      const decisions = this.decisions(batchId);
      for (const c of candidates) if (decisions.get(c)?.state === 'accepted') return { taken: c, pendingAccept: null };
      for (const a of this.accepts(batchId)) {
        const taken = a.state === 'pending' ? a.candidates.find((c) => mine.has(c)) : undefined;
        if (taken) return { taken, pendingAccept: a.id };
      }
      const r = this.db
        .prepare(
          "INSERT INTO ingest_accepts (batch_id, candidates_json, at, by, state, changes_json) VALUES (?, ?, ?, ?, 'pending', ?)",
        )
        .run(batchId, JSON.stringify(candidates), this.stamp(), by, JSON.stringify(changes));
      return Number(r.lastInsertRowid);
    });
  }

  finishAccept(id: number, state: 'committed' | 'failed'): void {
    this.db.prepare('UPDATE ingest_accepts SET state = ? WHERE id = ?').run(state, id);
  }

  markUndone(id: number, by: string): void {
    this.db
      .prepare("UPDATE ingest_accepts SET state = 'undone', undone_at = ?, undone_by = ? WHERE id = ?")
      .run(this.stamp(), by, id);
  }

  accept(id: number): AcceptRow | undefined {
    const r = this.db.prepare<[number], AcceptDbRow>('SELECT * FROM ingest_accepts WHERE id = ?').get(id);
    return r ? toAccept(r) : undefined;
  }

  /** A batch's accepts (every batch's when none is given), oldest first. */
  accepts(batchId?: string): AcceptRow[] {
    const where = batchId === undefined ? '' : 'WHERE batch_id = ? ';
    return this.db
      .prepare<string[], AcceptDbRow>(`SELECT * FROM ingest_accepts ${where}ORDER BY id`)
      .all(...(batchId === undefined ? [] : [batchId]))
      .map(toAccept);
  }

  /** Runs `fn` in one SQLite transaction (decisions and the accept's state change together). */
  tx<T>(fn: () => T): T {
    return this.db.transaction(fn).immediate();
  }

  // ------------------------------------------------------------------ judgements

  addJudgement(j: Judgement, by: string): void {
    this.db
      .prepare(
        'INSERT INTO ingest_judgements (left_form, left_entity, right_entity, verdict, by, at, note) VALUES (?, ?, ?, ?, ?, ?, ?)',
      )
      .run(
        'form' in j.left ? j.left.form : null,
        'entityId' in j.left ? j.left.entityId : null,
        j.right.entityId,
        j.verdict,
        by,
        this.stamp(),
        j.note ?? null,
      );
  }

  /** Every judgement, oldest first (later ones override earlier ones for the same pair). */
  judgements(): Judgement[] {
    return this.db
      .prepare<
        [],
        {
          left_form: string | null;
          left_entity: string | null;
          right_entity: string;
          verdict: Judgement['verdict'];
          by: string;
          at: string;
          note: string | null;
        }
      >('SELECT * FROM ingest_judgements ORDER BY id')
      .all()
      .map((r) => ({
        left: r.left_form !== null ? { form: r.left_form } : { entityId: r.left_entity! },
        right: { entityId: r.right_entity },
        verdict: r.verdict,
        by: r.by,
        at: r.at,
        ...(r.note ? { note: r.note } : {}),
      }));
  }
}
