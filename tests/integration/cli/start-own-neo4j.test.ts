import { spawn } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { freePort } from '../../../src/runtime/managed/ports';
import { ROOT } from '../../../src/runtime/paths';
import { testNeo4j } from '../../support/neo4j';

/** Runs `npm start`'s entry with these settings and returns how it ended and what it printed. */
function start(env: Record<string, string>): Promise<{ code: number | null; out: string; err: string }> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/server/cli/start.ts'], {
    cwd: ROOT,
    env: { ...process.env, NEO4J_USERNAME: 'neo4j', NEO4J_DATABASE: 'neo4j', HOST: '127.0.0.1', PORT: '0', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  let err = '';
  child.stdout!.on('data', (b: Buffer) => (out += b.toString()));
  child.stderr!.on('data', (b: Buffer) => (err += b.toString()));
  const timer = setTimeout(() => child.kill('SIGKILL'), 50_000);
  return new Promise((res) =>
    child.once('exit', (code) => {
      clearTimeout(timer);
      res({ code, out, err });
    }),
  );
}

/** A stack frame, or the driver's error dump (its fields print as `code: '…'`, `gqlStatus: …`). */
const STACK = /^\s+at |Neo4jError|gqlStatus|classification:/m;

// With NEO4J_URI pointing at a person's own Neo4j, a mistake in the settings is the usual first-run
// failure: start-up must stop with one line naming the cause and the variable, not the driver's stack.
describe('npm start with NEO4J_URI that cannot be used', () => {
  const t = testNeo4j();

  it('a wrong password: names the user and NEO4J_USERNAME / NEO4J_PASSWORD', async () => {
    // One attempt only: Neo4j locks a user out after several failed logins.
    const r = await start({ NEO4J_URI: t.uri, NEO4J_USERNAME: t.username, NEO4J_PASSWORD: `${t.password}-wrong` });
    expect(r.code, r.err).toBe(1);
    expect(r.err).toContain(
      `newsgraph: Neo4j at ${t.uri}: Neo4j refused the server's credentials (user ${t.username}); check NEO4J_USERNAME / NEO4J_PASSWORD\n`,
    );
    expect(r.err + r.out).not.toMatch(STACK);
  });

  it('nothing listening: says nothing answers at the address and names NEO4J_URI', async () => {
    const uri = `bolt://127.0.0.1:${await freePort()}`;
    const r = await start({ NEO4J_URI: uri, NEO4J_PASSWORD: 'x' });
    expect(r.code, r.err).toBe(1);
    expect(r.err).toContain(`newsgraph: Neo4j is not reachable at ${uri} (nothing answers there); check NEO4J_URI\n`);
    expect(r.err + r.out).not.toMatch(STACK);
  });

  it('an unknown database: names it and NEO4J_DATABASE', async () => {
    const r = await start({ NEO4J_URI: t.uri, NEO4J_PASSWORD: t.password, NEO4J_DATABASE: 'nosuchdb' });
    expect(r.code, r.err).toBe(1);
    expect(r.err).toContain(
      `newsgraph: Neo4j at ${t.uri}: the database "nosuchdb" does not exist; check NEO4J_DATABASE\n`,
    );
    expect(r.err + r.out).not.toMatch(STACK);
  });
});
