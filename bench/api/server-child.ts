/**
 * The API server for the latency benchmark, in its own process (so autocannon, in the parent,
 * does not share its event loop): startServer() from src/server, no request logging, no web
 * root. Prints "READY <url>" when listening; SIGTERM closes it.
 */
import { loadEnv } from '../../src/runtime/config';
import { startServer } from '../../src/server/http/server';

const [uri, password, database] = [process.env.BENCH_NEO4J_URI!, process.env.BENCH_NEO4J_PASSWORD!, process.env.BENCH_NEO4J_DATABASE ?? 'neo4j'];
const env = loadEnv({ ...process.env, NEO4J_URI: uri, NEO4J_PASSWORD: password, NEO4J_DATABASE: database, HOST: '127.0.0.1', PORT: '0', LOG_LEVEL: 'silent', NEWSGRAPH_TOKEN: '' });
const server = await startServer({ env, target: { uri, username: 'neo4j', password, database }, webRoot: null, logger: false });
process.stdout.write(`READY ${server.url}\n`);
const stop = () => void server.close().finally(() => process.exit(0));
process.on('SIGTERM', stop);
process.on('SIGINT', stop);
