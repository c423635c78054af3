/**
 * A news-shaped synthetic graph at a chosen scale, in the loader's own input type (SeedData), so
 * benchmarks load it through the same code as `npm run seed`. Seeded: the same (relationships,
 * seed) gives byte-identical data everywhere.
 *
 * Shape (fractions of the relationship total N):
 *  - articles N/50, each MENTIONS 25 distinct entities drawn Zipf(1) over all entities (≈ 50 % of
 *    N): a few hubs end up mentioned by most articles (thousands of neighbours at 100k+);
 *  - entities N/10 (Person 35 %, Organization 20 %, Place 20 %, Event 20 %, Weapon 5 %); events
 *    carry dates (or ranges) and are linked to places; places carry points;
 *  - claims N/25: MADE by a person or organization, REPORTS from an article, ABOUT 1–2 events;
 *    30 % contradict an earlier claim about the same event (CONTRADICTS, both marked contested);
 *  - typed entity relationships from the project vocabulary with Zipf(0.8) ends, the rest of N;
 *    articles are PUBLISHED_BY an outlet and WRITTEN_BY 1–2 people;
 *  - every relationship and claim carries 1–3 evidence quotes with consistent offsets.
 *
 * CLI: `tsx bench/generate.ts --relationships 10000 [--seed 7] [--out DIR]` writes the YAML files
 * `npm run seed -- --data DIR` style loaders read (readSeed validates them).
 *
 * Parts: types and options in generate/types.ts, entities in generate/entities.ts, claims in
 * generate/claims.ts, mentions and the typed relationships (replayable draws, for streaming) in
 * generate/relationships.ts, YAML output in generate/seed-yaml.ts; articles and the order every
 * part draws from the one seeded PRNG here.
 */
import type { SeedData } from '../src/dataset/read';
import { SeedRows } from '../src/dataset/rows';
import type { Article, EntityLabel, Mention, Relationship, VocabularyEntry } from '../src/dataset/schema';
import { generateClaims } from './generate/claims';
import { generateEntities } from './generate/entities';
import { drawTyped, evidenceFns, mentionRows, replayTyped } from './generate/relationships';
import { writeSeedYaml } from './generate/seed-yaml';
import type { GenerateOptions, Generated, StreamedGenerated, StreamedSeedData } from './generate/types';
import { Random, Zipf } from './lib/random';
import { TYPES, ARTICLE_TYPES, LABEL_SHARES, WORDS, cap, isoDay, DAYS } from './lib/synthetic-vocabulary';

export type {
  GenerateOptions,
  Generated,
  GeneratedRelationshipSample,
  StreamedGenerated,
  StreamedSeedData,
} from './generate/types';
export { writeSeedYaml } from './generate/seed-yaml';

/**
 * Builds the dataset in memory. Cost: ~1–2 µs per relationship of work plus the objects
 * themselves (≈ 440 B per relationship with its evidence: 437 MB of heap at 1M).
 */
export function generateSeedData(opts: GenerateOptions): Generated {
  const g = build(opts, false);
  return { ...g, data: { ...g.data, relationships: [...g.data.relationships], mentions: [...g.data.mentions] } };
}

/**
 * The same dataset (row for row) with MENTIONS and the typed relationships produced lazily: each
 * iteration of `data.mentions` / `data.relationships` replays them from the seed, so nothing holds
 * them (the bulk of the data: what lets a 10M-relationship load fit). Nodes and claims stay in memory.
 * Cost: the bulky draws run once to count and once per iteration.
 */
export function streamSeedData(opts: GenerateOptions): StreamedGenerated {
  return build(opts, true);
}

/** Rows for the loaders from streamed data (SeedRows only iterates relationships and mentions). */
export function streamedRows(d: StreamedSeedData): SeedRows {
  return new SeedRows(d as unknown as SeedData);
}

const replayable = <T>(gen: () => Iterator<T>): Iterable<T> => ({ [Symbol.iterator]: gen });

