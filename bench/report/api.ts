/** Part 2 of RESULTS.md: API latency against the same Cypher through the bare driver. */
import { FLOOR_ENDPOINT, type ApiResults, type ApiRow } from '../api/run';
import { table } from '../lib/markdown';
import { fmt, ratio } from '../lib/stats';
import { isError, kb, n, notMeasured } from './format';

/** Small expansions per second at 50 clients through the API on 2026-12-01 (one-pass Cypher of that day). */
const THROUGHPUT_BEFORE = 49.6;

export function apiSection(
  r: ApiResults | { error: string } | null,
  scale: number | null,
  graph: 'loader' | 'import',
): string {
  const out: string[] = ['## 2. API latency', ''];
  if (!r || isError(r)) return [...out, notMeasured('API', r)].join('\n');
  out.push(
    `On the ${scale ? n(scale) : '?'}-relationship generated graph, ${graph === 'loader' ? "part 1's (its last loader run's store, the server restarted" : "built by `neo4j-admin database import` from the generator's CSV (`--only api`; the server started"} with a 2 GB heap and a 2 GB page cache).`,
    'API: `startServer()` from src/server in its own process, autocannon on 127.0.0.1 (pipelining 1, 30 s timeout). Baseline:',
    'the very Cypher statements the API ran for the same requests (recorded through a wrapped driver during a warm-up',
    'request), replayed through the bare neo4j-driver with the same session mode and the same concurrency, no HTTP. Both',
    'sides share the same 2 cores with Neo4j (and the load generator). Each round sends a fixed number of requests per',
    'side (every one awaited, so slow requests are never cut off by a time window); latencies in ms, each cell the median',
    'over rounds of that round\'s percentile; the sides rotate which goes first. "requests" = total over rounds. req/s =',
    "requests answered ÷ time from the round's start to its last answer. Expansions also have a third side: **Browser-style**,",
    'the minimal Cypher Neo4j Browser runs to expand a node (`MATCH (n)-[r]-(m) RETURN r, m LIMIT k`) for the same node and',
    "the same page size as the API's answer, through the bare driver.",
    '',
  );
  out.push(
    table(
      [
        'endpoint',
        'clients',
        'API p50',
        'API p95',
        'API p99',
        'driver p50',
        'driver p95',
        'driver p99',
        'API ÷ driver (p50)',
        'Browser-style p50',
        'API ÷ Browser-style (p50)',
        'API req/s',
        'driver req/s',
        'requests',
        'failures',
      ],
      r.rows.map((x: ApiRow) => [
        x.endpoint,
        x.concurrency,
        fmt(x.api.p50),
        fmt(x.api.p95),
        fmt(x.api.p99),
        fmt(x.direct.p50),
        fmt(x.direct.p95),
        fmt(x.direct.p99),
        ratio(x.api.p50, x.direct.p50),
        x.browser ? fmt(x.browser.p50) : '–',
        x.browser ? ratio(x.api.p50, x.browser.p50) : '–',
        fmt(x.api.rps),
        fmt(x.direct.rps),
        n(x.api.requests),
        x.api.failures + x.direct.failures,
      ]),
    ),
  );
  for (const [ep, why] of Object.entries(r.failed ?? {}))
    out.push('', `**${ep}: not measured — it failed on this graph:** \`${why}\``);
  out.push(
    '',
    'Statements per request (recorded): ' +
      Object.entries(r.statements)
        .map(([k, v]) => `${k} ${v}`)
        .join(', ') +
      '.',
  );
  out.push(
    'Database hits per request (PROFILE of the recorded statements, first variant): ' +
      Object.entries(r.dbHits ?? {})
        .map(([k, v]) => `${k} ${fmt(v)}`)
        .join(', ') +
      '.',
  );
  out.push(
    'Largest response: ' +
      Object.entries(r.responseBytes)
        .map(([k, v]) => `${k} ${kb(v)}`)
        .join(', ') +
      '.',
    '',
  );
  out.push('**Targets.**', '');
  const one = r.rows.filter((x) => x.concurrency === 1 && x.endpoint !== FLOOR_ENDPOINT);
  const base = (x: ApiRow) => x.browser ?? x.direct;
  const floor = r.rows.find((x) => x.concurrency === 1 && x.endpoint === FLOOR_ENDPOINT);
  const over = one.filter((x) => x.api.p50 > 1.2 * base(x).p50);
  out.push(
    `- API p50 at 1 client within 1.2× of its baseline (expansions: Browser-style; the rest: the API's own Cypher through the driver): ` +
      (over.length
        ? `missed in ${over.length}/${one.length}: ` +
          over
            .map(
              (x) =>
                `${x.endpoint} ${ratio(x.api.p50, base(x).p50)} (${kb(r.responseBytes[x.endpoint] ?? NaN)} response)`,
            )
            .join('; ') +
          '. What the API adds to the same Cypher is converting every record to JSON (integers, dates, points, nodes' +
          ' into graph + table) and HTTP; expansions also count per-type totals Browser does not.'
        : `met in all ${one.length}.`),
  );
  if (floor) out.push(floorLine(floor, one, base));
  const small = r.rows.find((x) => x.endpoint.startsWith('expand (small') && x.concurrency === 50);
  if (small)
    out.push(
      `- Small expansions at 50 clients: ${fmt(small.api.rps)} requests/s through the API, ` +
        `${ratio(small.api.rps, THROUGHPUT_BEFORE)} the ${THROUGHPUT_BEFORE} of 2026-12-01 (target ≥ 5×: ` +
        `${small.api.rps >= 5 * THROUGHPUT_BEFORE ? 'met' : 'missed'}); the bare driver ${fmt(small.direct.rps)} requests/s ` +
        `on the same Cypher, so the API serves ${ratio(small.api.rps, small.direct.rps)} of it.`,
    );
  const conc = Math.max(...r.rows.map((x) => x.concurrency));
  for (const x of r.rows.filter((y) => y.endpoint.startsWith('expand') && y.concurrency === conc)) {
    const verdict = !Number.isFinite(x.api.p99)
      ? 'no successful request'
      : x.api.p99 < 50
        ? 'met'
        : `missed by ${fmt(x.api.p99 / 50)}×`;
    out.push(
      `- p99 ${x.endpoint} at ${conc} clients under 50 ms: ${fmt(x.api.p99)} ms — ${verdict} (driver alone: ${fmt(x.direct.p99)} ms; ${fmt(x.api.rps)} requests/s through the API, so ${conc} clients queue ≈ ${fmt((1000 * conc) / x.api.rps)} ms each by Little's law).`,
    );
  }
  for (const c of [...new Set(r.rows.map((x) => x.concurrency))]) {
    const small = r.rows.find((x) => x.endpoint.startsWith('expand (small') && x.concurrency === c);
    const hub = r.rows.find((x) => x.endpoint.startsWith('expand (hub') && x.concurrency === c);
    if (small && hub)
      out.push(
        `- Hub vs small expansion @${c}: p50 ${fmt(hub.api.p50)} vs ${fmt(small.api.p50)} ms (${ratio(hub.api.p50, small.api.p50)}; driver alone ${ratio(hub.direct.p50, small.direct.p50)}; database hits ${ratio(r.dbHits?.[hub.endpoint] ?? NaN, r.dbHits?.[small.endpoint] ?? NaN)}).` +
          ((r.dbHits?.[hub.endpoint] ?? Infinity) <= 1.2 * (r.dbHits?.[small.endpoint] ?? 0)
            ? ` The cap holds in Cypher (the hub costs no more database hits); the hub is slower by what it returns — ${kb(r.responseBytes[hub.endpoint] ?? NaN)} against ${kb(r.responseBytes[small.endpoint] ?? NaN)}: a full page of 100 neighbours with their properties, converted and sent.`
            : ''),
      );
  }
  return out.join('\n');
}

