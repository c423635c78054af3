import type { ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';

/** The managed Neo4j's JVM as a process: its command line, liveness, exit and log tail. */

/** True when `pid` is alive and (on Linux) is a Neo4j JVM of this instance folder. */
export function isOurJvm(pid: number, home: string): boolean {
  try {
    process.kill(pid, 0);
  } catch {
    return false;
  }
  try {
    const cmd = readFileSync(`/proc/${pid}/cmdline`, 'utf8');
    return cmd.includes('CommunityEntryPoint') && cmd.includes(`--home-dir=${home}`);
  } catch {
    return true; // no /proc (macOS): a live pid from our state file is the best evidence we have
  }
}

export function tailOf(file: string, lines = 25): string {
  try {
    const all = readFileSync(file, 'utf8').trimEnd().split('\n');
    return all.slice(-lines).join('\n');
  } catch {
    return '(no log output)';
  }
}

export const EXIT_MEANING: Record<number, string> = {
  1: 'web server or start-up error',
  2: 'database start-up error',
  3: 'invalid configuration',
};

export function jvmArgs(heap: string, libDir: string, home: string, confDir: string): string[] {
  return [
    `-Xms${heap}`,
    `-Xmx${heap}`,
    '-XX:+UseG1GC',
    // No -XX:+ExitOnOutOfMemoryError: Neo4j does not track the memory of a single Cypher
    // expression (`[x IN range(1, n) | x]`, string building), so one sandboxed query could take
    // the whole server down. Without the flag the allocating transaction fails with
    // Neo.TransientError.General.OutOfMemoryError and the server keeps running (tested in
    // tests/integration/sandbox/bombs.test.ts).
    '-XX:-OmitStackTraceInFastThrow',
    '--add-opens=java.base/java.nio=ALL-UNNAMED',
    '--add-opens=java.base/java.io=ALL-UNNAMED',
    '--add-opens=java.base/sun.nio.ch=ALL-UNNAMED',
    '--enable-native-access=ALL-UNNAMED',
    '-Dio.netty.tryReflectionSetAccessible=true',
    '-Dfile.encoding=UTF-8',
    '-cp',
    `${libDir}/*`,
    'org.neo4j.server.CommunityEntryPoint',
    `--home-dir=${home}`,
    `--config-dir=${confDir}`,
    '--console-mode',
  ];
}

/**
 * The JVM command line of `neo4j-admin` run from the server's own jars (org.neo4j.cli.AdminTool is
 * in neo4j-command-line), up to the tool's own arguments: the offline import and backup/restore.
 */
export function adminToolArgs(heap: string, libDir: string): string[] {
  return [
    `-Xmx${heap}`,
    '--add-opens=java.base/java.nio=ALL-UNNAMED',
    '--add-opens=java.base/java.io=ALL-UNNAMED',
    '--add-opens=java.base/sun.nio.ch=ALL-UNNAMED',
    '--enable-native-access=ALL-UNNAMED',
    '-Dfile.encoding=UTF-8',
    '-cp',
    `${libDir}/*`,
    'org.neo4j.cli.AdminTool',
  ];
}

export const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

export function waitForExit(pid: number, timeoutMs: number): Promise<boolean> {
  return (async () => {
    const deadline = Date.now() + timeoutMs;
    while (Date.now() < deadline) {
      try {
        process.kill(pid, 0);
      } catch {
        return true;
      }
      await sleep(100);
    }
    return false;
  })();
}

const guarded = new Set<ChildProcess>();
let guardInstalled = false;

/** Makes sure an attached JVM does not outlive us: killed on exit, SIGINT, SIGTERM, SIGHUP. */
export function registerOrphanGuard(child: ChildProcess): void {
  guarded.add(child);
  child.once('exit', () => guarded.delete(child));
  if (guardInstalled) return;
  guardInstalled = true;
  const killAll = () => {
    for (const c of guarded) c.kill('SIGTERM');
  };
  process.once('exit', killAll);
  // Node does not run 'exit' handlers when a signal ends it: forward the signal to the JVMs.
  // When nobody else handles the signal (a plain CLI such as `npm run seed`), keep its default
  // meaning afterwards and die of it; commands with their own handler (npm start) shut down as
  // they choose, having stopped Neo4j cleanly themselves.
  for (const sig of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) {
    const onSignal = () => {
      killAll();
      if (process.listenerCount(sig) === 1) {
        process.removeListener(sig, onSignal);
        process.kill(process.pid, sig);
      }
    };
    // First in line, so that other handlers registered with once() still count as present.
    process.prependListener(sig, onSignal);
  }
}
