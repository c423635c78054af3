import { z } from 'zod';

/**
 * The extraction batch: what the engine proposes for one article, for a person to review.
 *
 * Every candidate points into the article's normalised text (`article.sha256` names it) with
 * UTF-16 offsets, `start` inclusive and `end` exclusive, the seed data's convention, and carries a
 * verbatim quote that is an exact slice of that text (`text.slice(quoteSpan.start, quoteSpan.end)
 * === quote`, at most 30 words). Nothing here is a fact yet: accepting a candidate is what writes
 * the graph. Candidates refer to each other by `id` (unique within the batch) and to the graph's
 * existing entities by their ids (slugs such as `vyacheslav-gladkov`).
 *
 * Kinds:
 * - entity: one thing the article names, with all its mentions (surname and full name grouped).
 * - link: which graph entity an entity candidate is; `auto` only for a unique exact alias of the
 *   same label, else `options` ranked for a person (plus "new entity", always possible).
 * - relationship: a typed link from the vocabulary (GOVERNOR_OF, SPOKESPERSON_FOR…) with its quote.
 * - claim: who said what (claimant, optionally via whom), with stance hints.
 * - event: a trigger word with date and place found in the same sentence; always reviewed.
 * - date: a resolved date expression with the `date_basis` text the seed data uses.
 */

export const BATCH_SCHEMA = 'newsgraph.ingest.batch/1';
export const MAX_QUOTE_WORDS = 30;

export const SpanSchema = z.strictObject({ start: z.number().int().nonnegative(), end: z.number().int().positive() });
export type Span = z.infer<typeof SpanSchema>;

export const ExtractorInfoSchema = z.strictObject({ name: z.string(), version: z.string() });
export type ExtractorInfo = z.infer<typeof ExtractorInfoSchema>;

/** Entity types the engine proposes. UNKNOWN: a proper-noun span for a person to type. */
export const EntityTypeSchema = z.enum(['PERSON', 'ORGANIZATION', 'PLACE', 'WEAPON', 'UNKNOWN']);
export type EntityType = z.infer<typeof EntityTypeSchema>;

/** Graph label of an entity type (UNKNOWN has none until a person types it). */
export const LABEL_OF: Record<EntityType, string | null> = {
  PERSON: 'Person',
  ORGANIZATION: 'Organization',
  PLACE: 'Place',
  WEAPON: 'Weapon',
  UNKNOWN: null,
};

/** A reference to a participant: the entity candidate (in this batch) and/or a graph entity. */
export const EntityRefSchema = z.strictObject({
  text: z.string(),
  span: SpanSchema,
  /** Entity candidate id in this batch, when the participant is one. */
  candidate: z.string().optional(),
  /** Graph entity id when the link is certain (auto-linked) or proposed (see `suggested`). */
  entityId: z.string().optional(),
  /** True when entityId is a suggestion to confirm (metonymy, a top fuzzy option), not an auto-link. */
  suggested: z.boolean().optional(),
  /** How the reference was resolved: 'name', 'surname' (→ full name), 'pronoun' (→ last person), 'metonymy'. */
  resolvedBy: z.enum(['name', 'surname', 'pronoun', 'metonymy', 'role']).optional(),
});
export type EntityRef = z.infer<typeof EntityRefSchema>;

const base = {
  id: z.string().min(1),
  /** Where the candidate's own words are (entity mentions, the date expression, the claim's span…). */
  spans: z.array(SpanSchema).min(1),
  /** Verbatim evidence: an exact slice of the text, at most 30 words. */
  quote: z.string().min(1),
  quoteSpan: SpanSchema,
  confidence: z.number().min(0).max(1),
  extractor: ExtractorInfoSchema,
  /** Short reasons and cautions a reviewer should see ("one edit from Podolyak"). */
  notes: z.array(z.string()).default([]),
};

export const EntityCandidateSchema = z.strictObject({
  ...base,
  kind: z.literal('entity'),
  /** The fullest surface form in the article ("Vyacheslav Gladkov" rather than "Gladkov"). */
  text: z.string(),
  type: EntityTypeSchema,
  /** Distinct surface forms seen, fullest first. */
  forms: z.array(z.string()).min(1),
  /** Which passes found it: corenlp, js, gazetteer, weapon-pattern, surname. */
  sources: z.array(z.string()).min(1),
});
export type EntityCandidate = z.infer<typeof EntityCandidateSchema>;