function build(opts: GenerateOptions, lazy: boolean): StreamedGenerated {
  const N = Math.max(200, Math.round(opts.relationships));
  const r = new Random(opts.seed ?? 7);
  const E = Math.max(60, Math.round(N * 0.1));
  const A = Math.max(4, Math.round(N / 50));
  const { entities, pools, nameOf, eventDate } = generateEntities(r, E);

  // --- articles
  const outlets = pools.Organization.slice(0, Math.max(3, Math.min(60, pools.Organization.length)));
  const authors = pools.Person.slice(0, Math.max(5, Math.min(400, pools.Person.length)));
  const articles: Article[] = [];
  const lengthOf = new Map<string, number>();
  for (let i = 0; i < A; i++) {
    const id = `article-${i}`;
    const length = r.int(2_000, 9_000);
    lengthOf.set(id, length);
    const nAuthors = r.chance(0.3) ? 2 : 1;
    const by = new Set<string>();
    while (by.size < Math.min(nAuthors, authors.length)) by.add(r.pick(authors));
    articles.push({
      id,
      file: `${id}.txt`,
      title: `${cap(r.pick(WORDS))} ${r.pick(WORDS)} in ${nameOf.get(r.pick(pools.Place))} (${i})`,
      outlet: r.pick(outlets),
      outlet_inferred: false,
      authors: [...by],
      published: isoDay(r.int(0, DAYS - 1)),
      published_basis: 'synthetic dateline',
      sha256: r.hex(64),
      length,
    });
  }
  const articleIds = articles.map((a) => a.id);
  const { quote, evidenceIn } = evidenceFns(r, articleIds, lengthOf);

  // --- mentions: drawn through once here (counts; the PRNG moves on), replayed when streamed.
  const mentionInputs = {
    articles,
    lengthOf,
    entities,
    zAll: new Zipf(E, 1),
    perArticle: Math.min(25, Math.floor(E / 2)),
  };
  const mentionState = r.state;
  const mentionList: Mention[] = [];
  const mentionCount = new Map<string, number>();
  let mentionTotal = 0;
  for (const m of mentionRows(r, mentionInputs)) {
    if (!lazy) mentionList.push(m);
    mentionTotal++;
    mentionCount.set(m.entity, (mentionCount.get(m.entity) ?? 0) + 1);
  }
  const mentions = lazy ? replayable(() => mentionRows(Random.at(mentionState), mentionInputs)) : mentionList;

  // --- article links (typed relationships between an Article and an entity)
  const links: Relationship[] = [];
  for (const a of articles) {
    links.push({
      type: 'PUBLISHED_BY',
      from: a.id,
      to: a.outlet,
      properties: { inferred: false },
      evidence: [evidenceIn(a.id)],
    });
    for (const p of a.authors)
      links.push({
        type: 'WRITTEN_BY',
        from: a.id,
        to: p,
        properties: { inferred: false },
        evidence: [evidenceIn(a.id)],
      });
  }

  // --- claims
  const C = Math.max(4, Math.round(N / 25));
  const { claims, about, contradicts } = generateClaims(r, C, {
    pools,
    nameOf,
    eventDate,
    articleIds,
    quote,
    evidenceIn,
  });

  // --- typed entity relationships: the rest of N (plus `extra` kept aside)
  const zipfs = new Map<EntityLabel, Zipf>();
  const typedInputs = {
    pools,
    zOf: (l: EntityLabel) => zipfs.get(l) ?? (zipfs.set(l, new Zipf(pools[l].length, 0.8)), zipfs.get(l)!),
    articleIds,
    lengthOf,
  };
  const claimRels = C * 2 + about + contradicts;
  const typedTarget = Math.max(0, N - mentionTotal - claimRels - links.length);
  const typedList: Relationship[] = [];
  const extra: Relationship[] = [];
  const replay = drawTyped(r, typedInputs, typedTarget, opts.extra ?? 0, (rel, i) => {
    if (i >= typedTarget) extra.push(rel);
    else if (!lazy) typedList.push(rel);
  });
  const relationships = lazy
    ? replayable(function* () {
        yield* links;
        yield* replayTyped(replay, typedInputs);
      })
    : [...links, ...typedList];
  const typedCount = links.length + replay.count;

  const vocabulary: VocabularyEntry[] = [
    ...TYPES.filter((t, i) => TYPES.findIndex((x) => x.type === t.type) === i).map((t) => ({
      type: t.type,
      from: [...new Set(TYPES.filter((x) => x.type === t.type).map((x) => x.from))],
      to: [...new Set(TYPES.filter((x) => x.type === t.type).map((x) => x.to))],
      meaning: t.meaning,
    })),
    ...ARTICLE_TYPES.map((t) => ({ type: t.type, from: [t.from], to: [t.to], meaning: t.meaning })),
  ];

  const byLabel = Object.fromEntries(LABEL_SHARES.map(([l]) => [l, pools[l].length])) as Record<EntityLabel, number>;
  const hub = entities[0]!.data.id;
  const sortedSmall = entities.slice(Math.floor(E / 2)).filter((e) => (mentionCount.get(e.data.id) ?? 0) >= 1);
  return {
    data: { articles, entities, claims, relationships, mentions, vocabulary },
    extra,
    counts: {
      nodes: A + E + C,
      articles: A,
      entities: byLabel,
      claims: C,
      relationships: {
        mentions: mentionTotal,
        typed: typedCount,
        made: C,
        reports: C,
        about,
        contradicts,
        total: mentionTotal + typedCount + claimRels,
      },
    },
    probes: {
      hub,
      hubMentions: mentionCount.get(hub) ?? 0,
      small: [0, 1, 2, 3, 4, 5, 6, 7].map((k) => sortedSmall[Math.floor((k * sortedSmall.length) / 8)]?.data.id ?? hub),
      names: [1, 2, 3, 5, 8].map((k) => nameOf.get(entities[Math.min(E - 1, k * 7)]!.data.id)!),
      events: pools.Event.slice(0, 5),
      person: pools.Person[0]!,
      event: pools.Event[0]!,
    },
  };
}

function arg(name: string): string | undefined {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? process.argv[i + 1] : undefined;
}

if (process.argv[1] && /generate\.ts$/.test(process.argv[1])) {
  const g = generateSeedData({ relationships: Number(arg('relationships') ?? 10_000), seed: Number(arg('seed') ?? 7) });
  const out = arg('out');
  if (out) writeSeedYaml(g.data, out);
  console.log(JSON.stringify({ counts: g.counts, probes: g.probes, out: out ?? null }, null, 2));
}
