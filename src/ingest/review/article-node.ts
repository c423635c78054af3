/**
 * The Article node an accept writes its candidates from: found when written before (by this
 * batch, or the same text by another), else created on the batch's first accept with its outlet
 * organization (an existing one by name or alias, else a new one) and the PUBLISHED_BY between
 * them, as the seed has it for every article. Refused when the graph has the article already as a
 * text differing but for spacing, line ends or Unicode form (its offsets would not fit).
 */
import { identityKey } from '../../dataset/text-key';
import { MAX_QUOTE_WORDS, type Span } from '../batch';
import { trimSpan } from '../extract/quote';
import { WIRE_DATELINE } from '../text/wire-dateline';
import { evidenceAt, relate, stamp, type ApplyContext } from './apply';
import { ReviewBlocked } from './errors';
import { isoToDate, slugify } from './values';
import type { NodeHandle } from './writer';

/** The organization an outlet name stands for: an existing one by name or alias, else a new one. */
async function outletNode(ctx: Omit<ApplyContext, 'article'>, outlet: string): Promise<NodeHandle> {
  const r = await ctx.w.tx.run(
    `MATCH (o:Organization) WHERE o.id IS NOT NULL AND (toLower(o.name) = $k OR any(a IN coalesce(o.aliases, []) WHERE toLower(a) = $k))
     RETURN o.id AS id ORDER BY size(o.id) LIMIT 1`,
    { k: outlet.toLowerCase() },
  );
  const id = r.records[0]?.get('id') as string | undefined;
  if (id) return (await ctx.w.node(id))!;
  return ctx.w.createNode(['Entity', 'Organization'], {
    id: await ctx.w.freeId(slugify(outlet)),
    name: outlet,
    aliases: [outlet],
    description: `News outlet; added when one of its articles was ingested ("${ctx.batch.article.title ?? outlet}").`,
    kind: 'news-outlet',
    dataset: ctx.dataset,
    ...stamp(ctx, ctx.batch.extractor),
  });
}

/**
 * The placeholder organization standing for the unnamed publisher of an article whose text names
 * none (the reviewer's "outlet unknown"), as the seed has one: `placeholder` true, so corroboration
 * counts the article among `unnamed_outlets` (outletsOf). One per article: two unnamed publishers
 * may be two outlets.
 */
async function placeholderOutlet(ctx: Omit<ApplyContext, 'article'>, title: string): Promise<NodeHandle> {
  return ctx.w.createNode(['Entity', 'Organization'], {
    id: await ctx.w.freeId(slugify(`unidentified-outlet-${title}`)),
    name: `Unidentified outlet (${title})`,
    aliases: [],
    description: `Placeholder for the unnamed publisher of "${title}": the text names no outlet.`,
    kind: 'news-outlet',
    placeholder: true,
    dataset: ctx.dataset,
    ...stamp(ctx, ctx.batch.extractor),
  });
}

/** Byline and credit lines ("By A, Reuters", "© Example Wire"): where a text names who published it. */
const CREDIT_LINE = /^\s*(?:by\s|©|\(c\)|copyright\b)/i;
const escapeRe = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * Where the text names its outlet: a byline or credit line holding one of the outlet's names, the
 * quote kept ≤ 30 words around the name, or a wire dateline naming it in brackets. Null when no such line does (the outlet is then inferred).
 */
export function outletLine(text: string, names: string[]): Span | null {
  const res = names.map((n) => new RegExp(`(?<![\\p{L}\\p{N}])${escapeRe(n.trim())}(?![\\p{L}\\p{N}])`, 'iu'));
  let at = 0;
  for (const line of text.split('\n')) {
    const start = at;
    at += line.length + 1;
    // A wire dateline names it in brackets: "KHARKIV, May 3 (Meridian) – …"; the quote ends at its dash.
    const dateline = WIRE_DATELINE.exec(line);
    if (dateline && names.some((n) => n.trim().toLowerCase() === dateline[1]!.trim().toLowerCase()))
      return { start, end: start + dateline[0].length };
    if (!CREDIT_LINE.test(line)) continue;
    const m = res.map((re) => re.exec(line)).find(Boolean);
    if (m) return trimSpan(text, { start, end: start + line.length }, MAX_QUOTE_WORDS, start + m.index);
  }
  return null;
}

/** The headline's span (else the first line's): the quote of an outlet the text does not name, as in the seed. */
function headlineSpan(text: string, title: string | undefined): Span {
  const i = title ? text.indexOf(title) : -1;
  if (i >= 0) return { start: i, end: i + title!.length };
  const first = /\S[^\n]*/.exec(text);
  return first ? { start: first.index, end: first.index + first[0].trimEnd().length } : { start: 0, end: text.length };
}

