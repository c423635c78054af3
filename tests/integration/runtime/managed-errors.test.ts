import { chmodSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ManagedNeo4jError } from '../../../src/runtime/managed/errors';
import { ensureNeo4jInstalled } from '../../../src/runtime/managed/install';
import { startManaged } from '../../../src/runtime/managed/instance';
import { freePort } from '../../../src/runtime/managed/ports';
import { checkJava, checkMaven } from '../../../src/runtime/managed/prereqs';
import { testNeo4j } from '../../support/neo4j';

// Each failure the managed Neo4j can meet gives a clear, actionable message. These run real
// processes (fake java/mvn scripts, a real Maven against a dead mirror, a real JVM with a bad
// setting) rather than mocks.
const scratch = mkdtempSync(join(tmpdir(), 'newsgraph-errors-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

async function failure(p: Promise<unknown> | (() => unknown)): Promise<ManagedNeo4jError> {
  try {
    await (typeof p === 'function' ? p() : p);
  } catch (e) {
    expect(e).toBeInstanceOf(ManagedNeo4jError);
    return e as ManagedNeo4jError;
  }
  throw new Error('expected a ManagedNeo4jError, but nothing was thrown');
}

function fakeCommand(name: string, script: string): string {
  const file = join(scratch, name);
  writeFileSync(file, `#!/bin/sh\n${script}\n`);
  chmodSync(file, 0o755);
  return file;
}

describe('managed Neo4j error messages', () => {
  it('Java missing', async () => {
    const e = await failure(() => checkJava(join(scratch, 'no-such-java')));
    expect(e.code).toBe('JAVA_MISSING');
    expect(e.message).toMatch(/Java was not found/);
    expect(e.message).toMatch(/apt-get install openjdk-17/);
  });

  it('Java older than 17', async () => {
    const java = fakeCommand('java11', `echo 'openjdk version "11.0.21" 2023-10-17' >&2`);
    const e = await failure(() => checkJava(java));
    expect(e.code).toBe('JAVA_TOO_OLD');
    expect(e.message).toMatch(/needs Java 17 or newer, but .* is Java 11/);
  });

  it('Maven missing (first install only)', async () => {
    const e = await failure(() => checkMaven(join(scratch, 'no-such-mvn')));
    expect(e.code).toBe('MAVEN_MISSING');
    expect(e.message).toMatch(/Maven was not found/);
    const e2 = await failure(
      ensureNeo4jInstalled({ libDir: join(scratch, 'lib-nomvn'), mvnCmd: join(scratch, 'no-such-mvn'), log: () => {} }),
    );
    expect(e2.code).toBe('MAVEN_MISSING');
  });

  it('Maven Central unreachable on first install', async () => {
    // An empty local repository and a mirror on a closed loopback port: exactly what Maven
    // sees when the network is down. Maven takes both from ${user.home}/.m2, and user.home
    // from MAVEN_OPTS.
    const dead = await freePort();
    const home = join(scratch, 'maven-home');
    mkdirSync(join(home, '.m2'), { recursive: true });
    writeFileSync(
      join(home, '.m2', 'settings.xml'),
      `<settings><mirrors><mirror><id>dead</id><mirrorOf>*</mirrorOf><url>http://127.0.0.1:${dead}/maven2</url></mirror></mirrors></settings>`,
    );
    const lib = join(scratch, 'lib-unreachable');
    const e = await failure(
      ensureNeo4jInstalled({
        libDir: lib,
        env: { ...process.env, MAVEN_OPTS: `${process.env.MAVEN_OPTS ?? ''} -Duser.home=${home}`.trim() },
        log: () => {},
      }),
    );
    expect(e.code).toBe('MAVEN_UNREACHABLE');
    expect(e.message).toMatch(/from Maven Central: the repository is unreachable/);
    expect(e.message).toMatch(/npm run db:install/);
  }, 120_000);

  it('port already in use', async () => {
    const port = await freePort();
    const srv: Server = createServer();
    await new Promise<void>((r) => srv.listen(port, '127.0.0.1', r));
    try {
      const e = await failure(startManaged({ home: join(scratch, 'port-busy'), port, log: () => {} }));
      expect(e.code).toBe('PORT_IN_USE');
      expect(e.message).toContain(`Port ${port} on 127.0.0.1 is already in use`);
    } finally {
      srv.close();
    }
  });

  it('instance folder locked by another running server', async (ctx) => {
    const home = testNeo4j().managedHome;
    if (!home) ctx.skip(); // NEO4J_URI runs have no managed instance to collide with
    const e = await failure(startManaged({ home: home!, reuse: false, log: () => {} }));
    expect(e.code).toBe('INSTANCE_LOCKED');
    expect(e.message).toMatch(/is locked: another Neo4j \(pid \d+/);
  });

  it('Neo4j failing to start shows the last log lines', async () => {
    const e = await failure(
      startManaged({
        home: join(scratch, 'bad-conf'),
        port: await freePort(),
        heap: '512m',
        pagecache: '64m',
        extraConf: { 'server.bolt.thread_pool_max_size': 'not-a-number' },
        log: () => {},
      }),
    );
    expect(e.code).toBe('START_FAILED');
    expect(e.message).toMatch(/exit code 1: web server or start-up error/);
    expect(e.message).toMatch(/not-a-number/);
  }, 120_000);
});
