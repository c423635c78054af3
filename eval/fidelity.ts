import { readSeed } from '../src/dataset/read';
import { extractArticle, nameFinderFor } from '../src/ingest/article';
import { buildGazetteer } from '../src/ingest/extract/gazetteer';
import { gazetteerFromSeed } from '../src/ingest/gazetteer-seed';
import { loadEnv } from '../src/runtime/config';
import { stopSharedCoreNlp } from '../src/runtime/corenlp/server';
import { SEED_DATA_DIR } from '../src/runtime/paths';
import { loadTruth } from './truth';

/**
 * The fidelity pass: run the extractor over the curated articles with the full curated graph as
 * gazetteer and list what it proposes that the graph lacks — names with no auto-link, and title
 * relationships whose (type, from, to) is not curated. The output is a review list for a person,
 * not a score: `npm run eval:fidelity -- [--extractor corenlp|js] [--articles DIR]`.
 */
async function main(argv: string[]): Promise<void> {
  const arg = (name: string) => {
    const i = argv.indexOf(`--${name}`);
    return i >= 0 ? argv[i + 1] : undefined;
  };
  const env = loadEnv();
  const which = (arg('extractor') ?? env.NEWSGRAPH_EXTRACTOR ?? 'corenlp') as 'corenlp' | 'js';
  const articlesDir = arg('articles') ?? env.ARTICLES_DIR;
  const seed = readSeed(SEED_DATA_DIR);
  const truth = loadTruth(seed, articlesDir);
  const gazetteer = buildGazetteer(gazetteerFromSeed(SEED_DATA_DIR));
  const curated = new Set(seed.relationships.map((r) => `${r.type} ${r.from} ${r.to}`));
  const finder = nameFinderFor(which, {
    heap: env.NEWSGRAPH_CORENLP_HEAP,
    port: env.NEWSGRAPH_CORENLP_PORT,
    javaHome: env.JAVA_HOME,
  });
  console.log(`# fidelity pass, ${which} ${finder.info.version}, ${new Date().toISOString().slice(0, 10)}`);
  for (const t of truth) {
    const batch = await extractArticle(
      { raw: t.text, format: 'txt', source: t.file, verbatim: true, meta: { title: t.title, published: t.published } },
      { extractor: finder, gazetteer },
    );
    console.log(`\n## ${t.id}`);
    const linked = new Set(
      batch.candidates.flatMap((c) => (c.kind === 'link' && c.decision === 'auto' ? [c.entity] : [])),
    );
    for (const c of batch.candidates) {
      if (c.kind === 'entity' && !linked.has(c.id)) {
        const link = batch.candidates.find((l) => l.kind === 'link' && l.entity === c.id);
        const best = link?.kind === 'link' ? link.options[0] : undefined;
        const spans = c.spans.map((s) => `${s.start}-${s.end}`).join(',');
        console.log(
          `entity ${c.type.padEnd(12)} ${JSON.stringify(c.forms)} x${c.spans.length} @${spans} [${c.sources.join(',')}]` +
            (best ? ` best: ${best.entityId} (${best.score.toFixed(2)})` : ''),
        );
      }
      if (c.kind === 'relationship') {
        const key = `${c.type} ${c.from.entityId ?? '?'} ${c.to.entityId ?? '?'}`;
        if (!curated.has(key)) console.log(`rel    ${key} ("${c.from.text}" → "${c.to.text}") cue "${c.cue}"`);
      }
    }
  }
  await stopSharedCoreNlp();
}

main(process.argv.slice(2)).catch(async (e: unknown) => {
  await stopSharedCoreNlp();
  console.error(e);
  process.exit(1);
});
