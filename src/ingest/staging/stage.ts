/**
 * Staging one article: what `npm run ingest` does per input and what the "Add article" dialog
 * asks the server to do. The text is normalised and recognised when the same text was staged or
 * is in the graph already; otherwise the article is extracted (with the live graph as gazetteer
 * and the recorded judgements), its text stored, and the batch staged. Nothing is half-written:
 * the text file is taken back when staging fails after writing it.
 */
import { extractWithText } from '../article';
import { batchProblems, type Batch } from '../batch';
import { buildGazetteer, type Gazetteer } from '../extract/gazetteer';
import type { GazetteerEntry, NameFinder } from '../extract/types';
import type { TextStore } from '../store';
import { IngestInputError } from '../text/errors';
import type { FoundMeta } from '../text/metadata';
import { normaliseInput } from '../text/normalise';
import type { InputFormat } from '../text/validate';
import type { ArticleProbe, GraphArticle } from './graph';
import { identityKey, textKeysOf } from './identity';
import type { StagedBatch, Staging } from './store';

export interface StageInput {
  /** Decoded text (the caller has validated the bytes: empty, binary, size, UTF-8). */
  raw: string;
  format: InputFormat;
  /** A path, a file name or "paste". */
  source: string;
  meta?: FoundMeta;
  /**
   * Stage it even though a graph Article has the same title, outlet and date (the "Add as a
   * separate article" choice). Only that weakest match gives way: the same text or URL never does.
   */
  allowSameTitle?: boolean;
}

export interface StageDeps {
  staging: Staging;
  texts: TextStore;
  finder: NameFinder;
  /** The gazetteer for this article's text (from the live graph, a seed folder, or none). */
  gazetteer: (text: string) => Promise<GazetteerEntry[] | Gazetteer> | GazetteerEntry[] | Gazetteer;
  /** The graph Article this one is already (graph.ts sameArticleInGraph), if any. */
  articleInGraph?: (probe: ArticleProbe) => Promise<GraphArticle | null>;
  actor: string;
  runId?: string | null;
}

export interface StageResult {
  staged: StagedBatch;
  text: string;
}

/** How a refusal names a graph Article: "Title" (Outlet, 2023-04-21), as a newsroom knows it. */
function articleWords(a: Omit<GraphArticle, 'by'>): string {
  const where = [a.outlet, a.published].filter(Boolean).join(', ');
  return `${a.title ? `"${a.title}"` : `article ${a.id}`}${where ? ` (${where})` : ''}`;
}

/** What a refusal says matched, and the code a client acts on (only `title` may be overridden). */
const GRAPH_MATCH = {
  text: { words: 'the same text', match: 'text' },
  url: { words: 'an article with the same URL', match: 'url' },
  meta: { words: 'an article with the same title, outlet and date', match: 'title' },
} as const;

/** What a person may do about a same-title refusal. */
const SEPARATE = 'If it is another version (a live blog, an updated story), add it as a separate article.';

export interface Duplicate {
  /** The staged batch or graph Article it is. */
  id: string;
  message: string;
  match: 'staged' | 'text' | 'url' | 'title';
}

/**
 * Recognises the same article before any extraction: staged already (exactly, or but for spacing,
 * line ends and Unicode form: see identity.ts), or an Article of the graph — the same text by its
 * identity key or sha256, the same URL, or the same title, outlet and date (`meta`: what the input
 * and the form give; `match: 'title'`, the one a person may override).
 */
export async function duplicateOf(
  text: { sha256: string; text: string; meta?: FoundMeta },
  deps: Pick<StageDeps, 'staging' | 'articleInGraph' | 'texts'>,
): Promise<Duplicate | null> {
  const keys = textKeysOf(deps.staging);
  const key = identityKey(text.text);
  const exact = deps.staging.batchBySha(text.sha256);
  let staged = exact;
  if (!staged) {
    keys.backfill(deps.texts);
    const id = keys.batchWith(key);
    staged = id === undefined ? undefined : deps.staging.batch(id);
  }
  if (staged) {
    // An accepted batch is known here by its key even when its Article predates `text_key`.
    const a = staged.batch.article;
    const inGraph = staged.articleId
      ? `, and is in the graph as ${articleWords({ id: staged.articleId, title: a.title ?? null, outlet: a.outlet ?? null, published: a.published ?? null })}, article ${staged.articleId}`
      : '';
    return {
      id: staged.id,
      match: 'staged',
      message: `the same text${exact ? '' : ' (but for spacing, line ends or Unicode form)'} was already ingested on ${staged.createdAt.slice(0, 10)} by ${staged.createdBy} (from ${staged.source}; batch ${staged.id})${inGraph}`,
    };
  }
  const m = text.meta ?? {};
  const article = deps.articleInGraph
    ? await deps.articleInGraph({
        sha256: text.sha256,
        key,
        url: m.url,
        title: m.title,
        outlet: m.outlet,
        published: m.published,
      })
    : null;
  if (article?.by === 'meta')
    return {
      id: article.id,
      match: 'title',
      message: `same title, outlet and date as ${articleWords(article)}, article ${article.id}, already in the graph; the text differs`,
    };
  if (article)
    return {
      id: article.id,
      match: GRAPH_MATCH[article.by].match,
      message: `${GRAPH_MATCH[article.by].words} is already in the graph: ${articleWords(article)}, article ${article.id}`,
    };
  return null;
}