/**
 * PUBLISHED_BY from the new article to its outlet, as the seed has it for every article: `inferred`
 * false with the byline or credit line as evidence when the text names the outlet, else true with
 * its basis and the headline as the quote. Written in the accept that creates the article, so its
 * undo removes it.
 */
async function publishedBy(ctx: ApplyContext, outlet: NodeHandle, basis: string): Promise<void> {
  const aliases = Array.isArray(outlet.props.aliases) ? (outlet.props.aliases as unknown[]) : [];
  const names = [ctx.batch.article.outlet, outlet.props.name, ...aliases];
  const line = outletLine(
    ctx.text,
    names.filter((n): n is string => typeof n === 'string' && n.trim().length > 1),
  );
  const unnamed = `the text does not name the outlet; ${basis}`;
  const props = line
    ? { inferred: false }
    : { inferred: true, basis: ctx.batch.article.outletUnknown ? basis : unnamed };
  const span = line ?? headlineSpan(ctx.text, ctx.batch.article.title);
  await relate(ctx, ctx.article, 'PUBLISHED_BY', outlet, evidenceAt(ctx, span), props, ctx.batch.extractor);
}

/** The article details an accept needs, in the reviewer's words. */
const DETAIL = { title: 'title', outlet: 'outlet', published: 'publication date' } as const;

/** The Article node of the batch: found by id when written before, else created (with its outlet organization). */
export async function ensureArticle(ctx: Omit<ApplyContext, 'article'>, articleId: string | null): Promise<NodeHandle> {
  if (articleId) {
    const n = await ctx.w.node(articleId);
    if (n) return n;
  }
  const a = ctx.batch.article;
  // The same text already in the graph: an accept that committed after this one read the batch
  // (two first accepts at once), or an earlier batch of the same text. One article per text.
  // The same text but for spacing, line ends or Unicode form (its batch staged before the other was
  // accepted): refused, as this batch's offsets do not fit that Article's text.
  const key = identityKey(ctx.text);
  const same = await ctx.w.tx.run(
    `CALL () { MATCH (x:Article {sha256: $sha}) RETURN x, 0 AS rank UNION MATCH (x:Article {text_key: $key}) RETURN x, 1 AS rank }
     WITH x, rank WHERE x.id IS NOT NULL
     RETURN x.id AS id, x.title AS title, rank ORDER BY rank LIMIT 1`,
    { sha: a.sha256, key },
  );
  const sameId = same.records[0]?.get('id') as string | undefined;
  if (sameId && Number(same.records[0]!.get('rank')) === 0) return (await ctx.w.node(sameId))!;
  if (sameId)
    throw new ReviewBlocked(
      `this article is in the graph already as "${String(same.records[0]!.get('title'))}" (${sameId}), the same text but for spacing, line ends or Unicode form: discard this batch`,
    );
  const missing = (['title', 'outlet', 'published'] as const)
    .filter((k) => !a[k] && !(k === 'outlet' && a.outletUnknown))
    .map((k) => DETAIL[k]);
  if (missing.length)
    throw new ReviewBlocked(
      `Fill in the article's ${missing.length > 1 ? `${missing.slice(0, -1).join(', ')} and ${missing.at(-1)}` : missing[0]} first (Article details, above the text).`,
    );
  const outlet = a.outletUnknown ? await placeholderOutlet(ctx, a.title!) : await outletNode(ctx, a.outlet!);
  const id = await ctx.w.freeId(slugify(`${outlet.id}-${a.published}-${a.title}`, 90));
  const basis = (k: 'published' | 'outlet') =>
    k === 'outlet' && a.outletUnknown
      ? `no outlet named; placeholder for an unidentified publisher (${ctx.actor}, reviewing the ingested article)`
      : a.missing.includes(k)
        ? `given by ${ctx.actor} when reviewing the ingested article`
        : "from the article page's metadata";
  const article = await ctx.w.createNode(['Article'], {
    id,
    file: a.file ?? '',
    title: a.title,
    outlet: String(outlet.props.name ?? a.outlet),
    outlet_id: outlet.id,
    outlet_inferred: a.outletUnknown === true,
    outlet_basis: basis('outlet'),
    authors: [],
    author_ids: [],
    authors_inferred: false,
    ...(a.byline ? { byline: a.byline } : {}),
    published: isoToDate(a.published!),
    published_basis: basis('published'),
    sha256: a.sha256,
    // The text's identity key, as the seed has it: a later paste of it is known (staging/graph.ts).
    text_key: key,
    length: a.length,
    ...(a.url ? { url: a.url } : {}),
    dataset: ctx.dataset,
    ...stamp(ctx, ctx.batch.extractor),
  });
  await publishedBy({ ...ctx, article }, outlet, basis('outlet'));
  return article;
}
