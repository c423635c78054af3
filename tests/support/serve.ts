/**
 * The real API server in a process of its own (for the outage tests; see server-process.ts):
 * `node --import tsx serve.ts`, configured by the usual environment (NEO4J_URI, NEO4J_PASSWORD,
 * PORT, NEWSGRAPH_TOKEN…). Prints one line `{"newsgraphServer": {"url", "pid"}}` when listening;
 * SIGTERM closes it gracefully.
 */
import { loadEnv } from '../../src/runtime/config';
import { startServer } from '../../src/server/http/server';

const env = loadEnv({ PORT: '0', ...process.env, HOST: process.env.HOST || '127.0.0.1' });
if (!env.NEO4J_URI) throw new Error('serve.ts needs NEO4J_URI (the test starts its own Neo4j)');
const server = await startServer({
  env,
  target: {
    uri: env.NEO4J_URI,
    username: env.NEO4J_USERNAME,
    password: env.NEO4J_PASSWORD ?? '',
    database: env.NEO4J_DATABASE,
  },
  webRoot: process.env.SERVE_WEB_ROOT || null,
  logger: env.LOG_LEVEL === 'silent' ? false : { level: env.LOG_LEVEL },
});
process.stdout.write(`${JSON.stringify({ newsgraphServer: { url: server.url, pid: process.pid } })}\n`);
const stop = () => void server.close().finally(() => process.exit(0));
process.once('SIGTERM', stop);
process.once('SIGINT', stop);
