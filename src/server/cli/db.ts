/** `npm run db:install | db:start | db:stop | db:status [-- --json]`: the managed local Neo4j. */
import { ConfigError, loadEnv } from '../../runtime/config';
import { ManagedNeo4jError } from '../../runtime/managed/errors';
import { ensureNeo4jInstalled } from '../../runtime/managed/install';
import { managedStatus, startManaged, stopManaged } from '../../runtime/managed/instance';

async function main(): Promise<number> {
  const [command, ...rest] = process.argv.slice(2);
  const env = loadEnv();
  const home = env.NEWSGRAPH_NEO4J_HOME;
  if (env.NEO4J_URI && command !== 'status') {
    console.error(
      `newsgraph: NEO4J_URI is set (${env.NEO4J_URI}); the managed Neo4j is not used, so there is nothing to ${command}.`,
    );
    return 1;
  }
  switch (command) {
    case 'install': {
      const r = await ensureNeo4jInstalled({ javaHome: env.JAVA_HOME });
      console.log(
        r.ran ? `Neo4j ${r.version} installed in ${r.libDir}` : `Neo4j ${r.version} already installed in ${r.libDir}`,
      );
      return 0;
    }
    case 'start': {
      const t0 = Date.now();
      const h = await startManaged({
        home,
        port: env.NEWSGRAPH_NEO4J_PORT,
        heap: env.NEWSGRAPH_NEO4J_HEAP,
        pagecache: env.NEWSGRAPH_NEO4J_PAGECACHE,
        javaHome: env.JAVA_HOME,
        detached: true,
      });
      const i = h.info;
      console.log(
        h.owned
          ? `Neo4j started in ${((Date.now() - t0) / 1000).toFixed(1)} s`
          : `Neo4j was already running (pid ${i.pid})`,
      );
      printStatus(i);
      return 0;
    }
    case 'stop': {
      const stopped = await stopManaged(home);
      console.log(stopped ? `Neo4j stopped (${home})` : `Neo4j was not running (${home})`);
      return 0;
    }
    case 'status': {
      if (env.NEO4J_URI) {
        const ext = {
          running: null,
          uri: env.NEO4J_URI,
          username: env.NEO4J_USERNAME,
          password: env.NEO4J_PASSWORD ?? null,
          database: env.NEO4J_DATABASE,
          home: null,
          logFile: null,
        };
        console.log(
          rest.includes('--json')
            ? JSON.stringify(ext)
            : `External Neo4j (NEO4J_URI): ${env.NEO4J_URI}, database ${env.NEO4J_DATABASE}`,
        );
        return 0;
      }
      const i = managedStatus(home);
      if (rest.includes('--json')) {
        const { running, uri, username, password, database, home: h, logFile } = i;
        console.log(JSON.stringify({ running, uri, username, password, database, home: h, logFile }));
      } else {
        console.log(i.running ? `Neo4j is running (pid ${i.pid})` : 'Neo4j is not running');
        printStatus(i);
      }
      return 0;
    }
    default:
      console.error('usage: db.ts install | start | stop | status [--json]');
      return 2;
  }
}

function printStatus(i: ReturnType<typeof managedStatus>): void {
  console.log(`  uri:       ${i.uri ?? '(not running)'}`);
  console.log(`  user:      ${i.username}`);
  console.log(`  password:  in ${i.passwordFile}`);
  console.log(`  database:  ${i.database}`);
  console.log(`  data:      ${i.dataDir}`);
  console.log(`  log:       ${i.logFile}`);
}

main().then(
  (code) => process.exit(code),
  (e: unknown) => {
    if (e instanceof ManagedNeo4jError || e instanceof ConfigError) console.error(`newsgraph: ${e.message}`);
    else console.error(e);
    process.exit(1);
  },
);