/**
 * What the hop alone costs at 1 client (the floor row: API − driver on a trivial statement), and
 * each endpoint's ratio with that fixed cost taken out: what its own work adds to its baseline.
 */
function floorLine(floor: ApiRow, one: ApiRow[], base: (x: ApiRow) => { p50: number }): string {
  const hop = floor.api.p50 - floor.direct.p50;
  if (!(hop > 0))
    return `- The floor (\`/api/health\`): API p50 ${fmt(floor.api.p50)} ms, driver ${fmt(floor.direct.p50)} ms: no fixed cost measurable in this run (too few requests or too much noise).`;
  return (
    `- The floor (\`/api/health\`, one trivial statement): API p50 ${fmt(floor.api.p50)} ms, the same statement through ` +
    `the driver ${fmt(floor.direct.p50)} ms, so passing through the API process costs ${fmt(hop)} ms per request ` +
    `before any work of an endpoint's own. What each endpoint adds over its own Cypher through the driver, at 1 client: ` +
    one.map((x) => `${x.endpoint} ${fmt(x.api.p50 - x.direct.p50)} ms`).join(', ') +
    `. With the floor's ${fmt(hop)} ms taken out, API ÷ baseline (p50): ` +
    one.map((x) => `${x.endpoint} ${ratio(x.api.p50 - hop, base(x).p50)}`).join(', ') +
    '.'
  );
}