export const LinkSignalsSchema = z.strictObject({
  exactAlias: z.boolean(),
  /** Levenshtein distance between the normalised forms (0 = same). */
  editDistance: z.number().int().nonnegative(),
  /** Double Metaphone codes overlap. */
  phonetic: z.boolean(),
  /** Equal after transliteration to ASCII (Cyrillic, diacritics). */
  transliterated: z.boolean(),
  /** The form is the surname of the option's name. */
  surname: z.boolean(),
  sameLabel: z.boolean(),
  /** An abbreviation or acronym matched ("Russian MoD" → Russian Ministry of Defence, "AFU"). */
  abbreviation: z.boolean().optional(),
});
export type LinkSignals = z.infer<typeof LinkSignalsSchema>;

export const LinkOptionSchema = z.strictObject({
  entityId: z.string(),
  name: z.string(),
  labels: z.array(z.string()),
  /** The alias that matched best. */
  matched: z.string(),
  score: z.number().min(0).max(1),
  signals: LinkSignalsSchema,
  /** Set when similarity alone cannot decide identity (e.g. one edit apart): never merge silently. */
  caution: z.string().optional(),
  /** A recorded judgement said "unsure" for this pair. */
  judgedUnsure: z.boolean().optional(),
});
export type LinkOption = z.infer<typeof LinkOptionSchema>;

export const LinkCandidateSchema = z.strictObject({
  ...base,
  kind: z.literal('link'),
  /** The entity candidate this link is about. */
  entity: z.string(),
  /** 'auto': linked without review (unique exact alias of the same label); 'review': a person chooses. */
  decision: z.enum(['auto', 'review']),
  /** The auto-linked graph entity (decision 'auto' only). */
  entityId: z.string().optional(),
  /** Ranked options, best first; "new entity" is always possible and not listed. */
  options: z.array(LinkOptionSchema),
});
export type LinkCandidate = z.infer<typeof LinkCandidateSchema>;

export const RelationshipCandidateSchema = z.strictObject({
  ...base,
  kind: z.literal('relationship'),
  /** A type from seed/data/vocabulary.yaml. */
  type: z.string(),
  from: EntityRefSchema,
  to: EntityRefSchema,
  /** The words that carry the relation ("spokesman", "governor of"). */
  cue: z.string(),
});
export type RelationshipCandidate = z.infer<typeof RelationshipCandidateSchema>;

export const ClaimCandidateSchema = z.strictObject({
  ...base,
  kind: z.literal('claim'),
  claimant: EntityRefSchema,
  /** Who relayed it ("…, according to TASS" when the claimant is someone else). */
  via: EntityRefSchema.optional(),
  /** The reported content as found (the span a reviewer paraphrases into our own words). */
  statement: z.string(),
  statementSpan: SpanSchema,
  /** The attribution cue: a speech verb lemma ("say", "deny") or "according to". */
  cue: z.string(),
  /** Hints for the reviewer, not facts: denies, accuses, admits, confirms, casualty-report, direct-quote. */
  stance: z.array(z.string()),
  /** Id of a date candidate in the same sentence (when the claim was made or what it is about). */
  date: z.string().optional(),
});
export type ClaimCandidate = z.infer<typeof ClaimCandidateSchema>;

export const EventCandidateSchema = z.strictObject({
  ...base,
  kind: z.literal('event'),
  trigger: z.string(),
  /** An events.yaml kind: strike, attack, explosion, evacuation, meeting, visit… */
  eventKind: z.string(),
  date: z.string().optional(),
  place: EntityRefSchema.optional(),
  /** Weapon or actor entity refs in the same sentence. */
  participants: z.array(EntityRefSchema),
  /**
   * Set when a reviewer named this event in a claim's edit form (no pass found it): that claim's id.
   * Its quote is the claim's; accepting the claim writes it in the same accept.
   */
  forClaim: z.string().optional(),
});
export type EventCandidate = z.infer<typeof EventCandidateSchema>;

export const DateCandidateSchema = z.strictObject({
  ...base,
  kind: z.literal('date'),
  text: z.string(),
  /** ISO day when the expression names one day. */
  date: z.string().optional(),
  /** ISO range for months, years, "between March and April". */
  dateFrom: z.string().optional(),
  dateTo: z.string().optional(),
  granularity: z.enum(['day', 'month', 'year', 'range']),
  /** How it was derived, in the seed data's words: "article published 2023-04-21 (Friday) says 'late Thursday'". */
  dateBasis: z.string(),
});
export type DateCandidate = z.infer<typeof DateCandidateSchema>;

