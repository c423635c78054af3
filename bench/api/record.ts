/**
 * A recording wrapper around a neo4j-driver Driver: every statement the API runs (through
 * driver.session().run, transactions or driver.executeQuery) is noted with its parameters and
 * access mode, so the benchmark can replay exactly the same Cypher through the bare driver.
 */
import neo4j, { type Driver, type Session } from 'neo4j-driver';

export interface RecordedStatement {
  query: string;
  params: Record<string, unknown>;
  mode: 'READ' | 'WRITE';
  database: string | undefined;
}

export class Recorder {
  statements: RecordedStatement[] = [];
  reset(): void {
    this.statements = [];
  }
}

function wrapRunner<T extends object>(
  target: T,
  rec: Recorder,
  mode: 'READ' | 'WRITE',
  database: string | undefined,
): T {
  return new Proxy(target, {
    get(t, prop, recv) {
      const v = Reflect.get(t, prop, recv) as unknown;
      if (prop === 'run' && typeof v === 'function') {
        return (query: string, params?: Record<string, unknown>, ...rest: unknown[]) => {
          rec.statements.push({ query, params: params ?? {}, mode, database });
          return (v as (...a: unknown[]) => unknown).call(t, query, params, ...rest);
        };
      }
      if (
        (prop === 'executeRead' ||
          prop === 'executeWrite' ||
          prop === 'readTransaction' ||
          prop === 'writeTransaction') &&
        typeof v === 'function'
      ) {
        const m = prop === 'executeRead' || prop === 'readTransaction' ? 'READ' : 'WRITE';
        return (work: (tx: object) => unknown, ...rest: unknown[]) =>
          (v as (...a: unknown[]) => unknown).call(t, (tx: object) => work(wrapRunner(tx, rec, m, database)), ...rest);
      }
      if (prop === 'beginTransaction' && typeof v === 'function') {
        return (...a: unknown[]) => wrapRunner((v as (...a: unknown[]) => object).apply(t, a), rec, mode, database);
      }
      return typeof v === 'function' ? (v as (...a: unknown[]) => unknown).bind(t) : v;
    },
  });
}

/** The driver the app gets: behaves like `driver`, records into `rec`. */
export function recordingDriver(driver: Driver, rec: Recorder): Driver {
  return new Proxy(driver, {
    get(t, prop, recv) {
      const v = Reflect.get(t, prop, recv) as unknown;
      if (prop === 'session' && typeof v === 'function') {
        return (cfg: { database?: string; defaultAccessMode?: string } = {}) => {
          const mode = cfg.defaultAccessMode === neo4j.session.READ ? 'READ' : 'WRITE';
          return wrapRunner((v as (c: unknown) => Session).call(t, cfg), rec, mode, cfg.database);
        };
      }
      if (prop === 'executeQuery' && typeof v === 'function') {
        return (query: string, params?: Record<string, unknown>, cfg?: { database?: string; routing?: string }) => {
          rec.statements.push({
            query,
            params: params ?? {},
            mode: cfg?.routing === neo4j.routing.READ ? 'READ' : 'WRITE',
            database: cfg?.database,
          });
          return (v as (...a: unknown[]) => unknown).call(t, query, params, cfg);
        };
      }
      return typeof v === 'function' ? (v as (...a: unknown[]) => unknown).bind(t) : v;
    },
  });
}

/**
 * Replays one request's statements with the bare driver, in order, the way the API runs them
 * (a session per statement, all records consumed). Cost: the database work, nothing else.
 */
export async function replay(driver: Driver, database: string, statements: RecordedStatement[]): Promise<void> {
  for (const s of statements) {
    const session = driver.session({
      database: s.database ?? database,
      defaultAccessMode: s.mode === 'READ' ? neo4j.session.READ : neo4j.session.WRITE,
    });
    try {
      await session.run(s.query, s.params, { timeout: 15_000 });
    } finally {
      await session.close();
    }
  }
}
