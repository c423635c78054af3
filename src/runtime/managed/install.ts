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

/** What a Maven-fetched runtime is, for messages and for checking the copied jars. */
export interface MavenProduct {
  /** "Neo4j", "Stanford CoreNLP": used in progress lines and errors. */
  name: string;
  version: string;
  /** Shown on the first install, e.g. "~125 MB". */
  size: string;
  /** A jar named `${mainJar}…` must be among the copied files. */
  mainJar: string;
  /** The command that retries the install, named in network errors. */
  installCommand: string;
  /** Builds the product's own error type from a stable code and a message. */
  error: (code: 'MAVEN_UNREACHABLE' | 'INSTALL_FAILED', message: string) => Error;
}

/**
 * Makes sure Neo4j's runtime jars are in `libDir`, running Maven's copy-dependencies once.
 * Cost: nothing when already installed; otherwise one Maven run (about a minute and ~125 MB
 * on first use, a few seconds when ~/.m2 already holds the jars). Atomic: a failed or interrupted
 * install leaves no half-filled lib folder behind.
 */
export async function ensureNeo4jInstalled(opts: InstallOptions = {}): Promise<InstallResult> {
  const pom = opts.pom ?? NEO4J_POM;
  const version = pinnedNeo4jVersion(pom);
  return installMavenJars(
    {
      name: 'Neo4j',
      version,
      size: '~125 MB',
      mainJar: `neo4j-${version}`,
      installCommand: 'npm run db:install',
      error: (code, message) => new ManagedNeo4jError(code, message),
    },
    { ...opts, libDir: opts.libDir ?? NEO4J_LIB, pom },
  );
}

/**
 * The install mechanism behind ensureNeo4jInstalled, for any runtime named by a pom: checks Java
 * and Maven, runs `dependency:copy-dependencies` into a temporary folder with progress lines, then
 * renames it into place with a version marker. Cost: nothing when the marker matches; else one
 * Maven run.
 */
export async function installMavenJars(
  product: MavenProduct,
  opts: InstallOptions & { libDir: string; pom: string },
): Promise<InstallResult> {
  const { libDir, pom, version } = { ...opts, version: product.version };
  const env = opts.env;
  const log = opts.log ?? ((l: string) => process.stderr.write(`${l}\n`));
  if (isInstalled(libDir, version)) return { libDir, version, ran: false, downloads: 0 };

  checkJava(opts.javaCmd ?? defaultJava(opts.javaHome), env, product.name);
  const mvn = opts.mvnCmd ?? 'mvn';
  checkMaven(mvn, env, product.name);

  log(`newsgraph: fetching ${product.name} ${version} with Maven (first run only, ${product.size})…`);
  const tmp = `${libDir}.tmp-${process.pid}`;
  rmSync(tmp, { recursive: true, force: true });
  mkdirSync(dirname(libDir), { recursive: true });
  const args = ['-B', '-f', pom, 'dependency:copy-dependencies', '-DincludeScope=runtime', `-DoutputDirectory=${tmp}`];
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
      throw product.error(
        'MAVEN_UNREACHABLE',
        `Could not download ${product.name} ${version} from Maven Central: the repository is unreachable. ` +
          `Check the network connection or the proxy/mirror in ~/.m2/settings.xml, then run \`${product.installCommand}\`.\n` +
          `Maven said: ${networkLine.replace(/^\[ERROR\]\s*/, '').slice(0, 400)}`,
      );
    }
    throw product.error(
      'INSTALL_FAILED',
      `Maven failed to fetch ${product.name} ${version} (exit ${code}). Last lines:\n${text}`,
    );
  }
  const jars = readdirSync(tmp).filter((f) => f.endsWith('.jar'));
  if (!jars.some((f) => f.startsWith(product.mainJar))) {
    rmSync(tmp, { recursive: true, force: true });
    throw product.error('INSTALL_FAILED', `Maven ran but ${tmp} holds no ${product.mainJar}.jar`);
  }
  writeFileSync(`${tmp}/${MARKER}`, `${version}\n`);
  rmSync(libDir, { recursive: true, force: true });
  renameSync(tmp, libDir);
  log(
    `newsgraph: ${product.name} ${version} ready (${jars.length} jars in ${libDir}${downloads ? `, ${downloads} files downloaded` : ', nothing downloaded'})`,
  );
  return { libDir, version, ran: true, downloads };
}
