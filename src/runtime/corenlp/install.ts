import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { ManagedNeo4jError } from '../managed/errors';
import { installMavenJars, type InstallOptions, type InstallResult } from '../managed/install';
import { CORENLP_LAUNCHER, CORENLP_LIB, CORENLP_POM, LOOPBACK_SOURCE } from './paths';
import { CoreNlpError } from './errors';

/** The CoreNLP version pinned in nlp/pom.xml. */
export function pinnedCoreNlpVersion(pom = CORENLP_POM): string {
  const m = /<corenlp\.version>([^<]+)<\/corenlp\.version>/.exec(readFileSync(pom, 'utf8'));
  if (!m?.[1]) throw new Error(`${pom}: no <corenlp.version> property`);
  return m[1].trim();
}

export interface CoreNlpInstallOptions extends InstallOptions {
  launcherDir?: string;
  javacCmd?: string;
}

export interface CoreNlpInstall extends InstallResult {
  /** Folder holding the compiled loopback provider (a classpath entry). */
  launcherDir: string;
}

/** Re-labels the shared prerequisite errors (Java, Maven) as CoreNLP errors with the same code. */
function asCoreNlpError(e: unknown): unknown {
  if (
    e instanceof ManagedNeo4jError &&
    e.code !== 'PORT_IN_USE' &&
    e.code !== 'INSTANCE_LOCKED' &&
    e.code !== 'START_TIMEOUT'
  ) {
    return new CoreNlpError(e.code, e.message);
  }
  return e;
}

/** <javaHome>/bin/javac when a JAVA_HOME is given (Env.JAVA_HOME), else `javac` on PATH. */
export function defaultJavac(javaHome?: string): string {
  return javaHome ? join(javaHome, 'bin', 'javac') : 'javac';
}

const INSTALL_JDK =
  'Install a JDK 17+: Debian/Ubuntu `sudo apt-get install openjdk-17-jdk-headless`, macOS `brew install openjdk@17`; ' +
  'or set JAVA_HOME to a JDK.';

/**
 * Compiles the loopback provider once (a ~2 s javac run), keyed by the source's hash so an edited
 * source is rebuilt. CoreNLP's server has no bind-address flag; this class is what keeps it on
 * 127.0.0.1, so there is no fallback that would listen on every interface instead.
 */
export function ensureLoopbackProvider(
  launcherDir = CORENLP_LAUNCHER,
  javacCmd = defaultJavac(),
  source = LOOPBACK_SOURCE,
): string {
  const hash = createHash('sha256').update(readFileSync(source)).digest('hex');
  const marker = join(launcherDir, '.source-sha256');
  if (existsSync(marker) && readFileSync(marker, 'utf8').trim() === hash) return launcherDir;
  const tmp = `${launcherDir}.tmp-${process.pid}`;
  rmSync(tmp, { recursive: true, force: true });
  mkdirSync(dirname(launcherDir), { recursive: true });
  const r = spawnSync(javacCmd, ['--release', '17', '-d', tmp, source], { encoding: 'utf8', timeout: 120_000 });
  if (r.error && (r.error as NodeJS.ErrnoException).code === 'ENOENT') {
    throw new CoreNlpError(
      'JAVAC_MISSING',
      `The Java compiler was not found (tried \`${javacCmd}\`). newsgraph compiles one small class on first use that ` +
        `keeps the CoreNLP server on 127.0.0.1 (the server itself has no bind-address option). ${INSTALL_JDK}`,
    );
  }
  if (r.status !== 0) {
    rmSync(tmp, { recursive: true, force: true });
    throw new CoreNlpError(
      'INSTALL_FAILED',
      `\`${javacCmd}\` could not compile ${source}:\n${`${r.stdout}${r.stderr}`.trim().slice(0, 1500)}`,
    );
  }
  writeFileSync(join(tmp, '.source-sha256'), `${hash}\n`);
  rmSync(launcherDir, { recursive: true, force: true });
  renameSync(tmp, launcherDir);
  return launcherDir;
}

/**
 * Makes sure CoreNLP's jars are in `libDir` (Maven's copy-dependencies, with progress lines) and the
 * loopback provider is compiled. Cost: nothing when both are in place; otherwise one Maven run
 * (~480 MB on first use, ~15 s when ~/.m2 already holds the jars) and one javac run.
 */
export async function ensureCoreNlpInstalled(opts: CoreNlpInstallOptions = {}): Promise<CoreNlpInstall> {
  const pom = opts.pom ?? CORENLP_POM;
  const version = pinnedCoreNlpVersion(pom);
  try {
    const jars = await installMavenJars(
      {
        name: 'Stanford CoreNLP',
        version,
        size: '~480 MB, mostly the English models',
        mainJar: `stanford-corenlp-${version}`,
        installCommand: 'npm run nlp:install',
        error: (code, message) => new CoreNlpError(code, message),
      },
      { ...opts, pom, libDir: opts.libDir ?? CORENLP_LIB },
    );
    const launcherDir = ensureLoopbackProvider(
      opts.launcherDir ?? CORENLP_LAUNCHER,
      opts.javacCmd ?? defaultJavac(opts.javaHome),
    );
    return { ...jars, launcherDir };
  } catch (e) {
    throw asCoreNlpError(e);
  }
}
