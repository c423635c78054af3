import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { ManagedNeo4jError } from './errors';

const INSTALL_JAVA =
  'Install Java 17 or 21: Debian/Ubuntu `sudo apt-get install openjdk-17-jre-headless`, ' +
  'macOS `brew install openjdk@17`; or set JAVA_HOME to a JDK 17+.';
const INSTALL_MAVEN = 'Install Maven: Debian/Ubuntu `sudo apt-get install maven`, macOS `brew install maven`.';

/** The java binary to run: <javaHome>/bin/java when a JAVA_HOME is given, else `java` on PATH. */
export function defaultJava(javaHome?: string): string {
  return javaHome ? join(javaHome, 'bin', 'java') : 'java';
}

/** Parses the major version out of `java -version` output ("17.0.15", "1.8.0_292", "21"). */
export function parseJavaMajor(output: string): number | undefined {
  const m = /version "(\d+)(?:\.(\d+))?[^"]*"/.exec(output);
  if (!m) return undefined;
  const first = Number(m[1]);
  return first === 1 && m[2] ? Number(m[2]) : first;
}

/**
 * Checks that `java` runs and is 17 or newer. `env`: the child's environment (default: ours);
 * `product` names what needs it in the message. Costs one short JVM start (~0.1 s).
 */
export function checkJava(javaCmd = defaultJava(), env?: NodeJS.ProcessEnv, product = 'Neo4j 5.26'): number {
  const r = spawnSync(javaCmd, ['-version'], { encoding: 'utf8', env, timeout: 30_000 });
  if (r.error && (r.error as NodeJS.ErrnoException).code === 'ENOENT') {
    throw new ManagedNeo4jError('JAVA_MISSING', `Java was not found (tried \`${javaCmd}\`). ${INSTALL_JAVA}`);
  }
  const out = `${r.stdout ?? ''}${r.stderr ?? ''}`;
  const major = parseJavaMajor(out);
  if (r.status !== 0 || major === undefined) {
    throw new ManagedNeo4jError(
      'JAVA_MISSING',
      `\`${javaCmd} -version\` failed: ${out.trim().slice(0, 300)}. ${INSTALL_JAVA}`,
    );
  }
  if (major < 17) {
    throw new ManagedNeo4jError(
      'JAVA_TOO_OLD',
      `${product} needs Java 17 or newer, but \`${javaCmd}\` is Java ${major}. ${INSTALL_JAVA}`,
    );
  }
  return major;
}

/** Checks that Maven runs; needed only for the first install of a product's jars (Neo4j's by default). */
export function checkMaven(mvnCmd = 'mvn', env?: NodeJS.ProcessEnv, product = 'Neo4j'): void {
  const r = spawnSync(mvnCmd, ['--version'], { encoding: 'utf8', env, timeout: 60_000 });
  if (r.error && (r.error as NodeJS.ErrnoException).code === 'ENOENT') {
    throw new ManagedNeo4jError(
      'MAVEN_MISSING',
      `Maven was not found (tried \`${mvnCmd}\`); it fetches ${product}'s jars on first run. ${INSTALL_MAVEN}`,
    );
  }
  if (r.status !== 0) {
    throw new ManagedNeo4jError(
      'MAVEN_MISSING',
      `\`${mvnCmd} --version\` failed: ${`${r.stdout}${r.stderr}`.trim().slice(0, 300)}`,
    );
  }
}