export const CandidateSchema = z.discriminatedUnion('kind', [
  EntityCandidateSchema,
  LinkCandidateSchema,
  RelationshipCandidateSchema,
  ClaimCandidateSchema,
  EventCandidateSchema,
  DateCandidateSchema,
]);
export type Candidate = z.infer<typeof CandidateSchema>;
export type CandidateKind = Candidate['kind'];

export const ArticleMetaSchema = z.strictObject({
  /** sha256 (hex) of the normalised text's UTF-8 bytes: the article's identity. */
  sha256: z.string().regex(/^[0-9a-f]{64}$/),
  /** Length of the normalised text in UTF-16 code units. */
  length: z.number().int().nonnegative(),
  /** The stored text's file name in the ingest store (`<sha256 prefix>.txt`). */
  file: z.string().optional(),
  format: z.enum(['txt', 'md', 'html']),
  source: z.string(),
  title: z.string().optional(),
  outlet: z.string().optional(),
  /**
   * The reviewer's "outlet unknown": the text names no publisher. The article is then published by
   * a placeholder organization of its own (as the seed has one), which corroboration counts among
   * `unnamed_outlets`, never as one more outlet. Not set together with `outlet`.
   */
  outletUnknown: z.literal(true).optional(),
  byline: z.string().optional(),
  /** ISO date; relative dates resolve against it. Missing = ask the reviewer. */
  published: z.string().optional(),
  url: z.string().optional(),
  /**
   * Staged although this graph Article has the same title, outlet and date (a live blog's later
   * version, an updated wire story): the stager's deliberate "Add as a separate article". Who and
   * when: the batch's createdBy and createdAt.
   */
  sameTitleAs: z.string().optional(),
  /** The non-Latin script most of the text's letters are in ("Cyrillic (Russian, Ukrainian…)"): only English is extracted. */
  script: z.string().optional(),
  /** Which metadata the input carried and which the engine could not find. */
  missing: z.array(z.enum(['title', 'outlet', 'byline', 'published', 'url'])),
});
export type ArticleMeta = z.infer<typeof ArticleMetaSchema>;

export const BatchSchema = z.strictObject({
  schema: z.literal(BATCH_SCHEMA),
  createdAt: z.string(),
  article: ArticleMetaSchema,
  /** The name finder used and every pass's version. */
  extractor: ExtractorInfoSchema,
  passes: z.array(ExtractorInfoSchema),
  candidates: z.array(CandidateSchema),
  /** Milliseconds per pass, for the record. */
  timings: z.record(z.string(), z.number()),
});
export type Batch = z.infer<typeof BatchSchema>;

/** Words in a quote, counted like the seed loader does. */
export const wordCount = (s: string): number => s.trim().split(/\s+/u).filter(Boolean).length;

/**
 * Problems with a batch against its text: quotes that are not exact slices or are too long, spans
 * out of range, references to missing candidates. Empty = consistent. Cost: linear in the batch.
 */
export function batchProblems(batch: Batch, text: string): string[] {
  const out: string[] = [];
  const ids = new Set(batch.candidates.map((c) => c.id));
  if (ids.size !== batch.candidates.length) out.push('candidate ids are not unique');
  const inText = (s: Span) => s.start >= 0 && s.end <= text.length && s.start < s.end;
  for (const c of batch.candidates) {
    if (text.slice(c.quoteSpan.start, c.quoteSpan.end) !== c.quote)
      out.push(`${c.id}: quote is not the slice at its quoteSpan`);
    if (wordCount(c.quote) > MAX_QUOTE_WORDS) out.push(`${c.id}: quote has more than ${MAX_QUOTE_WORDS} words`);
    for (const s of c.spans) if (!inText(s)) out.push(`${c.id}: span ${s.start}-${s.end} is outside the text`);
    const refs: (EntityRef | undefined)[] =
      c.kind === 'claim'
        ? [c.claimant, c.via]
        : c.kind === 'relationship'
          ? [c.from, c.to]
          : c.kind === 'event'
            ? [c.place, ...c.participants]
            : [];
    for (const r of refs)
      if (r?.candidate && !ids.has(r.candidate)) out.push(`${c.id}: refers to missing candidate ${r.candidate}`);
    if (c.kind === 'link' && !ids.has(c.entity)) out.push(`${c.id}: refers to missing entity ${c.entity}`);
    if ((c.kind === 'claim' || c.kind === 'event') && c.date && !ids.has(c.date))
      out.push(`${c.id}: refers to missing date ${c.date}`);
    if (c.kind === 'event' && c.forClaim && !ids.has(c.forClaim))
      out.push(`${c.id}: refers to missing claim ${c.forClaim}`);
  }
  return out;
}
