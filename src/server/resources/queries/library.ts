import { createHash } from 'node:crypto';
import type { SavedQuery, SavedQueryParam } from '../../../shared/api/queries';
import type { Actor } from '../../http/actor';
import { KEYED_LABELS, resolveNode } from '../../db/node-ref';
import { readQuery, type Db } from '../../db/runner';
import { ApiError, badRequest, notFound } from '../../http/errors';
import { explainCheck, type PlanCheck } from '../../sandbox/sandbox';
import { backwardsRange, rangePairs } from '../../../shared/api/query-ranges';
import { coerceParam, parseSavedQuery, readSavedQueries, type LoadedQuery, type Rejected } from './file';
import { tokensInUse } from '../perspectives/sample';
import { transient, uncheckedWhy } from './unchecked';
import { assertMayChange } from './owner';
import { Suggestions } from './suggest';
import type { Perspectives } from '../perspectives/service';

/**
 * Saved queries: the repository's (cypher/queries, EXPLAIN-checked at start) and those saved from
 * the explorer with the connected database's perspective (in the app's store, checked the same
 * way when saved and when first listed). A file that fails (bad header, parse error, not
 * read-only, forbidden operator) is logged and listed under `rejected`, never run. Each query's
 * `needs` (labels and types) decides whether it fits the connected database.
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
  /** Perspective queries that passed the checks, by a hash of their text (checked once). */
  private readonly checkedTexts = new Map<string, LoadedQuery | Error>();
  private readonly suggest: Suggestions;
  /** The last labels and types seen in use (kept while Neo4j is down). */
  private tokens: { labels: Set<string>; types: Set<string> } | null = null;

  constructor(
    private readonly db: Db,
    private readonly dir: string,
    private readonly log: Logger,
    private readonly perspectives: Perspectives | null = null,
  ) {
    this.suggest = new Suggestions(db, log);
  }

  /** Reads and checks now; resolves even when the database is down (checked later then). */
  async load(): Promise<void> {
    await this.ensureChecked().catch((e: unknown) => {
      this.log.warn(
        { err: (e as Error).message, code: (e as { code?: string }).code },
        `saved queries: not checked yet (${uncheckedWhy(e)}); will retry on first use`,
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
        await this.checkOne(q);
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
    this.suggest.clear();
  }

  /** EXPLAIN-checks a query and its suggestion queries (read-only, plannable). */
  private async checkOne(q: LoadedQuery): Promise<void> {
    await explainCheck(this.db, q.cypher, {});
    for (const p of q.params)
      if (p.suggest)
        await explainCheck(this.db, p.suggest, {}).catch((e: unknown) => {
          if (transient(e)) throw e;
          throw new Error(`suggestion query of ${p.name}: ${(e as Error).message}`, { cause: e });
        });
  }

  /** The perspective's saved queries, parsed and checked (each text once). */
  private async perspectiveQueries(): Promise<{ queries: LoadedQuery[]; rejected: Rejected[] }> {
    if (!this.perspectives) return { queries: [], rejected: [] };
    const { store, database } = this.perspectives;
    const queries: LoadedQuery[] = [];
    const rejected: Rejected[] = [];
    for (const s of store.queries(database)) {
      const key = createHash('sha256').update(`${s.name}\n${s.text}`).digest('hex');
      let q = this.checkedTexts.get(key);
      if (!q) {
        try {
          const parsed = parseSavedQuery(`${s.name}.cypher`, s.text, 'perspective');
          await this.checkOne(parsed);
          q = parsed;
        } catch (e) {
          if (transient(e)) throw e;
          q = e as Error;
        }
        this.checkedTexts.set(key, q);
      }
      if (q instanceof Error)
        rejected.push({ file: `${s.name}.cypher (saved with the perspective)`, reason: q.message });
      else if (!this.byName.has(q.meta.name))
        queries.push({ ...q, meta: { ...q.meta, owner: s.owner, savedBy: s.updatedBy, savedAt: s.updatedAt } });
    }
    return { queries, rejected };
  }

  /** Labels and types in use now, or the last known ones while Neo4j is down (null: never known). */
  private async inUse(): Promise<{ labels: Set<string>; types: Set<string> } | null> {
    try {
      const t = await tokensInUse(this.db);
      this.tokens = { labels: new Set(t.labels), types: new Set(t.types) };
    } catch {
      /* keep the last known */
    }
    return this.tokens;
  }

  private withFit(q: LoadedQuery, tokens: { labels: Set<string>; types: Set<string> } | null): SavedQuery {
    const missing = tokens
      ? [
          ...q.meta.needs.labels.filter((l) => !tokens.labels.has(l)).map((l) => `:${l}`),
          ...q.meta.needs.types.filter((t) => !tokens.types.has(t)).map((t) => `[:${t}]`),
        ]
      : [];
    return { ...q.meta, fits: missing.length === 0, missing };
  }

  async list(): Promise<{ queries: SavedQuery[]; rejected: Rejected[] }> {
    await this.ensureChecked();
    let own: { queries: LoadedQuery[]; rejected: Rejected[] } = { queries: [], rejected: [] };
    try {
      own = await this.perspectiveQueries();
    } catch {
      /* Neo4j down: the perspective's queries are listed once they can be checked */
    }
    const all = [...this.byName.values(), ...own.queries];
    const [tokens, suggestions, absent] = await Promise.all([
      this.inUse(),
      this.suggest.values(all),
      this.absentDefaults(all),
    ]);
    return {
      queries: all.map((q) => {
        const meta = this.withFit(q, tokens);
        return {
          ...meta,
          params: meta.params.map((p) => {
            const s = suggestions.get(`${q.meta.name}/${p.name}`);
            // A default node this database lacks (the sample graph's keys) is no default: the form asks.
            const { default: _d, ...noDefault } = p;
            const own = absent.has(String(p.default)) && p.type === 'entity' ? { ...noDefault, required: true } : p;
            return s ? { ...own, suggestions: s as SavedQueryParam['suggestions'] } : own;
          }),
        };
      }),
      rejected: [...this.rejectedList, ...own.rejected],
    };
  }

  /**
   * Entity defaults (keys of the sample graph) this database has no node for: one index seek of the
   * keyed labels for all of them, never a scan (none while Neo4j is down).
   */
  private async absentDefaults(all: LoadedQuery[]): Promise<Set<string>> {
    const params = all.flatMap((q) => q.params).filter((p) => p.type === 'entity' && typeof p.default === 'string');
    const keys = [...new Set(params.map((p) => p.default as string))];
    if (!keys.length) return new Set();
    const seek = KEYED_LABELS.map((l) => `MATCH (n:${l}) WHERE n.id IN $keys RETURN n.id AS k`).join(' UNION ');
    try {
      const found = new Set((await readQuery(this.db, seek, { keys })).records.map((r) => r.get('k') as string));
      return new Set(keys.filter((k) => !found.has(k)));
    } catch {
      return new Set();
    }
  }

  async get(name: string): Promise<LoadedQuery | undefined> {
    await this.ensureChecked();
    const repo = this.byName.get(name);
    if (repo) return repo;
    return (await this.perspectiveQueries()).queries.find((q) => q.meta.name === name);
  }

  /** Whether a name belongs to the repository's queries (those are not saved over or deleted). */
  async isRepositoryQuery(name: string): Promise<boolean> {
    await this.ensureChecked();
    return this.byName.has(name);
  }

  /**
   * Validates a run's parameters against the header: unknown names and bad values → 400 naming
   * the parameter; omitted ones take their default. Entity parameters name any node — an element
   * id or an `id` of any type — and reach the query as the node's element id (queries match them
   * with `elementId(x) = $param`); the echo keeps the node's `id` when it has one, for links.
   * Returns Cypher values and their JSON echo.
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
      if (p.type === 'entity' && v !== null) {
        const address = typeof v === 'number' ? String(v) : v;
        if (typeof address !== 'string' || !address.trim())
          throw badRequest(`params.${p.name}`, 'must name a node (an element id or its id)');
        if (address.length > 1000) throw badRequest(`params.${p.name}`, 'must be at most 1000 characters');
        const node = await resolveNode(this.db, address.trim(), p.labels);
        if (!node && given[p.name] === undefined)
          throw badRequest(
            `params.${p.name}`,
            `is required here: its default "${address}" is a node of the sample (Belgorod) graph, not of this database`,
          );
        if (!node) throw badRequest(`params.${p.name}`, `no node with element id or id "${address}"`);
        // The queries match these labels, so another kind of node would answer nothing without saying why.
        if (p.labels?.length && !node.labels.some((l) => p.labels!.includes(l)))
          throw badRequest(
            `params.${p.name}`,
            `"${address}" is not ${/^[aeiou]/i.test(p.labels[0]!) ? 'an' : 'a'} ${p.labels.join(' or ')} (its labels: ${node.labels.join(', ') || 'none'})`,
          );
        // Neo4j's own refusal (shortest paths from a node to itself) would not say which field to change.
        if (p.distinct && cypher[p.distinct] === node.elementId) {
          const other = q.params.find((x) => x.name === p.distinct);
          throw badRequest(
            `params.${p.name}`,
            `is the same node as ${other?.label ?? p.distinct}: pick two different ones`,
          );
        }
        // A query saved from the drawer may match the node by its `id` (`{id: $who}`): it gets the key.
        if (p.pass === 'id' && node.key === null)
          throw badRequest(`params.${p.name}`, `"${address}" has no id, and this query matches nodes by their id`);
        cypher[p.name] = p.pass === 'id' ? node.key : node.elementId;
        echo[p.name] = node.key ?? node.elementId;
        continue;
      }
      cypher[p.name] = coerceParam(p, v, `params.${p.name}`);
      echo[p.name] = v ?? null;
    }
    // A range given backwards would run and answer nothing; say so instead (the form's own rule).
    for (const [a, b] of rangePairs(q.params)) {
      const bad = backwardsRange(a, b, echo[a.name], echo[b.name]);
      if (bad) throw badRequest(`params.${b.name}`, bad);
    }
    return { cypher, echo };
  }

  /** EXPLAIN with the bound parameters: Neo4j's notifications (unknown labels, cartesian products) for the run. */
  async plan(q: LoadedQuery, params: Record<string, unknown>): Promise<PlanCheck> {
    return explainCheck(this.db, q.cypher, params);
  }

  /** Checks a `.cypher` text as a perspective query would be (400 naming the problem), without saving it. */
  async validate(actor: Actor, name: string, text: string): Promise<void> {
    if (!/^[a-z0-9][a-z0-9-]{0,79}$/.test(name)) throw badRequest('body.queries', `"${name}" is not a kebab-case name`);
    if (await this.isRepositoryQuery(name))
      throw new ApiError(409, 'CONFLICT', `"${name}" is a query of the repository; rename it in the file.`);
    assertMayChange(this.perspectives, actor, name, 'save over');
    let parsed: LoadedQuery;
    try {
      parsed = parseSavedQuery(`${name}.cypher`, text, 'perspective');
    } catch (e) {
      throw badRequest('body.queries', `${name}: ${(e as Error).message}`);
    }
    await this.checkOne(parsed);
  }

  /** Saves (or replaces) a perspective query; audited. `text` is a complete `.cypher` file. */
  async save(actor: Actor, name: string, text: string, replace: boolean): Promise<SavedQuery> {
    if (!this.perspectives) throw new ApiError(403, 'FORBIDDEN', 'Saving queries needs the perspective store.');
    if (await this.isRepositoryQuery(name))
      throw new ApiError(409, 'CONFLICT', `"${name}" is a query of the repository; choose another name.`);
    // Before any check or write: another editor's query is theirs to change.
    assertMayChange(this.perspectives, actor, name, 'save over');
    let parsed: LoadedQuery;
    try {
      parsed = parseSavedQuery(`${name}.cypher`, text, 'perspective');
    } catch (e) {
      throw badRequest('body', (e as Error).message);
    }
    await this.checkOne(parsed);
    const { store, database } = this.perspectives;
    // Again, with no await before the write: another editor may have saved it during the check.
    assertMayChange(this.perspectives, actor, name, 'save over');
    const before = store.query(database, name);
    if (before && !replace)
      throw new ApiError(409, 'CONFLICT', `A saved query "${name}" exists already; save with replace to overwrite it.`);
    const savedAt = new Date().toISOString();
    store.putQuery(database, { name, text, updatedAt: savedAt, updatedBy: actor.name });
    this.checkedTexts.set(createHash('sha256').update(`${name}\n${text}`).digest('hex'), parsed);
    this.suggest.clear();
    this.perspectives.audit.record(actor, {
      action: 'query.save',
      target: `${database}#${name}`,
      before: before?.text ?? null,
      after: text,
    });
    return {
      ...this.withFit(parsed, await this.inUse()),
      owner: before?.owner ?? actor.name,
      savedBy: actor.name,
      savedAt,
    };
  }

  /** Deletes a perspective query; audited. */
  async remove(actor: Actor, name: string): Promise<void> {
    if (await this.isRepositoryQuery(name))
      throw new ApiError(403, 'FORBIDDEN', `"${name}" is a query of the repository; it cannot be deleted here.`);
    const ps = this.perspectives;
    const before = ps?.store.query(ps.database, name);
    if (!ps || !before) throw notFound(`No saved query named "${name}"`);
    assertMayChange(this.perspectives, actor, name, 'delete');
    ps.store.removeQuery(ps.database, name);
    this.suggest.clear();
    ps.audit.record(actor, {
      action: 'query.delete',
      target: `${ps.database}#${name}`,
      before: before.text,
      after: null,
    });
  }
}
