/**
 * The API server for the latency benchmark, in its own process (so autocannon, in the parent,
 * does not share its event loop): startServer() from src/server, no request logging, no web
 * root. Prints "READY <url>" when listening; SIGTERM closes it.
 */
import { loadEnv, processEnv } from '../../src/runtime/config';
import { resolveTarget } from '../../src/runtime/connection';
import { startServer } from '../../src/server/http/server';

// The parent sets NEO4J_URI (and its credentials), so resolveTarget starts nothing. Saved queries'
// answers are not kept: the bench compares computing them with the same Cypher through the driver.
const env = loadEnv(
  processEnv({
    HOST: '127.0.0.1',
    PORT: '0',
    LOG_LEVEL: 'silent',
    NEWSGRAPH_TOKEN: '',
    NEWSGRAPH_KEEP_ANSWERS_MS: 'off',
  }),
);
if (!env.NEO4J_URI) throw new Error('server-child: NEO4J_URI is not set');
const server = await startServer({ env, target: await resolveTarget(env), webRoot: null, logger: false });
process.stdout.write(`READY ${server.url}\n`);
const stop = () => void server.close().finally(() => process.exit(0));
process.on('SIGTERM', stop);
process.on('SIGINT', stop);
