import { loadEnv } from '../config';
import { annotate } from './client';
import { CoreNlpError } from './errors';
import { ensureCoreNlpInstalled } from './install';
import { startCoreNlp } from './server';

/**
 * `npm run nlp:install` fetches CoreNLP's jars and compiles the loopback provider (no-op when done);
 * `npm run nlp:check` also starts the server, names the entities of one sentence and stops it.
 */
async function main(argv: string[]): Promise<number> {
  const cmd = argv[0] ?? 'install';
  const env = loadEnv();
  if (cmd === 'install') {
    const r = await ensureCoreNlpInstalled({ javaHome: env.JAVA_HOME });
    console.log(`Stanford CoreNLP ${r.version} ${r.ran ? 'installed' : 'already installed'} in ${r.libDir}`);
    return 0;
  }
  if (cmd === 'check') {
    const server = await startCoreNlp({
      port: env.NEWSGRAPH_CORENLP_PORT,
      heap: env.NEWSGRAPH_CORENLP_HEAP,
      javaHome: env.JAVA_HOME,
    });
    try {
      const doc = await annotate(
        server,
        'Vyacheslav Gladkov, the governor of the Belgorod region, spoke to TASS in Moscow.',
      );
      for (const m of doc.mentions) console.log(`  ${m.type.padEnd(12)} ${m.text}`);
    } finally {
      await server.stop();
    }
    return 0;
  }
  console.error('usage: tsx src/runtime/corenlp/cli.ts install|check');
  return 2;
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (e: unknown) => {
    console.error(e instanceof CoreNlpError ? `newsgraph: ${e.message}` : e);
    process.exit(1);
  },
);
