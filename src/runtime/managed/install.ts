import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, readdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { NEO4J_LIB, NEO4J_POM } from '../paths';
import { ManagedNeo4jError } from './errors';
import { checkJava, checkMaven, defaultJava } from './prereqs';

export interface InstallOptions {
  libDir?: string;
  pom?: string;
  mvnCmd?: string;
  javaCmd?: string;
  /** Used for the java binary when javaCmd is not given (Env.JAVA_HOME). */
  javaHome?: string;
  /** Environment of the Maven and Java processes (MAVEN_OPTS, proxies); default ours. */
  env?: NodeJS.ProcessEnv;
  /** Where progress lines go; defaults to stderr. */
  log?: (line: string) => void;
}

export interface InstallResult {
  libDir: string;
  version: string;
  /** False when the jars were already in place and Maven was not run. */
  ran: boolean;
  /** Files Maven downloaded (0 when its local repository already had everything). */
  downloads: number;
}

/** The Neo4j version pinned in neo4j/pom.xml. */
export function pinnedNeo4jVersion(pom = NEO4J_POM): string {
  const m = /<neo4j\.version>([^<]+)<\/neo4j\.version>/.exec(readFileSync(pom, 'utf8'));
  if (!m?.[1]) throw new Error(`${pom}: no <neo4j.version> property`);
  return m[1].trim();
}

const MARKER = '.installed';

/** True when libDir holds a complete install of `version` (checked through a marker written last). */
export function isInstalled(libDir: string, version: string): boolean {
  const marker = `${libDir}/${MARKER}`;
  return existsSync(marker) && readFileSync(marker, 'utf8').trim() === version;
}

const NETWORK_FAILURE =
  /Could not transfer|UnknownHostException|Unknown host|Connection refused|Connect to \S+ failed|Network is unreachable|Connection timed out|Read timed out|No route to host|Could not resolve host/i;

/**
 * Makes sure Neo4j's runtime jars are in `libDir`, running Maven's copy-dependencies once.
 * Cost: nothing when already installed; otherwise one Maven run (about a minute and ~125 MB
 * on first use, a few seconds when ~/.m2 already holds the jars). Atomic: a failed or interrupted
 * install leaves no half-filled lib folder behind.
 */
export async function ensureNeo4jInstalled(opts: InstallOptions = {}): Promise<InstallResult> {
  const libDir = opts.libDir ?? NEO4J_LIB;
  const pom = opts.pom ?? NEO4J_POM;
  const env = opts.env;
  const log = opts.log ?? ((l: string) => process.stderr.write(`${l}\n`));
  const version = pinnedNeo4jVersion(pom);
  if (isInstalled(libDir, version)) return { libDir, version, ran: false, downloads: 0 };

  checkJava(opts.javaCmd ?? defaultJava(opts.javaHome), env);
  const mvn = opts.mvnCmd ?? 'mvn';
  checkMaven(mvn, env);

  log(`newsgraph: fetching Neo4j Community ${version} with Maven (first run only, ~125 MB)…`);
  const tmp = `${libDir}.tmp-${process.pid}`;
  rmSync(tmp, { recursive: true, force: true });
  mkdirSync(dirname(libDir), { recursive: true });
  const args = [
    '-B',
    '-f',
    pom,
    'dependency:copy-dependencies',
    '-DincludeScope=runtime',
    `-DoutputDirectory=${tmp}`,
  ];
  let downloads = 0;
  const tail: string[] = [];
  const code = await new Promise<number>((resolvePromise, reject) => {
    const child = spawn(mvn, args, { env, stdio: ['ignore', 'pipe', 'pipe'] });
    let lastReport = Date.now();
    const onData = (buf: Buffer) => {
      for (const line of buf.toString('utf8').split('\n')) {
        if (!line.trim()) continue;
        tail.push(line);
        if (tail.length > 60) tail.shift();
        if (line.includes('Downloaded from')) {
          downloads++;
          if (Date.now() - lastReport > 3000) {
            lastReport = Date.now();
            log(`newsgraph:   … ${downloads} files downloaded`);
          }
        }
      }
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', onData);
    child.on('error', reject);
    child.on('close', (c) => resolvePromise(c ?? 1));
  });
  if (code !== 0) {
    rmSync(tmp, { recursive: true, force: true });
    const text = tail.join('\n');
    const networkLine = tail.find((l) => NETWORK_FAILURE.test(l));
    if (networkLine) {
      throw new ManagedNeo4jError(
        'MAVEN_UNREACHABLE',
        `Could not download Neo4j ${version} from Maven Central: the repository is unreachable. ` +
          `Check the network connection or the proxy/mirror in ~/.m2/settings.xml, then run \`npm run db:install\`.\n` +
          `Maven said: ${networkLine.replace(/^\[ERROR\]\s*/, '').slice(0, 400)}`,
      );
    }
    throw new ManagedNeo4jError('INSTALL_FAILED', `Maven failed to fetch Neo4j ${version} (exit ${code}). Last lines:\n${text}`);
  }
  const jars = readdirSync(tmp).filter((f) => f.endsWith('.jar'));
  if (!jars.some((f) => f.startsWith(`neo4j-${version}`))) {
    rmSync(tmp, { recursive: true, force: true });
    throw new ManagedNeo4jError('INSTALL_FAILED', `Maven ran but ${tmp} holds no neo4j-${version}.jar`);
  }
  writeFileSync(`${tmp}/${MARKER}`, `${version}\n`);
  rmSync(libDir, { recursive: true, force: true });
  renameSync(tmp, libDir);
  log(`newsgraph: Neo4j ${version} ready (${jars.length} jars in ${libDir}${downloads ? `, ${downloads} files downloaded` : ', nothing downloaded'})`);
  return { libDir, version, ran: true, downloads };
}
