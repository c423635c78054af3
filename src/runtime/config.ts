/**
 * The only module that reads process.env: everything else gets the validated Env (or, to start a
 * child process, processEnv()).
 */

import { z } from 'zod';
import {
  DEFAULT_ARTICLES_DIR,
  DEFAULT_BACKUP_DIR,
  DEFAULT_DATA_DIR,
  DEFAULT_INGEST_DIR,
  DEFAULT_INSTANCE,
} from './paths';

const port = (what: string) =>
  z.coerce
    .number({ message: `${what} must be a number` })
    .int(`${what} must be an integer`)
    .min(0, `${what} must be between 0 and 65535`)
    .max(65535, `${what} must be between 0 and 65535`);

/** Every environment variable newsgraph reads, validated once at start. */
export const EnvSchema = z.object({
  NEO4J_URI: z
    .string()
    .regex(/^(bolt|neo4j)(\+s|\+ssc)?:\/\/[^\s/]+/, 'must look like bolt://host:7687, neo4j://host or neo4j+s://host')
    .optional(),
  NEO4J_USERNAME: z.string().min(1).default('neo4j'),
  NEO4J_PASSWORD: z.string().optional(),
  NEO4J_DATABASE: z
    .string()
    .regex(/^[A-Za-z][A-Za-z0-9.-]{0,62}$/, 'is not a valid database name')
    .default('neo4j'),
  /** Folder of the managed instance (conf, data, logs, password). */
  NEWSGRAPH_NEO4J_HOME: z.string().min(1).default(DEFAULT_INSTANCE),
  /** Bolt port of the managed instance; unset = 7687 when free, else any free port. */
  NEWSGRAPH_NEO4J_PORT: port('NEWSGRAPH_NEO4J_PORT').optional(),
  NEWSGRAPH_NEO4J_HEAP: z
    .string()
    .regex(/^\d+[mg]$/i, 'must look like 512m or 2g')
    .default('1g'),
  NEWSGRAPH_NEO4J_PAGECACHE: z
    .string()
    .regex(/^\d+[mg]$/i, 'must look like 512m or 2g')
    .default('512m'),
  /** JDK the managed Neo4j runs on ($JAVA_HOME/bin/java); unset = `java` on PATH. */
  JAVA_HOME: z.string().min(1).optional(),
  HOST: z.string().min(1).default('127.0.0.1'),
  PORT: port('PORT').default(7400),
  /**
   * One shared bearer token for a server without accounts (deprecated once accounts exist: give
   * each script its own token with `npm run user:token`, which can import this value).
   */
  NEWSGRAPH_TOKEN: z.string().min(8, 'must be at least 8 characters').optional(),
  /** How long a sign-in lasts (hours). */
  NEWSGRAPH_SESSION_HOURS: z.coerce
    .number()
    .min(0.01)
    .max(24 * 30)
    .default(12),
  /** Session cookies get the Secure flag: `auto` when the request came over HTTPS, or always/never. */
  NEWSGRAPH_COOKIE_SECURE: z.enum(['auto', 'always', 'never']).default('auto'),
  /** Behind a TLS proxy: trust its X-Forwarded-For/-Proto (`true`, or the proxy's addresses, comma-separated). */
  NEWSGRAPH_TRUST_PROXY: z
    .string()
    .transform((v): boolean | string => (v === 'true' ? true : v === 'false' ? false : v))
    .default(false),
  /** Sign-in attempts per minute from one address, and failed ones per 15 minutes for one name. */
  NEWSGRAPH_LOGIN_LIMIT: z.coerce.number().int().min(1).max(1000).default(20),
  /** Where `npm run db:backup` and scheduled backups write. Put it on another disk. */
  NEWSGRAPH_BACKUP_DIR: z.string().min(1).default(DEFAULT_BACKUP_DIR),
  /** Scheduled backups: an interval like 24h, 6h, 30m, 7d; unset = none. */
  NEWSGRAPH_BACKUP_EVERY: z
    .string()
    .regex(/^\d+(m|h|d)$/, 'must look like 30m, 24h or 7d')
    .optional(),
  /** How many scheduled backups to keep (older ones are removed; manual backups are kept). */
  NEWSGRAPH_BACKUP_KEEP: z.coerce.number().int().min(1).max(1000).default(7),
  /**
   * Saved queries whose run took at least this many ms keep their answer until the database
   * commits anything (any client's write); `off` = never. Kept answers use at most 64 MB.
   */
  NEWSGRAPH_KEEP_ANSWERS_MS: z
    .string()
    .regex(/^(\d{1,7}|off)$/, 'must be a number of milliseconds or off')
    .transform((v) => (v === 'off' ? null : Number(v)))
    .default(250),
  ARTICLES_DIR: z.string().min(1).default(DEFAULT_ARTICLES_DIR),
  /** The app's own store (SQLite: users, sessions' keys, perspectives, staged ingest, audit); never the user's graph. */
  NEWSGRAPH_DATA_DIR: z.string().min(1).default(DEFAULT_DATA_DIR),
  /** Ingest: where normalised article texts and extraction batches are written (never the repo's tracked files). */
  NEWSGRAPH_INGEST_DIR: z.string().min(1).default(DEFAULT_INGEST_DIR),
  /**
   * Ingest: where normalised article texts go. 'ingest' = NEWSGRAPH_INGEST_DIR/articles; 'articles' =
   * ARTICLES_DIR, beside the user's other articles. The evidence reader looks in both.
   */
  NEWSGRAPH_INGEST_TEXTS: z.enum(['ingest', 'articles']).default('ingest'),
  /** Ingest: the `dataset` property of what a reviewer accepts (the seeded graph's, so an export holds both). */
  NEWSGRAPH_DATASET: z
    .string()
    .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'must be a lowercase kebab-case name')
    .default('belgorod'),
  /** Ingest: the name finder, Stanford CoreNLP (a managed JVM) or the pure-JS fallback. */
  NEWSGRAPH_EXTRACTOR: z.enum(['corenlp', 'js']).default('corenlp'),
  /** Port of the managed CoreNLP server on 127.0.0.1; unset = any free port. */
  NEWSGRAPH_CORENLP_PORT: port('NEWSGRAPH_CORENLP_PORT').optional(),
  NEWSGRAPH_CORENLP_HEAP: z
    .string()
    .regex(/^\d+[mg]$/i, 'must look like 1536m or 2g')
    .default('2g'),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  NODE_ENV: z.string().default('production'),
});