/**
 * Stages one article. Throws IngestInputError (DUPLICATE, NO_TEXT…) or the name finder's error
 * (CoreNLP failing to start or dying) with nothing stored. Cost: one extraction (CoreNLP ~1 s
 * warm) plus one small SQLite transaction.
 */
export async function stageArticle(input: StageInput, deps: StageDeps): Promise<StageResult> {
  const norm = normaliseInput(input.raw, input.format, { what: input.source });
  const { sha256, text: canonical } = norm;
  const meta = withGiven(norm.meta, input.meta);
  const dup = await duplicateOf({ sha256, text: canonical, meta }, deps);
  // The same title, outlet and date with another text is staged when asked for, and says so in the batch.
  const sameTitleAs = dup?.match === 'title' && input.allowSameTitle ? dup.id : undefined;
  if (dup && !sameTitleAs)
    throw new IngestInputError(
      'DUPLICATE',
      `${input.source}: ${dup.message}; not staged${dup.match === 'title' ? `. ${SEPARATE}` : ' again.'}`,
      dup.id,
      dup.match,
    );
  const gz = await deps.gazetteer(canonical);
  const { batch, text } = await extractWithText(
    { raw: input.raw, format: input.format, source: input.source, meta: input.meta },
    {
      extractor: deps.finder,
      gazetteer: Array.isArray(gz) ? buildGazetteer(gz) : gz,
      judgements: deps.staging.judgements(),
    },
  );
  const problems = batchProblems(batch, text);
  if (problems.length)
    throw new Error(`internal: the batch does not match its text: ${problems.slice(0, 3).join('; ')}`);
  const stored = deps.texts.put(text, batch.article.sha256);
  const withFile: Batch = {
    ...batch,
    article: { ...batch.article, file: stored.file, ...(sameTitleAs && { sameTitleAs }) },
  };
  try {
    // The batch and its identity key together: a racing request with a trivially different text
    // fails on the key's unique index and is told, like one with the same text.
    const staged = deps.staging.tx(() => {
      const added = deps.staging.addBatch(withFile, deps.actor, deps.runId ?? null);
      textKeysOf(deps.staging).add(added.id, identityKey(text));
      return added;
    });
    return { staged, text };
  } catch (e) {
    if (stored.written) deps.texts.remove(batch.article.sha256);
    // Two requests staging the same text at once: the store's unique key decides, the loser is told.
    if (
      (e as { code?: string }).code === 'SQLITE_CONSTRAINT_UNIQUE' ||
      (e as { code?: string }).code === 'SQLITE_CONSTRAINT_PRIMARYKEY'
    ) {
      const dup = await duplicateOf({ sha256, text: canonical, meta }, deps);
      throw new IngestInputError(
        'DUPLICATE',
        `${input.source}: ${dup?.message ?? 'the same text was just staged'}; not staged again.`,
        dup?.id,
        dup?.match ?? 'staged',
      );
    }
    throw e;
  }
}

/** The input's metadata with what the caller gave (flags, the form) winning, as extraction has it. */
export function withGiven(found: FoundMeta, given: FoundMeta | undefined): FoundMeta {
  return { ...found, ...Object.fromEntries(Object.entries(given ?? {}).filter(([, v]) => v)) };
}

/** One line for logs: what a batch proposes. */
export function batchSummary(b: Batch): string {
  const n = (k: string) => b.candidates.filter((c) => c.kind === k).length;
  const auto = b.candidates.filter((c) => c.kind === 'link' && c.decision === 'auto').length;
  const missing = b.article.missing.filter((m) => m === 'published' || m === 'title');
  return (
    `${n('entity')} entities (${auto} auto-linked), ${n('claim')} claims, ${n('relationship')} relationships, ${n('event')} events, ${n('date')} dates` +
    (missing.length ? `; missing ${missing.join(', ')} (give --${missing[0]} or fill it in when reviewing)` : '') +
    (b.article.script ? `; the text is mostly in ${b.article.script} script, and only English text is extracted` : '')
  );
}
