import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll } from 'vitest';
import neo4j, { type Driver } from 'neo4j-driver';
import { Recorder, recordingDriver } from '../../../bench/api/record';
import { generateSeedData, type Generated } from '../../../bench/generate';
import { applySchema, writeAndCount } from '../../../src/dataset/load';
import { loadEnv } from '../../../src/runtime/config';
import { createDriver } from '../../../src/runtime/connection';
import { SCHEMA_CYPHER } from '../../../src/runtime/paths';
import { openAppStore } from '../../../src/runtime/store/app-store';
import { buildApp } from '../../../src/server/http/app';
import type { OwnNeo4j } from '../../support/own-neo4j';

interface PlanNode {
  operatorType?: string;
  dbHits?: number;
  children?: PlanNode[];
}
const sumHits = (p: PlanNode | null | undefined): number =>
  p ? (p.dbHits ?? 0) + (p.children ?? []).reduce((a, c) => a + sumHits(c), 0) : 0;

/** Database hits of one request, and how many of them the query spent before reading its answer out. */
export interface Hits {
  hits: number;
  /** All but ProduceResults (the answer's properties read as it is sent): the search itself. */
  work: number;
  statements: number;
  /** The statements counted, for a failure's message. */
  queries: string[];
  body: any;
}

/**
 * The API on an instance of the test's own, with every statement it runs recorded, so a test can
 * PROFILE exactly the Cypher one request ran and read its database hits (a count, not a time).
 */
export class ProfiledApi {
  private constructor(
    readonly app: FastifyInstance,
    private readonly rec: Recorder,
    private readonly bare: Driver,
    private readonly database: string,
  ) {}

  static async open(own: OwnNeo4j): Promise<ProfiledApi> {
    const t = own.target;
    const rec = new Recorder();
    const bare = createDriver(t);
    const app = await buildApp({
      driver: recordingDriver(bare, rec),
      database: t.database,
      env: loadEnv({}),
      logger: false,
      webRoot: null,
      store: openAppStore(':memory:'),
    });
    return new ProfiledApi(app, rec, bare, t.database);
  }

  async get(url: string, body?: object): Promise<{ status: number; body: any }> {
    // A time-out (504) on a cold instance of a busy machine says nothing about database hits: ask
    // again, a few times.
    for (let attempt = 1; ; attempt++) {
      const r =
        body === undefined
          ? await this.app.inject({ method: 'GET', url })
          : await this.app.inject({ method: 'POST', url, payload: body });
      if (r.statusCode !== 504 || attempt === 3) return { status: r.statusCode, body: r.json() };
    }
  }

  /**
   * Sends the request (a POST when it has a body) once to warm the server's caches, again while
   * recording, then PROFILEs the recorded statements (those `keep` accepts) and returns their database
   * hits with the response.
   */
  async dbHits(url: string, body?: object, keep: (query: string) => boolean = () => true): Promise<Hits> {
    const warm = await this.get(url, body);
    if (warm.status !== 200) throw new Error(`${url} → ${warm.status}: ${JSON.stringify(warm.body)}`);
    this.rec.reset();
    const r = await this.get(url, body);
    // The relationship-type list is re-read at most once a minute (db/rel-types.ts): a cache
    // refill that a slow run can land in any request, not part of one request's cost.
    // So is the perspectives' token list (perspectives/sample.ts countTokens, kept 15 s): its tokens
    // statement reads db.relationshipTypes() too, its counts follow as `… AS kind, … count(x) AS c`.
    // A query pending for long on a loaded machine makes the availability gate ask the system
    // database for the database's status (db/availability.ts): the gate's bookkeeping, not the request's.
    const statements = this.rec.statements.filter(
      (st) =>
        !st.query.includes('db.relationshipTypes()') &&
        !/ AS kind, \d+ AS i, count\(x\) AS c/.test(st.query) &&
        (st.database === undefined || st.database === this.database) &&
        keep(st.query),
    );
    let hits = 0;
    let produce = 0;
    for (const st of statements) {
      const p = await this.profile(st.query, st.params);
      hits += p.hits;
      produce += p.hits - p.work;
    }
    return {
      hits,
      work: hits - produce,
      statements: statements.length,
      queries: statements.map((st) => st.query.slice(0, 200)),
      body: r.body,
    };
  }

  /** PROFILEs one statement: its database hits, and those before ProduceResults (see Hits). */
  async profile(query: string, params: Record<string, unknown> = {}): Promise<{ hits: number; work: number }> {
    const session = this.bare.session({ database: this.database, defaultAccessMode: neo4j.session.READ });
    try {
      const p = await session.run(`PROFILE ${query}`, params);
      const root = p.summary.profile as unknown as PlanNode;
      const hits = sumHits(root);
      return { hits, work: hits - (root.operatorType?.startsWith('ProduceResults') ? (root.dbHits ?? 0) : 0) };
    } finally {
      await session.close();
    }
  }

  async close(): Promise<void> {
    await this.app.close();
    await this.bare.close();
  }
}

/**
 * Replaces whatever the instance holds with the generated news graph of `relationships`
 * relationships (bench/generate.ts, fixed seed), loaded by the seed loader's own code.
 */
export async function loadGenerated(own: OwnNeo4j, relationships: number): Promise<Generated> {
  const driver = own.driver();
  const database = own.target.database;
  try {
    const wipe = driver.session({ database });
    try {
      // Auto-commit: the only kind of transaction CALL … IN TRANSACTIONS may run in.
      await wipe.run('MATCH (n) CALL (n) { DETACH DELETE n } IN TRANSACTIONS OF 2000 ROWS');
    } finally {
      await wipe.close();
    }
    await applySchema(driver, database, SCHEMA_CYPHER);
    const g = generateSeedData({ relationships });
    const session = driver.session({ database });
    try {
      const tx = session.beginTransaction({ timeout: 600_000 });
      await writeAndCount(tx, g.data, { reset: false, strategy: 'auto' });
      await tx.commit();
    } finally {
      await session.close();
    }
    return g;
  } finally {
    await driver.close();
  }
}

/**
 * A profile file's set-up: beforeAll starts `own`, then at each size loads the generated graph and
 * hands it to `measure` with a profiled API (closed after); afterAll disposes the instance. Two
 * loads and a JVM start: minutes on a busy 2-core machine.
 */
export function measureAtSizes(
  own: OwnNeo4j,
  sizes: readonly number[],
  measure: (size: number, g: Generated, api: ProfiledApi) => Promise<void>,
): void {
  beforeAll(async () => {
    await own.start();
    for (const size of sizes) {
      const g = await loadGenerated(own, size);
      const api = await ProfiledApi.open(own);
      try {
        await measure(size, g, api);
      } finally {
        await api.close();
      }
    }
  }, 600_000);
  afterAll(async () => own.dispose());
}

/** The element id of the node with our `id` property (what the API hands out and clients send back). */
export async function elementIdOf(api: ProfiledApi, key: string): Promise<string> {
  const r = await api.get(`/api/nodes/${encodeURIComponent(key)}`);
  if (r.status !== 200) throw new Error(`no node ${key}: ${r.status}`);
  return r.body.node.id as string;
}
