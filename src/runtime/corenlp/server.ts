import { spawn } from 'node:child_process';
import { closeSync, mkdirSync, openSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { registerOrphanGuard } from '../managed/jvm';
import { freePort, isPortFree } from '../managed/ports';
import { checkJava, defaultJava } from '../managed/prereqs';
import { CoreNlpError } from './errors';
import { ensureCoreNlpInstalled, type CoreNlpInstallOptions } from './install';
import { CORENLP_LOGS } from './paths';

/** The pipeline every request runs: names need tokens, sentences, POS, lemmas and NER, nothing more. */
export const ANNOTATORS = 'tokenize,ssplit,pos,lemma,ner';

/**
 * Server-wide pipeline properties. Coarse NER types (fine-grained types cost ~3x the memory and
 * start-up and added nothing the title patterns do not find); no SUTime or numeric classifiers
 * (dates come from chrono-node, which resolves them against the publication date).
 */
export const PIPELINE_PROPERTIES: Record<string, string> = {
  annotators: ANNOTATORS,
  'ssplit.newlineIsSentenceBreak': 'always',
  'ner.applyFineGrained': 'false',
  'ner.useSUTime': 'false',
  'ner.applyNumericClassifiers': 'false',
  'ner.buildEntityMentions': 'true',
  outputFormat: 'json',
};

export interface CoreNlpServerOptions extends CoreNlpInstallOptions {
  /** Port on 127.0.0.1; unset or 0 = any free port. */
  port?: number;
  /** JVM heap, e.g. "2g". */
  heap?: string;
  readyTimeoutMs?: number;
  /** Where the server's output goes; default .corenlp/logs/server-<port>.log. */
  logFile?: string;
}

export interface CoreNlpServer {
  url: string;
  port: number;
  pid: number;
  version: string;
  logFile: string;
  /** False once the JVM has exited, for whatever reason. */
  running(): boolean;
  /** Resolves with the exit code when the JVM exits. */
  exited: Promise<number | null>;
  /** SIGTERM, then SIGKILL after `timeoutMs`. Resolves when the JVM is gone. */
  stop(timeoutMs?: number): Promise<void>;
  /** The error to report when the server went away while doing `what`. */
  deathError(what: string): CoreNlpError;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

export function tailOf(file: string, lines = 20): string {
  try {
    return readFileSync(file, 'utf8').trimEnd().split('\n').slice(-lines).join('\n') || '(no output)';
  } catch {
    return '(no log output)';
  }
}

function jvmArgs(heap: string, classpath: string, port: number, propsFile: string): string[] {
  return [
    `-Xmx${heap}`,
    // Reached by reflection from the loopback provider (see LoopbackHttpServerProvider.java).
    '--add-exports=jdk.httpserver/sun.net.httpserver=ALL-UNNAMED',
    '-Dcom.sun.net.httpserver.HttpServerProvider=newsgraph.corenlp.LoopbackHttpServerProvider',
    '-Dfile.encoding=UTF-8',
    '-XX:+ExitOnOutOfMemoryError',
    '-cp',
    classpath,
    'edu.stanford.nlp.pipeline.StanfordCoreNLPServer',
    '-port',
    String(port),
    '-timeout',
    '120000',
    '-threads',
    '2',
    '-quiet',
    '-preload',
    ANNOTATORS,
    '-serverProperties',
    propsFile,
  ];
}

/**
 * Installs (first time) and starts a CoreNLP server bound to 127.0.0.1, stopped with this process,
 * then waits until it has annotated a first sentence. Cost: ~10–25 s here (JVM start and model
 * loading on 2 shared cores), ~1.5 GB resident; plus the first install.
 */
export async function startCoreNlp(opts: CoreNlpServerOptions = {}): Promise<CoreNlpServer> {
  const log = opts.log ?? ((l: string) => process.stderr.write(`${l}\n`));
  const javaCmd = opts.javaCmd ?? defaultJava(opts.javaHome);
  try {
    checkJava(javaCmd, opts.env, 'Stanford CoreNLP');
  } catch (e) {
    throw new CoreNlpError((e as { code: 'JAVA_MISSING' | 'JAVA_TOO_OLD' }).code, (e as Error).message);
  }
  const install = await ensureCoreNlpInstalled({ ...opts, javaCmd, log });
  let port = opts.port ?? 0;
  if (port === 0) port = await freePort();
  else if (!(await isPortFree(port))) {
    throw new CoreNlpError(
      'PORT_IN_USE',
      `Port ${port} on 127.0.0.1 is already in use, so the CoreNLP server cannot listen there. ` +
        'Free it, or unset NEWSGRAPH_CORENLP_PORT to use any free port.',
    );
  }
  mkdirSync(CORENLP_LOGS, { recursive: true });
  const logFile = opts.logFile ?? join(CORENLP_LOGS, `server-${port}.log`);
  const propsFile = join(CORENLP_LOGS, `server-${port}.properties`);
  writeFileSync(
    propsFile,
    Object.entries(PIPELINE_PROPERTIES)
      .map(([k, v]) => `${k} = ${v}`)
      .join('\n') + '\n',
  );
  writeFileSync(logFile, '');
  const out = openSync(logFile, 'a');
  const heap = opts.heap ?? '2g';
  const classpath = `${install.launcherDir}:${install.libDir}/*`;
  let child;
  try {
    child = spawn(javaCmd, jvmArgs(heap, classpath, port, propsFile), { stdio: ['ignore', out, out], env: opts.env });
  } finally {
    closeSync(out);
  }
  const pid = child.pid;
  if (pid === undefined) throw new CoreNlpError('START_FAILED', `Could not start ${javaCmd}`);
  registerOrphanGuard(child);
  let exitCode: number | null | undefined;
  const exited = new Promise<number | null>((res) => {
    child.once('exit', (code, signal) => {
      exitCode = code ?? (signal ? 128 : null);
      res(exitCode);
    });
  });
  const url = `http://127.0.0.1:${port}`;
  const t0 = Date.now();
  log(`newsgraph: starting Stanford CoreNLP ${install.version} on ${url} (heap ${heap}; log ${logFile})…`);

  const server: CoreNlpServer = {
    url,
    port,
    pid,
    version: install.version,
    logFile,
    running: () => exitCode === undefined,
    exited,
    async stop(timeoutMs = 15_000) {
      if (exitCode !== undefined) return;
      child.kill('SIGTERM');
      const done = await Promise.race([exited.then(() => true), sleep(timeoutMs).then(() => false)]);
      if (!done) {
        child.kill('SIGKILL');
        await exited;
      }
    },
    deathError(what: string) {
      const how = exitCode === undefined ? 'stopped answering' : `exited (code ${exitCode})`;
      const oom = /OutOfMemoryError/.test(tailOf(logFile, 200))
        ? ` It ran out of memory: raise NEWSGRAPH_CORENLP_HEAP (now ${heap}).`
        : '';
      return new CoreNlpError(
        'DIED',
        `The CoreNLP server (pid ${pid}) ${how} while ${what}.${oom} Log: ${logFile}. Last lines:\n${tailOf(logFile)}`,
      );
    },
  };

  const deadline = Date.now() + (opts.readyTimeoutMs ?? 180_000);
  let lastError = 'no answer';
  while (Date.now() < deadline) {
    if (exitCode !== undefined) {
      const tail = tailOf(logFile, 40);
      if (/Address already in use|BindException/.test(tail)) {
        throw new CoreNlpError(
          'PORT_IN_USE',
          `The CoreNLP server could not bind 127.0.0.1:${port} (taken meanwhile). Log:\n${tail}`,
        );
      }
      throw new CoreNlpError(
        'START_FAILED',
        `The CoreNLP server exited during start-up (code ${exitCode}). Log: ${logFile}. Last lines:\n${tail}`,
      );
    }
    try {
      const res = await fetch(`${url}/?properties=${encodeURIComponent(JSON.stringify(PIPELINE_PROPERTIES))}`, {
        method: 'POST',
        headers: { 'content-type': 'text/plain; charset=utf-8' },
        body: 'Ready.',
        signal: AbortSignal.timeout(60_000),
      });
      if (res.ok && (await res.text()).includes('"sentences"')) {
        log(`newsgraph: CoreNLP ready in ${((Date.now() - t0) / 1000).toFixed(1)} s`);
        return server;
      }
      lastError = `HTTP ${res.status}`;
    } catch (e) {
      lastError = (e as Error).message;
    }
    await sleep(500);
  }
  await server.stop(5_000);
  throw new CoreNlpError(
    'START_TIMEOUT',
    `The CoreNLP server did not answer on ${url} in time (${lastError}). Log: ${logFile}. Last lines:\n${tailOf(logFile)}`,
  );
}

let shared: Promise<CoreNlpServer> | null = null;

/**
 * The process-wide CoreNLP server, started on first call (lazily: nothing runs until something
 * needs names) and stopped when this process exits. A server that died is replaced on the next call.
 */
export async function sharedCoreNlp(opts: CoreNlpServerOptions = {}): Promise<CoreNlpServer> {
  if (shared) {
    const s = await shared.catch(() => null);
    if (s?.running()) return s;
  }
  shared = startCoreNlp(opts);
  shared.catch(() => {
    shared = null;
  });
  return shared;
}

/** Stops the shared server if one was started. */
export async function stopSharedCoreNlp(): Promise<void> {
  const s = shared ? await shared.catch(() => null) : null;
  shared = null;
  await s?.stop();
}
