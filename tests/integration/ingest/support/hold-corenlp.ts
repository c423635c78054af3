// Starts the managed CoreNLP server, prints its pid and waits to be signalled (orphan-guard test).
import { startCoreNlp } from '../../../../src/runtime/corenlp/server';

const server = await startCoreNlp({ heap: '1536m', log: () => {} });
process.stdout.write(`PID ${server.pid}\n`);
setInterval(() => {}, 60_000);
