import type { SavedQuery, SavedQueryParam } from '../../../shared/api/queries';
import { toJson } from '../../db/convert';
import { looksLikeElementId, readQuery, type Db } from '../../db/runner';
import { badRequest } from '../../http/errors';
import { explainCheck } from '../../sandbox/sandbox';
import { coerceParam, readSavedQueries, type LoadedQuery, type Rejected } from './file';

/**
 * Saved queries: loaded from cypher/queries and EXPLAIN-checked at start; a file that fails (bad
 * header, parse error, not read-only, forbidden operator) is logged and listed under `rejected`,
 * never run.
 */

export type Logger = { warn: (o: object, m: string) => void; info: (o: object, m: string) => void };

/**
 * The library of saved queries of one server. `load()` reads the folder and EXPLAIN-checks every
 * query (and suggestion query) against the database: the parse and the read-only check happen
 * there. If the database is down at start, the check is retried on first use.
 */
export class SavedQueryLibrary {
  private byName = new Map<string, LoadedQuery>();
  private rejectedList: Rejected[] = [];
  private checked: Promise<void> | null = null;
  private suggestCache: { at: number; values: Map<string, { value: unknown; label: string }[]> } | null = null;

  constructor(
    private readonly db: Db,
    private readonly dir: string,
    private readonly log: Logger,
  ) {}

  /** Reads and checks now; resolves even when the database is down (checked later then). */
  async load(): Promise<void> {
    await this.ensureChecked().catch((e: unknown) => {
      this.log.warn(
        { err: (e as Error).message },
        'saved queries: not checked yet (Neo4j unavailable); will retry on first use',
      );
    });
  }

  /** Reads the folder and checks each query once; a failed attempt (database down) is retried. */
  private ensureChecked(): Promise<void> {
    this.checked ??= this.check().catch((e: unknown) => {
      this.checked = null;
      throw e;
    });
    return this.checked;
  }

  private async check(): Promise<void> {
    const { queries, rejected } = readSavedQueries(this.dir);
    const ok = new Map<string, LoadedQuery>();
    for (const q of queries) {
      try {
        await explainCheck(this.db, q.cypher, {});
        for (const p of q.params)
          if (p.suggest)
            await explainCheck(this.db, p.suggest, {}).catch((e: unknown) => {
              if (transient(e)) throw e;
              throw new Error(`suggestion query of ${p.name}: ${(e as Error).message}`);
            });
        ok.set(q.meta.name, q);
      } catch (e) {
        if (transient(e)) throw e;
        rejected.push({ file: q.file, reason: (e as Error).message });
      }
    }
    for (const r of rejected)
      this.log.warn({ file: r.file, reason: r.reason }, `saved query ${r.file} rejected: ${r.reason}`);
    this.log.info(
      { loaded: ok.size, rejected: rejected.length },
      `saved queries: ${ok.size} loaded, ${rejected.length} rejected`,
    );
    this.byName = ok;
    this.rejectedList = rejected;
    this.suggestCache = null;
  }

  async list(): Promise<{ queries: SavedQuery[]; rejected: Rejected[] }> {
    await this.ensureChecked();
    const suggestions = await this.suggestions();
    return {
      queries: [...this.byName.values()].map((q) => ({
        ...q.meta,
        params: q.meta.params.map((p) => {
          const s = suggestions.get(`${q.meta.name}/${p.name}`);
          return s ? { ...p, suggestions: s as SavedQueryParam['suggestions'] } : p;
        }),
      })),
      rejected: this.rejectedList,
    };
  }

  async get(name: string): Promise<LoadedQuery | undefined> {
    await this.ensureChecked();
    return this.byName.get(name);
  }

  /** Picker values from the headers' `suggest` queries; cached 30 s. Failures only log. */
  private async suggestions(): Promise<Map<string, { value: unknown; label: string }[]>> {
    if (this.suggestCache && Date.now() - this.suggestCache.at < 30_000) return this.suggestCache.values;
    const values = new Map<string, { value: unknown; label: string }[]>();
    const jobs: Promise<void>[] = [];
    let failed = false;
    for (const q of this.byName.values()) {
      for (const p of q.params) {
        if (!p.suggest) continue;
        jobs.push(
          readQuery(this.db, p.suggest, {}, { timeoutMs: 3_000 })
            .then((r) => {
              values.set(
                `${q.meta.name}/${p.name}`,
                r.records.slice(0, 200).map((rec) => {
                  const value = toJson(rec.has('value') ? rec.get('value') : rec.get(0));
                  const label = rec.has('label') ? toJson(rec.get('label')) : value;
                  return { value, label: String(label) };
                }),
              );
            })
            .catch((e: unknown) => {
              failed = true;
              this.log.warn(
                { query: q.meta.name, param: p.name, err: (e as Error).message },
                'suggestion query failed',
              );
            }),
        );
      }
    }
    await Promise.all(jobs);
    // A failed round (Neo4j down) is not cached: the last good values serve until it is back.
    if (failed) return this.suggestCache?.values ?? values;
    this.suggestCache = { at: Date.now(), values };
    return values;
  }

  /**
   * Validates a run's parameters against the header: unknown names and bad values → 400 naming
   * the parameter; omitted ones take their default. Entity ids given as element ids are turned
   * into our `id` (one extra round trip). Returns Cypher values and their JSON echo.
   */
  async bindParams(
    q: LoadedQuery,
    given: Record<string, unknown>,
  ): Promise<{ cypher: Record<string, unknown>; echo: Record<string, unknown> }> {
    const known = new Set(q.params.map((p) => p.name));
    for (const k of Object.keys(given)) {
      if (!known.has(k))
        throw badRequest(`params.${k}`, `unknown parameter; this query takes ${[...known].join(', ') || 'none'}`);
    }
    const cypher: Record<string, unknown> = {};
    const echo: Record<string, unknown> = {};
    for (const p of q.params) {
      let v = given[p.name];
      if (v === undefined) {
        if (p.default === undefined) throw badRequest(`params.${p.name}`, 'is required');
        v = p.default;
      }
      if (p.type === 'entity' && typeof v === 'string' && looksLikeElementId(v)) {
        const r = await readQuery(this.db, 'MATCH (n) WHERE elementId(n) = $id RETURN n.id AS key', { id: v });
        const key = r.records[0]?.get('key');
        if (typeof key !== 'string')
          throw badRequest(`params.${p.name}`, `no node with element id ${v} (and an \`id\` property)`);
        v = key;
      }
      cypher[p.name] = coerceParam(p, v, `params.${p.name}`);
      echo[p.name] = v ?? null;
    }
    return { cypher, echo };
  }
}

/**
 * A failure that says nothing about the query: the database down, slow or out of memory. The whole
 * check is then retried on first use rather than rejecting a good query for the server's lifetime.
 */
function transient(e: unknown): boolean {
  const code = (e as { code?: string }).code;
  const status = (e as { status?: number }).status;
  return code === 'NEO4J_UNAVAILABLE' || code === 'TIMEOUT' || code === 'MEMORY_LIMIT' || (status ?? 0) >= 500;
}
