/**
 * A brief managed stop: Neo4j Community cannot stop one database while the server runs (STOP
 * DATABASE is an Enterprise command) and its store files are not safe to copy while it runs, so
 * a dump or a load stops the managed server, does its work, and starts it again on the same port
 * (detached, like `db:start`). API processes answer 503 meanwhile and reconnect by themselves.
 * A marker file in the instance folder tells the process that started the server (npm start)
 * that the stop is planned, so it waits instead of shutting down.
 */
import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { managedStatus, startManaged, stopManaged } from '../../runtime/managed/instance';

export interface ManagedSettings {
  home: string;
  heap?: string;
  pagecache?: string;
  javaHome?: string;
}

const marker = (home: string) => join(home, 'run', 'maintenance.json');

/** True while a backup or restore has the managed server stopped on purpose. */
export function maintenanceUnderway(home: string): boolean {
  try {
    const m = JSON.parse(readFileSync(marker(home), 'utf8')) as { pid: number };
    process.kill(m.pid, 0);
    return true;
  } catch {
    return false;
  }
}

/**
 * Runs `work` with the managed server stopped (if it was running), then starts it again where it
 * was. Returns `work`'s result. Cost: a clean shutdown and a start (~10–20 s) around the work.
 */
export async function withManagedStopped<T>(
  s: ManagedSettings,
  work: () => Promise<T>,
  log: (l: string) => void = () => {},
): Promise<T> {
  const before = managedStatus(s.home);
  const port = before.uri ? Number(new URL(before.uri.replace('bolt:', 'http:')).port) : undefined;
  if (existsSync(join(s.home, 'run')))
    writeFileSync(marker(s.home), JSON.stringify({ pid: process.pid, at: new Date().toISOString() }));
  try {
    if (before.running) {
      log(`newsgraph: stopping the managed Neo4j (pid ${before.pid}) for a moment…`);
      await stopManaged(s.home);
    }
    return await work();
  } finally {
    try {
      if (before.running) {
        log('newsgraph: starting the managed Neo4j again…');
        await startManaged({
          home: s.home,
          port,
          heap: s.heap,
          pagecache: s.pagecache,
          javaHome: s.javaHome,
          detached: true,
          log,
        });
      }
    } finally {
      rmSync(marker(s.home), { force: true });
    }
  }
}
