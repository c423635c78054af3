import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import neo4j, { type Driver } from 'neo4j-driver';
import type { Neo4jTarget } from '../../src/runtime/connection';
import { startManaged, type ManagedHandle } from '../../src/runtime/managed/instance';
import { freePort } from '../../src/runtime/managed/ports';

/**
 * A managed Neo4j of the test's own (temporary folder, free port) that the test may stop, kill and
 * restart without disturbing the shared test database. Cost: one JVM start (~10–25 s here).
 */
export class OwnNeo4j {
  handle!: ManagedHandle;
  readonly home = mkdtempSync(join(tmpdir(), 'newsgraph-own-neo4j-'));
  port = 0;
  /** True while the JVM of the last start() runs. */
  alive = false;

  async start(): Promise<this> {
    if (!this.port) this.port = await freePort();
    // Same folder and port every time: a restart recovers the same store at the same address.
    // Generous readiness deadline: on a busy 2-core machine a JVM start with recovery can be slow.
    const handle = await startManaged({
      home: this.home,
      port: this.port,
      heap: '512m',
      pagecache: '128m',
      reuse: false,
      readyTimeoutMs: 240_000,
      log: () => {},
    });
    this.handle = handle;
    this.alive = true;
    void handle.exited.then(() => {
      if (this.handle === handle) this.alive = false;
    });
    return this;
  }

  get uri(): string {
    return `bolt://127.0.0.1:${this.port}`;
  }
  get password(): string {
    return this.handle.info.password!;
  }
  get pid(): number {
    return this.handle.info.pid!;
  }
  /** Where the API should connect (for makeTestApi or startTestServer). */
  get target(): Neo4jTarget {
    return {
      uri: this.uri,
      username: this.handle.info.username,
      password: this.password,
      database: this.handle.info.database,
    };
  }

  driver(): Driver {
    return neo4j.driver(this.uri, neo4j.auth.basic('neo4j', this.password), {
      maxTransactionRetryTime: 1_000,
      connectionTimeout: 2_000,
      connectionAcquisitionTimeout: 3_000,
    });
  }

  /** A clean stop (start() brings it back on the same folder and port). */
  async stop(timeoutMs = 20_000): Promise<void> {
    await this.handle.stop(timeoutMs);
  }

  /** SIGKILL the JVM (no shutdown hook, no checkpoint: the next start must recover). */
  async kill(): Promise<void> {
    process.kill(this.pid, 'SIGKILL');
    await this.handle.exited;
  }

  async dispose(): Promise<void> {
    await this.handle?.stop(15_000).catch(() => {});
    rmSync(this.home, { recursive: true, force: true });
  }
}
