import {
  BATCH_SCHEMA,
  MAX_QUOTE_WORDS,
  wordCount,
  type ArticleMeta,
  type Batch,
  type Candidate,
  type EntityRef,
  type Span,
} from './batch';
import { attribute, type Mention, type RefDraft } from './extract/attribution';
import { entityCandidate, linkCandidate, PASS, refOf } from './candidates';
import { sharedCoreNlp, type CoreNlpServerOptions } from '../runtime/corenlp/server';
import { coreNlpNameFinder } from './extract/corenlp';
import { dateCandidate, findDates, UNRESOLVED_NOTE } from './extract/dates';
import { findEvents } from './extract/events';
import { buildGazetteer, gazetteerNames, type Gazetteer } from './extract/gazetteer';
import { jsNameFinder } from './extract/js-names';
import { clusterNames, mergeNames, typeFromContext, type NameCluster } from './extract/names';
import { cover, trimSpan } from './extract/quote';
import { officeTarget } from './extract/office-region';
import { findRelations } from './extract/relations';
import { typeBodiesOfRoles } from './extract/role-body';
import { splitSentences } from './extract/sentences';
import type { GazetteerEntry, NameFinder } from './extract/types';
import { weaponNames, withoutAmbiguousWeapons } from './extract/weapons';
import { JudgementIndex, type Judgement } from './link/judgements';
import { linkEntity } from './link/linker';
import { outletKey } from './link/normalise';
import { mainForeignScript } from '../shared/ingest-notice';
import type { FoundMeta } from './text/metadata';
import { bylineNameIsPlace } from './text/byline-place';
import { normaliseInput } from './text/normalise';
import type { InputFormat } from './text/validate';

export interface ArticleInput {
  /** The raw input: plain text, Markdown or HTML. */
  raw: string;
  format: InputFormat;
  /** Where it came from (a path, "paste"), for the record. */
  source: string;
  /** Keep a txt input byte-for-byte (re-extracting a stored article). */
  verbatim?: boolean;
  /** Metadata the caller knows (command-line flags, a form): wins over what the input carries. */
  meta?: FoundMeta;
}

export interface ExtractOptions {
  /** 'corenlp' (managed server), 'js', or any NameFinder. */
  extractor: 'corenlp' | 'js' | NameFinder;
  /** The graph's entities (or a prebuilt index); empty = no gazetteer pass and no linking. */
  gazetteer?: GazetteerEntry[] | Gazetteer;
  judgements?: Judgement[];
  now?: () => Date;
}

/** The name finder for a setting; CoreNLP's server options (heap, port) come from the caller's environment. */
export function nameFinderFor(extractor: ExtractOptions['extractor'], corenlp: CoreNlpServerOptions = {}): NameFinder {
  if (typeof extractor !== 'string') return extractor;
  return extractor === 'js' ? jsNameFinder : coreNlpNameFinder({ server: () => sharedCoreNlp(corenlp) });
}

/** A quote for `span`: the span itself when short enough, else its first 30 words. */
function quoteOf(text: string, span: Span, keepFrom?: number): { quote: string; quoteSpan: Span } {
  const q =
    wordCount(text.slice(span.start, span.end)) <= MAX_QUOTE_WORDS
      ? trimSpan(text, span, 1e9)
      : trimSpan(text, span, MAX_QUOTE_WORDS, keepFrom);
  return { quote: text.slice(q.start, q.end), quoteSpan: q };
}

/**
 * Extracts reviewable candidates from one article: names (the chosen finder plus the gazetteer
 * and weapon patterns), grouped into entities and linked to the graph, dates, claims,
 * relationships and events, each with an exact-slice quote. Pure apart from the name finder
 * (CoreNLP is an HTTP call to the managed server). Cost: the finder's (CoreNLP ~0.5–1 s per
 * article warm; js ~5 ms) plus ~10–50 ms of rules for a news article.
 */
export async function extractArticle(input: ArticleInput, opts: ExtractOptions): Promise<Batch> {
  return (await extractWithText(input, opts)).batch;
}

