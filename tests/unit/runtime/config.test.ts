import { describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { ConfigError, loadEnv, processEnv } from '../../../src/runtime/config';
import { renderConf } from '../../../src/runtime/managed/conf';
import { defaultJava, parseJavaMajor } from '../../../src/runtime/managed/prereqs';

describe('environment', () => {
  it('defaults to the managed Neo4j on loopback', () => {
    const env = loadEnv({});
    expect(env.NEO4J_URI).toBeUndefined();
    expect(env.HOST).toBe('127.0.0.1');
    expect(env.NEO4J_DATABASE).toBe('neo4j');
  });

  it('accepts routing URIs and honours username, password and database', () => {
    const env = loadEnv({
      NEO4J_URI: 'neo4j+s://abc.databases.example',
      NEO4J_USERNAME: 'reader',
      NEO4J_PASSWORD: 'pw',
      NEO4J_DATABASE: 'news',
    });
    expect(env).toMatchObject({
      NEO4J_URI: 'neo4j+s://abc.databases.example',
      NEO4J_USERNAME: 'reader',
      NEO4J_DATABASE: 'news',
    });
  });

  it('names each bad variable', () => {
    expect(() => loadEnv({ NEO4J_URI: 'http://localhost:7474', PORT: 'eighty' })).toThrow(ConfigError);
    try {
      loadEnv({ NEO4J_URI: 'http://localhost:7474', PORT: 'eighty' });
    } catch (e) {
      expect((e as Error).message).toMatch(/NEO4J_URI: must look like bolt:\/\//);
      expect((e as Error).message).toMatch(/PORT: PORT must be a number/);
    }
  });

  it('requires a password with NEO4J_URI', () => {
    expect(() => loadEnv({ NEO4J_URI: 'bolt://db:7687' })).toThrow(/NEO4J_PASSWORD: required/);
  });

  it('treats empty values as unset', () => {
    expect(loadEnv({ NEO4J_URI: '' }).NEO4J_URI).toBeUndefined();
  });

  it("takes the managed Neo4j's java from JAVA_HOME, else from PATH", () => {
    expect(defaultJava(loadEnv({ JAVA_HOME: '/opt/jdk-17' }).JAVA_HOME)).toBe(join('/opt/jdk-17', 'bin', 'java'));
    expect(defaultJava(loadEnv({ JAVA_HOME: '' }).JAVA_HOME)).toBe('java');
  });

  it('gives child processes our environment with overrides on top, and can remove a variable', () => {
    const env = processEnv({ NEWSGRAPH_CHILD_TEST: 'x', PATH: undefined });
    expect(env.NEWSGRAPH_CHILD_TEST).toBe('x');
    expect(env).not.toHaveProperty('PATH');
    expect(processEnv().PATH).toBeDefined();
  });
});

describe('java version parsing', () => {
  it.each([
    ['openjdk version "17.0.15" 2025-04-15', 17],
    ['java version "1.8.0_292"', 8],
    ['openjdk version "21" 2023-09-19', 21],
    ['nonsense', undefined],
  ])('%s → %s', (out, major) => expect(parseJavaMajor(out)).toBe(major));
});

describe('generated neo4j.conf', () => {
  const conf = renderConf({
    boltPort: 17687,
    importDir: '/x/import',
    pluginsDir: '/x/plugins',
    pagecache: '256m',
    txTotalMemory: '600m',
  });
  it.each([
    'server.bolt.listen_address=127.0.0.1:17687',
    'server.http.enabled=false',
    'dbms.security.auth_enabled=true',
    'dbms.security.allow_csv_import_from_file_urls=false',
    'server.directories.import=/x/import',
    'db.transaction.timeout=30s',
    'db.memory.transaction.max=256m',
    'dbms.memory.transaction.total.max=600m',
    'dbms.usage_report.enabled=false',
  ])('holds %s', (line) => expect(conf.split('\n')).toContain(line));
  it('leaves no placeholder', () => expect(conf).not.toMatch(/\{\{/));
});