export type Env = z.infer<typeof EnvSchema>;

export class ConfigError extends Error {
  override name = 'ConfigError';
}

/**
 * Parses the environment. Empty strings count as unset, so `NEO4J_URI= npm start` means "managed".
 * Throws ConfigError naming every bad variable.
 */
export function loadEnv(source: NodeJS.ProcessEnv = process.env): Env {
  const cleaned: Record<string, string> = {};
  for (const key of Object.keys(EnvSchema.shape)) {
    const v = source[key];
    if (v !== undefined && v !== '') cleaned[key] = v;
  }
  const parsed = EnvSchema.safeParse(cleaned);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`);
    throw new ConfigError(`Invalid configuration:\n${lines.join('\n')}`);
  }
  if (parsed.data.NEO4J_URI && parsed.data.NEO4J_PASSWORD === undefined) {
    throw new ConfigError('Invalid configuration:\n  NEO4J_PASSWORD: required when NEO4J_URI is set');
  }
  return parsed.data;
}

/**
 * A copy of this process's environment with `overrides` on top (undefined removes a variable):
 * the base of a child process's environment, or of loadEnv with some variables fixed.
 */
export function processEnv(overrides: Record<string, string | undefined> = {}): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env, ...overrides };
  for (const [k, v] of Object.entries(overrides)) if (v === undefined) delete env[k];
  return env;
}

/**
 * Runs `fn` with NODE_ENV set to `value` in this process's environment, then restores it. For
 * tools that take it from the process while running in it (Vite's build under Vitest).
 */
export async function withNodeEnv<T>(value: string, fn: () => Promise<T>): Promise<T> {
  const saved = process.env.NODE_ENV;
  process.env.NODE_ENV = value;
  try {
    return await fn();
  } finally {
    if (saved === undefined) delete process.env.NODE_ENV;
    else process.env.NODE_ENV = saved;
  }
}