/** extractArticle, also returning the normalised text the batch's offsets refer to (what gets stored). */
export async function extractWithText(
  input: ArticleInput,
  opts: ExtractOptions,
): Promise<{ batch: Batch; text: string }> {
  const timings: Record<string, number> = {};
  const timed = async <T>(name: string, f: () => T | Promise<T>): Promise<T> => {
    const t0 = performance.now();
    const r = await f();
    timings[name] = Math.round((performance.now() - t0) * 10) / 10;
    return r;
  };
  const normalise = (organisations?: ReadonlySet<string>) =>
    normaliseInput(input.raw, input.format, { verbatim: input.verbatim, what: input.source, organisations });
  let norm = await timed('normalise', () => normalise());
  const { text } = norm;
  const metaOf = (n: typeof norm) =>
    ({ ...n.meta, ...Object.fromEntries(Object.entries(input.meta ?? {}).filter(([, v]) => v)) }) as FoundMeta;
  const finder = nameFinderFor(opts.extractor);
  const gz = !opts.gazetteer
    ? buildGazetteer([])
    : Array.isArray(opts.gazetteer)
      ? buildGazetteer(opts.gazetteer)
      : opts.gazetteer;
  const judgements = new JudgementIndex(opts.judgements ?? []);

  const sentences = splitSentences(text);
  const found = await timed(finder.info.name, () => finder.find(text));
  // "By Harbourwire": the word is the outlet only when the finder or the graph calls it an organisation;
  // "By Jane Roe, Kyivpost": unless it reads as a place ("By Jane Roe, Kyiv"; bylineNameIsPlace).
  const w = norm.bylineWord;
  if (w) {
    const all = [...found, ...gazetteerNames(text, gz)];
    const named = all.filter((f) => f.start === w.start && f.end === w.end);
    const outlet = w.afterNames ? !bylineNameIsPlace(text, w.text, all) : named.some((f) => f.type === 'ORGANIZATION');
    if (outlet) norm = normalise(new Set([w.text]));
  }
  const meta = metaOf(norm);
  const clusters = await timed('names', () => {
    const weapons = weaponNames(text);
    const known = withoutAmbiguousWeapons(gazetteerNames(text, gz), weapons);
    const cs = clusterNames(mergeNames(text, found, known, weapons, gz), gz);
    typeFromContext(text, cs);
    typeBodiesOfRoles(text, cs, gz);
    typeOutlet(cs, meta.outlet);
    return cs;
  });
  const links = await timed('link', () =>
    clusters.map((c) => (gz.entries.length ? linkEntity(c.forms, c.type, gz, judgements) : null)),
  );
  const dates = await timed('dates', () => findDates(text, meta.published));
  const all: Mention[] = clusters.flatMap((c, i) =>
    c.mentions.map((m) => ({ start: m.start, end: m.end, text: m.text, type: c.type, cluster: i })),
  );
  // A place inside an organisation's name ("Ukraine" of "Ukraine's MoD") is a mention of the place,
  // but the organisation is who speaks, holds an office or takes part: the rules see the longer name.
  const mentions = all.filter(
    (m) => !all.some((o) => o !== m && o.start <= m.start && o.end >= m.end && o.end - o.start > m.end - m.start),
  );
  const claims = await timed('attribution', () => attribute(text, sentences, mentions));
  // An untyped name that "he" or "she" refers back to is a person's.
  for (const c of claims) {
    const cl = c.claimant.cluster === undefined ? undefined : clusters[c.claimant.cluster];
    if (cl?.type === 'UNKNOWN' && c.claimant.resolvedBy === 'pronoun' && /^(he|she)$/i.test(c.claimant.text)) {
      cl.type = 'PERSON';
      cl.notes.push(`typed PERSON: referred to as "${c.claimant.text}"`);
      for (const m of mentions) if (m.cluster === c.claimant.cluster) m.type = 'PERSON';
    }
  }
  const relations = await timed('relations', () => findRelations(text, sentences, mentions));
  const events = await timed('events', () => findEvents(text, sentences, mentions, dates));

  const candidates: Candidate[] = [];
  const entityId = (i: number) => `e${i + 1}`;
  clusters.forEach((c, i) => candidates.push(entityCandidate(text, c, i, finder.info)));
  clusters.forEach((c, i) => {
    const l = links[i];
    if (l && (l.decision === 'auto' || l.options.length)) candidates.push(linkCandidate(text, c, l, i));
  });
  const dateIds = new Map<number, string>();
  dates.forEach((d, i) => {
    dateIds.set(d.start, `d${i + 1}`);
    candidates.push(dateCandidate(`d${i + 1}`, text, d, meta.published ? [] : [UNRESOLVED_NOTE]));
  });
  const toRef = (d: RefDraft & { country?: string }, asClaimant = false): EntityRef =>
    refOf(text, d, clusters, links, gz, entityId, asClaimant);
  const dateIn = (s: Span) => dates.find((d) => d.start >= s.start && d.end <= s.end);

  claims.forEach((c, i) => {
    const claimant = toRef(c.claimant, true);
    const full = cover(c.claimant, c.cueSpan, c.statement);
    const q =
      wordCount(text.slice(full.start, full.end)) <= MAX_QUOTE_WORDS ? quoteOf(text, full) : quoteOf(text, c.statement);
    const notes: string[] = [];
    if (claimant.resolvedBy === 'pronoun') notes.push(`"${c.claimant.text}" read as ${claimant.text}`);
    if (claimant.resolvedBy === 'metonymy')
      notes.push(
        `a place speaking: ${claimant.entityId ? `suggested ${claimant.entityId}` : 'probably its government'} (a suggestion, not a fact)`,
      );
    if (c.claimant.note) notes.push(c.claimant.note);
    if (c.claimant.cluster === undefined) notes.push('unnamed source');
    let confidence = 0.7;
    if (claimant.resolvedBy === 'pronoun' || claimant.resolvedBy === 'metonymy') confidence -= 0.2;
    if (c.claimant.cluster === undefined) confidence = 0.3;
    if (c.cue === 'continues quote') confidence = 0.5;
    const d = dateIn(c.sentence);
    candidates.push({
      id: `c${i + 1}`,
      kind: 'claim',
      spans: [c.statement, c.cueSpan],
      ...q,
      confidence: Math.round(confidence * 100) / 100,
      extractor: PASS.attribution,
      notes,
      claimant,
      via: c.via ? toRef(c.via) : undefined,
      statement: text.slice(c.statement.start, c.statement.end),
      statementSpan: c.statement,
      cue: c.cue,
      stance: c.stance,
      date: d ? dateIds.get(d.start) : undefined,
    });
  });
  relations.forEach((r, i) => {
    const office = officeTarget(r.type, toRef(r.to), gz);
    candidates.push({
      id: `r${i + 1}`,
      kind: 'relationship',
      spans: [r.span],
      ...quoteOf(text, r.span, r.from.start),
      confidence: r.to.resolvedBy === 'role' ? 0.5 : 0.7,
      extractor: PASS.relations,
      notes: [...Object.entries(r.properties).map(([k, v]) => `${k}: ${v}`), ...(office.note ? [office.note] : [])],
      type: r.type,
      from: toRef(r.from),
      to: office.to,
      cue: r.cue,
    });
  });
  events.forEach((e, i) => {
    candidates.push({
      id: `v${i + 1}`,
      kind: 'event',
      spans: [e.triggerSpan],
      ...quoteOf(text, e.sentence, e.triggerSpan.start),
      confidence: 0.4,
      extractor: PASS.events,
      notes: [],
      trigger: e.trigger,
      eventKind: e.kind,
      date: e.date ? dateIds.get(e.date.start) : undefined,
      place: e.place ? toRef({ ...e.place, resolvedBy: 'name' }) : undefined,
      participants: e.participants.map((p) => toRef({ ...p, resolvedBy: 'name' })),
    });
  });

  const missing = (['title', 'outlet', 'byline', 'published', 'url'] as const).filter((k) => !meta[k]);
  // Only English is read: a text mostly in another script says so (the review's notice).
  const script = mainForeignScript(text);
  const article: ArticleMeta = {
    sha256: norm.sha256,
    length: norm.length,
    format: input.format,
    source: input.source,
    ...meta,
    ...(script ? { script } : {}),
    missing,
  };
  const batch: Batch = {
    schema: BATCH_SCHEMA,
    createdAt: (opts.now?.() ?? new Date()).toISOString(),
    article,
    extractor: { ...finder.info },
    passes: [{ ...finder.info }, ...Object.values(PASS)],
    candidates,
    timings,
  };
  return { batch, text };
}

/**
 * The article's outlet named in its text is an organisation, whatever the finder made of it
 * (CoreNLP often takes a two-word outlet in a byline, "Northbridge Wire", for a person).
 */
function typeOutlet(clusters: NameCluster[], outlet: string | undefined): void {
  const k = outlet?.trim() ? outletKey(outlet) : null;
  if (!k) return;
  for (const c of clusters)
    if (c.type !== 'ORGANIZATION' && c.forms.some((f) => outletKey(f) === k)) {
      c.notes.push(`typed ORGANIZATION: the article's outlet (was ${c.type})`);
      c.type = 'ORGANIZATION';
    }
}
