/**
 * Picker values for saved queries' parameters, from their headers' `suggest` queries: run together,
 * at most 200 values each, kept 30 s for the same set of queries.
 */
import { toJson } from '../../db/convert';
import { readQuery, type Db } from '../../db/runner';
import { isInternalLabel } from '../../../dataset/internal';
import type { LoadedQuery } from './file';

type Suggestion = { value: string | number | boolean; label: string };
type Logger = { warn: (o: object, m: string) => void };

export class Suggestions {
  private cache: { at: number; key: string; values: Map<string, Suggestion[]> } | null = null;

  constructor(
    private readonly db: Db,
    private readonly log: Logger,
  ) {}

  /** Forgets the kept values (a query was saved or deleted). */
  clear(): void {
    this.cache = null;
  }

  /**
   * Picker values from the headers' `suggest` queries (rows without a value are skipped); cached
   * 30 s. Failures only log.
   */
  async values(queries: readonly LoadedQuery[]): Promise<Map<string, Suggestion[]>> {
    const key = queries.map((q) => q.meta.name).join('\n');
    if (this.cache && this.cache.key === key && Date.now() - this.cache.at < 30_000) return this.cache.values;
    const values = new Map<string, Suggestion[]>();
    const jobs: Promise<void>[] = [];
    let failed = false;
    for (const q of queries) {
      for (const p of q.params) {
        if (!p.suggest) continue;
        jobs.push(
          readQuery(this.db, p.suggest, {}, { timeoutMs: 3_000 })
            .then((r) => {
              const list: Suggestion[] = [];
              for (const rec of r.records.slice(0, 200)) {
                const value = toJson(rec.has('value') ? rec.get('value') : rec.get(0));
                if (typeof value !== 'string' && typeof value !== 'number' && typeof value !== 'boolean') continue;
                // db.labels() keeps the loader's own label after a load (no nodes): not a choice.
                if (typeof value === 'string' && isInternalLabel(value)) continue;
                const label = rec.has('label') ? toJson(rec.get('label')) : value;
                list.push({ value, label: label === null ? String(value) : String(label) });
              }
              values.set(`${q.meta.name}/${p.name}`, list);
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
    if (failed) return this.cache?.values ?? values;
    this.cache = { at: Date.now(), key, values };
    return values;
  }
}
