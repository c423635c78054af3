import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { chmodSync, existsSync, mkdirSync, openSync, closeSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import neo4j from 'neo4j-driver';
import { NEO4J_LIB } from '../paths';
import { renderConf, sizeToMb } from './conf';
import { ManagedNeo4jError } from './errors';
import { ensureNeo4jInstalled } from './install';
import { EXIT_MEANING, isOurJvm, jvmArgs, registerOrphanGuard, sleep, tailOf, waitForExit } from './jvm';
import { freePort, isPortFree } from './ports';
import { checkJava, defaultJava } from './prereqs';

export interface ManagedOptions {
  /** Instance folder: conf/, data/, logs/, import/, run/, password. */
  home: string;
  /** Bolt port; unset = the port used last time, else 7687 when free, else any free port. */
  port?: number;
  heap?: string;
  pagecache?: string;
  libDir?: string;
  javaCmd?: string;
  /** Used for the java binary when javaCmd is not given (Env.JAVA_HOME). */
  javaHome?: string;
  /** Settings appended to neo4j.conf. */
  extraConf?: Record<string, string>;
  /** Keep running after this process exits (db:start). Default false: stopped with us. */
  detached?: boolean;
  /** When the folder's server is already running: reuse it (default) or fail with INSTANCE_LOCKED. */
  reuse?: boolean;
  readyTimeoutMs?: number;
  log?: (line: string) => void;
}

/** What db:status prints; `password` is the generated one, read from the instance folder. */
export interface ManagedInfo {
  running: boolean;
  pid: number | null;
  uri: string | null;
  username: string;
  password: string | null;
  passwordFile: string;
  database: string;
  home: string;
  dataDir: string;
  logFile: string;
}

export interface ManagedHandle {
  info: ManagedInfo;
  /** False when we attached to a server that was already running: stop() then leaves it alone. */
  owned: boolean;
  /** SIGTERM, wait, SIGKILL after `timeoutMs`. Resolves when the JVM is gone. */
  stop(timeoutMs?: number): Promise<void>;
  /** Resolves when the JVM exits, for whatever reason, with its exit code. */
  exited: Promise<number | null>;
}

interface State {
  pid: number;
  port: number;
  version: string;
  startedAt: string;
}

const USERNAME = 'neo4j';
const DATABASE = 'neo4j';

const paths = (home: string) => ({
  conf: join(home, 'conf'),
  confFile: join(home, 'conf', 'neo4j.conf'),
  data: join(home, 'data'),
  logs: join(home, 'logs'),
  logFile: join(home, 'logs', 'console.log'),
  import: join(home, 'import'),
  plugins: join(home, 'plugins'),
  run: join(home, 'run'),
  state: join(home, 'run', 'state.json'),
  lastPort: join(home, 'run', 'last-port'),
  passwordFile: join(home, 'password'),
  passwordApplied: join(home, 'run', 'password-applied'),
});

function readState(home: string): State | null {
  try {
    return JSON.parse(readFileSync(paths(home).state, 'utf8')) as State;
  } catch {
    return null;
  }
}

function readPassword(home: string): string | null {
  try {
    return readFileSync(paths(home).passwordFile, 'utf8').trim();
  } catch {
    return null;
  }
}

/** Status of the instance folder, without touching the server. Cost: a few file reads. */
export function managedStatus(homeArg: string): ManagedInfo {
  const home = resolve(homeArg);
  const p = paths(home);
  const st = readState(home);
  const running = !!st && isOurJvm(st.pid, home);
  return {
    running,
    pid: running ? st!.pid : null,
    uri: running ? `bolt://127.0.0.1:${st!.port}` : null,
    username: USERNAME,
    password: readPassword(home),
    passwordFile: p.passwordFile,
    database: DATABASE,
    home,
    dataDir: p.data,
    logFile: p.logFile,
  };
}

async function choosePort(home: string, wanted?: number): Promise<number> {
  if (wanted !== undefined && wanted !== 0) {
    if (!(await isPortFree(wanted))) {
      throw new ManagedNeo4jError(
        'PORT_IN_USE',
        `Port ${wanted} on 127.0.0.1 is already in use, so the managed Neo4j cannot listen for Bolt there. ` +
          `Stop whatever holds it (another Neo4j? \`npm run db:status\`) or choose another port with NEWSGRAPH_NEO4J_PORT.`,
      );
    }
    return wanted;
  }
  const last = Number(existsSync(paths(home).lastPort) ? readFileSync(paths(home).lastPort, 'utf8') : NaN);
  for (const candidate of [last, 7687]) {
    if (Number.isInteger(candidate) && candidate > 0 && (await isPortFree(candidate))) return candidate;
  }
  return freePort();
}

/** Stops the instance's JVM if it runs: SIGTERM, then SIGKILL after `timeoutMs`. */
export async function stopManaged(homeArg: string, timeoutMs = 30_000): Promise<boolean> {
  const home = resolve(homeArg);
  const st = readState(home);
  if (!st || !isOurJvm(st.pid, home)) {
    rmSync(paths(home).state, { force: true });
    return false;
  }
  try {
    process.kill(st.pid, 'SIGTERM');
  } catch {
    /* already gone */
  }
  if (!(await waitForExit(st.pid, timeoutMs))) {
    try {
      process.kill(st.pid, 'SIGKILL');
    } catch {
      /* gone */
    }
    await waitForExit(st.pid, 5_000);
  }
  rmSync(paths(home).state, { force: true });
  return true;
}

/**
 * Installs (first time), configures and starts the managed Neo4j, then waits until Bolt answers
 * with the generated password. Cost: ~10–20 s for a JVM start here; ~1 min more on first install.
 */
export async function startManaged(opts: ManagedOptions): Promise<ManagedHandle> {
  const home = resolve(opts.home);
  const p = paths(home);
  const log = opts.log ?? ((l: string) => process.stderr.write(`${l}\n`));

  const existing = readState(home);
  if (existing && isOurJvm(existing.pid, home)) {
    if (opts.reuse === false) {
      throw new ManagedNeo4jError(
        'INSTANCE_LOCKED',
        `The instance folder ${home} is locked: another Neo4j (pid ${existing.pid}, bolt://127.0.0.1:${existing.port}) ` +
          `is running on it. Stop it with \`npm run db:stop\`, or use another folder (NEWSGRAPH_NEO4J_HOME).`,
      );
    }
    const info = managedStatus(home);
    return {
      info,
      owned: false,
      stop: async () => {},
      exited: new Promise(() => {}),
    };
  }

  const javaCmd = opts.javaCmd ?? defaultJava(opts.javaHome);
  checkJava(javaCmd);
  const port = await choosePort(home, opts.port);
  const { libDir, version } = await ensureNeo4jInstalled({ libDir: opts.libDir ?? NEO4J_LIB, javaCmd, log });

  for (const d of [home, p.conf, p.data, p.logs, p.import, p.plugins, p.run]) mkdirSync(d, { recursive: true });
  if (!existsSync(p.passwordFile)) {
    writeFileSync(p.passwordFile, `${randomBytes(18).toString('base64url')}\n`, { mode: 0o600 });
    rmSync(p.passwordApplied, { force: true });
  }
  chmodSync(p.passwordFile, 0o600);
  const password = readPassword(home)!;
  const heap = opts.heap ?? '1g';
  writeFileSync(
    p.confFile,
    renderConf({
      boltPort: port,
      importDir: p.import,
      pluginsDir: p.plugins,
      pagecache: opts.pagecache ?? '512m',
      txTotalMemory: `${Math.max(128, Math.floor(sizeToMb(heap) * 0.6))}m`,
      extra: opts.extraConf,
    }),
  );

  writeFileSync(p.logFile, '');
  const out = openSync(p.logFile, 'a');
  let child: ChildProcess;
  try {
    child = spawn(javaCmd, jvmArgs(heap, libDir, home, p.conf), {
      cwd: home,
      detached: !!opts.detached,
      stdio: ['ignore', out, out],
    });
  } finally {
    closeSync(out);
  }
  const pid = child.pid;
  if (pid === undefined) throw new ManagedNeo4jError('START_FAILED', `Could not start ${javaCmd}`);
  writeFileSync(p.state, JSON.stringify({ pid, port, version, startedAt: new Date().toISOString() } satisfies State));
  writeFileSync(p.lastPort, String(port));

  let exitCode: number | null | undefined;
  const exited = new Promise<number | null>((res) => {
    child.once('exit', (code, signal) => {
      exitCode = code ?? (signal ? 128 : null);
      res(exitCode);
    });
  });
  if (opts.detached) child.unref();
  else registerOrphanGuard(child);

  const uri = `bolt://127.0.0.1:${port}`;
  try {
    await waitUntilReady({
      uri,
      password,
      passwordApplied: p.passwordApplied,
      deadline: Date.now() + (opts.readyTimeoutMs ?? 120_000),
      hasExited: () => exitCode !== undefined,
    });
  } catch (e) {
    if (exitCode === undefined) {
      child.kill('SIGKILL');
      await exited;
    }
    rmSync(p.state, { force: true });
    const tail = tailOf(p.logFile);
    if (/locked by another process|FileLockException|Lock file has been locked/i.test(tail)) {
      throw new ManagedNeo4jError(
        'INSTANCE_LOCKED',
        `Neo4j could not lock its store in ${p.data}: another Neo4j process is using this instance folder. ` +
          `Stop it, or use another folder (NEWSGRAPH_NEO4J_HOME). Last log lines:\n${tail}`,
      );
    }
    if (exitCode !== undefined) {
      const meaning = (exitCode !== null && EXIT_MEANING[exitCode]) || 'unexpected exit';
      throw new ManagedNeo4jError(
        'START_FAILED',
        `Neo4j failed to start (exit code ${exitCode}: ${meaning}). Log: ${p.logFile}. Last log lines:\n${tail}`,
      );
    }
    throw new ManagedNeo4jError(
      'START_TIMEOUT',
      `Neo4j did not accept Bolt connections on ${uri} in time (${(e as Error).message}). Log: ${p.logFile}. Last log lines:\n${tail}`,
    );
  }

  const stop = async (timeoutMs = 30_000) => {
    if (exitCode !== undefined) return;
    child.kill('SIGTERM');
    const done = await Promise.race([exited.then(() => true), sleep(timeoutMs).then(() => false)]);
    if (!done) {
      child.kill('SIGKILL');
      await exited;
    }
    rmSync(p.state, { force: true });
  };
  return { info: managedStatus(home), owned: true, stop, exited };
}

interface ReadyArgs {
  uri: string;
  password: string;
  passwordApplied: string;
  deadline: number;
  hasExited: () => boolean;
}

/**
 * Polls Bolt until the server answers with our password. On a new store the initial password
 * (neo4j/neo4j, expired) is changed first; we never try a wrong password, which would trip
 * Neo4j's login rate limit.
 */
async function waitUntilReady(a: ReadyArgs): Promise<void> {
  const opts = { connectionTimeout: 2_000, maxTransactionRetryTime: 0 } as const;
  let lastError = 'no answer';
  while (Date.now() < a.deadline) {
    if (a.hasExited()) throw new Error('the JVM exited');
    const applied = existsSync(a.passwordApplied);
    const driver = neo4j.driver(a.uri, neo4j.auth.basic(USERNAME, applied ? a.password : 'neo4j'), opts);
    try {
      if (!applied) {
        await driver.executeQuery(
          'ALTER CURRENT USER SET PASSWORD FROM $old TO $new',
          { old: 'neo4j', new: a.password },
          { database: 'system' },
        );
        writeFileSync(a.passwordApplied, new Date().toISOString());
        continue;
      }
      await driver.verifyConnectivity({ database: DATABASE });
      await driver.executeQuery('RETURN 1', {}, { database: DATABASE });
      return;
    } catch (e) {
      lastError = (e as Error).message;
      await sleep(300);
    } finally {
      await driver.close();
    }
  }
  throw new Error(`last error: ${lastError}`);
}
