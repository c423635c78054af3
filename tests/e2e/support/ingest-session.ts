/**
 * The setup of a test file that adds articles: like `e2eSession()`, but the app runs on a private
 * data folder (its own staging store) with the pure-JS name finder (no JVM), and the seeded graph
 * is given back after the file if its accepts changed it.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll } from 'vitest';
import type { RunningServer } from '../../../src/server/http/server';
import { launchChromium, type E2eSession } from '../../support/browser';
import { testNeo4j } from '../../support/neo4j';
import { reseedIfChanged, seededFingerprint } from '../../support/seeded';
import { startApp } from './app';

export interface IngestSession extends E2eSession {
  /** The fingerprint of the seeded graph, taken before the app starts. */
  readonly seeded: string;
}

/**
 * Starts the app and a browser before the file's tests; closes both after. `prepare` runs on the
 * app's data folder before the app starts (to add accounts, say); `prefix` names the temp folder.
 */
export function ingestSession(prefix: string, prepare?: (dataDir: string) => Promise<void>): IngestSession {
  const session = {} as { app: RunningServer; browser: Browser; seeded: string };
  let dir: string | undefined;
  beforeAll(async () => {
    session.seeded = await seededFingerprint();
    dir = mkdtempSync(join(tmpdir(), prefix));
    await prepare?.(join(dir, 'data'));
    const t = testNeo4j();
    session.app = await startApp(
      { uri: t.uri, username: t.username, password: t.password, database: t.database },
      { NEWSGRAPH_EXTRACTOR: 'js', NEWSGRAPH_DATA_DIR: join(dir, 'data'), NEWSGRAPH_INGEST_DIR: join(dir, 'ingest') },
    );
    session.browser = await launchChromium();
  }, 600_000);
  afterAll(async () => {
    await session.browser?.close();
    await session.app?.close();
    // Accepts a file leaves in the graph (a failed run's, or ones kept for later tests) must not
    // reach other files.
    if (session.seeded) await reseedIfChanged(session.seeded);
    if (dir) rmSync(dir, { recursive: true, force: true });
  });
  return session;
}
