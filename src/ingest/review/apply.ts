/**
 * Accepting, in the graph: each candidate kind written in the SAME shapes as the seed loader's
 * (src/dataset/load.ts, seed/README.md) — `:Entity:<Label>` nodes, MENTIONS from the article,
 * relationships with evidence lists, `:Claim` nodes with MADE/REPORTS/ABOUT — plus who accepted
 * it, when, and which extractor (and version) proposed it. Runs inside the caller's transaction
 * through a GraphWriter, so every change is recorded for undo.
 */
import { MAX_QUOTE_WORDS, wordCount, type Batch, type Candidate, type Span } from '../batch';
import { trimSpan } from '../extract/quote';
import type { DecisionRow } from '../staging/store';
import type { ClaimDecision, Decision, EntityDecision, EventDecision, RelationshipDecision } from './decision';
import { ReviewBlocked } from './errors';
import { graphNodeNamed, graphEntityRefusal } from './name-lock';
import { graphEventNamed, graphEventRefusal } from './new-event';
import { outletKey, resolveRef } from './proposals';
import type { Vocabulary } from './vocabulary';
import { isoToDate, provenance, evidenceOf, outletsOf, slugify, type EvidenceRef } from './values';
import type { GraphWriter, NodeHandle } from './writer';
import { nodeOrSurvivor, type FollowMerges, type Repointed } from './repoint';

export interface ApplyContext {
  w: GraphWriter;
  batch: Batch;
  text: string;
  /** The review so far; bulk accepts update it as they go. */
  decisions: Map<string, DecisionRow>;
  vocabulary: Vocabulary;
  actor: string;
  at: string;
  dataset: string;
  /** The article node (ensured before any candidate is written). */
  article: NodeHandle;
  /** Articles' outlets as provenance() counts them (null: unknown), read once per accept. */
  outletIds: Map<string, string | null>;
  /** Where merged-away entities went (the server's merge map); absent: an id that finds no node is refused. */
  followMerges?: FollowMerges;
  /** The references of the candidate being applied that named a merged-away entity (./repoint.ts). */
  repointed: Repointed[];
  /**
   * The graph entities an entity candidate's linker offered when it was staged (judged ones too):
   * one of them is not refused as the same name, since its reviewer chose a new entity beside it.
   */
  offered?: (entityCandidate: string) => ReadonlySet<string>;
}

/** accepted_by/at and extractor/version: what every node and relationship an accept creates carries. */
export function stamp(ctx: Pick<ApplyContext, 'actor' | 'at'>, extractor: { name: string; version: string }) {
  return {
    accepted_by: ctx.actor,
    accepted_at: ctx.at,
    extractor: extractor.name,
    extractor_version: extractor.version,
  };
}

/** The evidence for a span: trimmed to ≤ 30 words at word boundaries, checked to be an exact slice of the text. */
export function evidenceAt(ctx: Pick<ApplyContext, 'text' | 'article'>, span: Span): EvidenceRef {
  const { text } = ctx;
  if (!(span.start >= 0 && span.end <= text.length && span.start < span.end))
    throw new ReviewBlocked(`the quote span ${span.start}–${span.end} is outside the article (0–${text.length})`);
  const s = wordCount(text.slice(span.start, span.end)) > MAX_QUOTE_WORDS ? trimSpan(text, span) : span;
  const quote = text.slice(s.start, s.end);
  if (!quote.trim() || wordCount(quote) > MAX_QUOTE_WORDS)
    throw new ReviewBlocked(`the quote must be 1–${MAX_QUOTE_WORDS} words of the article`);
  return { article: ctx.article.id, quote, start: s.start, end: s.end };
}

async function provenanceOf(ctx: ApplyContext, ev: EvidenceRef[]) {
  const missing = ev.map((e) => e.article).filter((a) => !ctx.outletIds.has(a));
  if (missing.length) for (const [a, o] of await outletsOf(ctx.w.tx, missing)) ctx.outletIds.set(a, o);
  return provenance(ev, (a) => ctx.outletIds.get(a) ?? null);
}

/** A reference resolved to an existing node (refusing unknown ids and participants not accepted yet). */
async function nodeFor(ctx: ApplyContext, ref: string, what: string, labels?: readonly string[]): Promise<NodeHandle> {
  const r = resolveRef(ref, ctx.batch, ctx.decisions);
  if ('missing' in r) throw new ReviewBlocked(`accept ${r.missing} ("${r.text}") first: it is the ${what}`);
  const n = await nodeOrSurvivor(ctx, r.id);
  if (!n) throw new ReviewBlocked(`the ${what} "${r.id}" is not in the graph`);
  if (labels && !labels.some((l) => n.labels.includes(l)))
    throw new ReviewBlocked(`the ${what} "${r.id}" is a ${n.labels.join(':')}, not a ${labels.join(' or ')}`);
  return n;
}

/**
 * Creates the relationship with this evidence, or adds the evidence to the existing one of the
 * same type between the same nodes (one record per (type, from, to), as in the seed data).
 */
export async function relate(
  ctx: ApplyContext,
  from: NodeHandle,
  type: string,
  to: NodeHandle,
  ev: EvidenceRef,
  extra: Record<string, unknown>,
  extractor: { name: string; version: string },
): Promise<void> {
  ctx.vocabulary.check(type, from.labels, to.labels);
  const existing = await ctx.w.rel(from, type, to);
  if (!existing) {
    await ctx.w.createRel(from, type, to, {
      ...extra,
      ...(await provenanceOf(ctx, [ev])),
      ...stamp(ctx, extractor),
    });
    return;
  }
  const list = evidenceOf(existing.props);
  if (list.some((e) => e.article === ev.article && e.start === ev.start && e.end === ev.end)) return;
  const p = await provenanceOf(ctx, [...list, ev]);
  const { article: _a, quote: _q, start: _s, end: _e, ...lists } = p;
  await ctx.w.set('rel', existing.elementId, `${from.id} ${type} ${to.id}`, existing.props, lists);
}

/** MENTIONS from the article to an entity: created, or its count and first offset merged. */
async function mention(ctx: ApplyContext, entity: NodeHandle, spans: Span[]): Promise<void> {
  const first = [...spans].sort((a, b) => a.start - b.start)[0]!;
  const existing = await ctx.w.rel(ctx.article, 'MENTIONS', entity);
  if (!existing) {
    const quote = ctx.text.slice(first.start, first.end);
    await ctx.w.createRel(ctx.article, 'MENTIONS', entity, {
      count: spans.length,
      first_offset: first.start,
      article: ctx.article.id,
      quote,
      start: first.start,
      end: first.end,
    });
    return;
  }
  const p = existing.props;
  const oldFirst = Number(p.first_offset);
  const patch: Record<string, unknown> = { count: Number(p.count) + spans.length };
  if (first.start < oldFirst)
    Object.assign(patch, {
      first_offset: first.start,
      quote: ctx.text.slice(first.start, first.end),
      start: first.start,
      end: first.end,
    });
  await ctx.w.set('rel', existing.elementId, `${ctx.article.id} MENTIONS ${entity.id}`, p, patch);
}

/** The organization the article is published by (its `outlet_id`), or null. */
async function articleOutlet(ctx: ApplyContext): Promise<NodeHandle | null> {
  const id = ctx.article.props.outlet_id;
  const n = typeof id === 'string' ? await ctx.w.node(id) : null;
  return n?.labels.includes('Organization') ? n : null;
}

/** A new organization named as the article's outlet would be a second node for it: refused. */
async function refuseSecondOutlet(ctx: ApplyContext, name: string): Promise<void> {
  const outlet = await articleOutlet(ctx);
  const aliases = Array.isArray(outlet?.props.aliases) ? (outlet.props.aliases as unknown[]) : [];
  const names = [outlet?.props.name, ...aliases].filter((n): n is string => typeof n === 'string');
  if (outlet && names.some((n) => outletKey(n) === outletKey(name)))
    throw new ReviewBlocked(
      `"${name}" is the article's outlet, ${String(outlet.props.name)} (${outlet.id}), in the graph already: accept it as the outlet ("same as") rather than as a new organization`,
    );
}

export async function applyEntity(
  ctx: ApplyContext,
  c: Extract<Candidate, { kind: 'entity' }>,
  d: EntityDecision,
): Promise<{ entityId: string }> {
  let node: NodeHandle;
  if (d.action === 'link' || d.action === 'outlet') {
    const found = d.action === 'link' ? await nodeOrSurvivor(ctx, d.entityId) : await articleOutlet(ctx);
    if (!found || !found.labels.includes('Entity'))
      throw new ReviewBlocked(
        d.action === 'link'
          ? `no entity "${d.entityId}" in the graph`
          : `the article ${ctx.article.id} has no outlet organization in the graph`,
      );
    node = found;
    const aliases = Array.isArray(node.props.aliases) ? (node.props.aliases as string[]) : [];
    const fresh = c.forms.filter((f) => !aliases.includes(f) && f !== node.props.name);
    if (fresh.length) await ctx.w.set('node', node.elementId, node.id, node.props, { aliases: [...aliases, ...fresh] });
  } else {
    if (d.label === 'Organization') await refuseSecondOutlet(ctx, d.name);
    // The graph may have gained an entity of that name since the candidate was staged (another
    // article's accept, maybe at this moment: see lockNames), which its reviewer was never offered.
    const same = await graphNodeNamed(ctx.w.tx, d.label, d.name);
    if (same && !ctx.offered?.(c.id).has(same.id)) throw graphEntityRefusal(d.label, same);
    const id = await ctx.w.freeId(slugify(d.name));
    const props: Record<string, unknown> = {
      id,
      name: d.name,
      aliases: [...new Set([d.name, ...d.aliases])],
      description: d.description,
      ...(d.role ? { role: d.role } : {}),
      ...(d.kind ? { kind: d.kind } : {}),
      ...(d.country ? { country: d.country } : {}),
      dataset: ctx.dataset,
      ...stamp(ctx, c.extractor),
    };
    if (d.label === 'Place' && !d.kind) props.kind = 'place';
    node = await ctx.w.createNode(['Entity', d.label], props);
  }
  await mention(ctx, node, c.spans);
  return { entityId: node.id };
}

export async function applyRelationship(
  ctx: ApplyContext,
  c: Candidate,
  d: RelationshipDecision,
): Promise<{ from: string; to: string }> {
  const from = await nodeFor(ctx, d.from, 'source');
  const to = await nodeFor(ctx, d.to, 'target');
  await relate(ctx, from, d.type, to, evidenceAt(ctx, d.quoteSpan), d.properties, c.extractor);
  return { from: from.id, to: to.id };
}

interface Dated {
  date?: string;
  date_from?: string;
  date_to?: string;
  date_basis?: string;
}

/** The seed format's rules for a date (src/dataset/schema.ts): a day or a range, never both; always its basis. */
function checkDates(d: Dated): void {
  if (d.date && (d.date_from || d.date_to)) throw new ReviewBlocked('give either a date or a date range, not both');
  if ((d.date || d.date_from || d.date_to) && !d.date_basis)
    throw new ReviewBlocked('say how the date was derived (date basis)');
  if (d.date_from && d.date_to && d.date_from > d.date_to)
    throw new ReviewBlocked('the date range ends before it starts');
}

/** A decision's date fields as node properties (Neo4j dates, as the seed loader writes them). */
function dateProps(d: Dated): Record<string, unknown> {
  return {
    ...(d.date ? { date: isoToDate(d.date) } : {}),
    ...(d.date_from ? { date_from: isoToDate(d.date_from) } : {}),
    ...(d.date_to ? { date_to: isoToDate(d.date_to) } : {}),
    ...(d.date_basis ? { date_basis: d.date_basis } : {}),
  };
}

export async function applyClaim(ctx: ApplyContext, c: Candidate, d: ClaimDecision): Promise<{ entityId: string }> {
  checkDates(d);
  const claimant = await nodeFor(ctx, d.claimant, 'claimant', ['Person', 'Organization']);
  const via = d.via ? await nodeFor(ctx, d.via, 'relay (via)', ['Person', 'Organization']) : null;
  const about: NodeHandle[] = [];
  for (const ref of d.about) about.push(await nodeFor(ctx, ref, 'event the claim is about', ['Event']));
  const ev = evidenceAt(ctx, d.quoteSpan);
  const prov = await provenanceOf(ctx, [ev]);
  const id = await ctx.w.freeId(slugify(`claim-${claimant.id}-${d.statement}`, 70));
  const gist = d.statement.length > 72 ? `${d.statement.slice(0, 71).trimEnd()}…` : d.statement;
  const claim = await ctx.w.createNode(['Claim'], {
    id,
    statement: d.statement,
    stance: d.stance,
    status: d.status,
    ...dateProps(d),
    ...(via ? { via: via.id } : {}),
    dataset: ctx.dataset,
    ...prov,
    claimant: claimant.id,
    name: `${String(claimant.props.name ?? claimant.id)}: ${gist}`,
    ...stamp(ctx, c.extractor),
  });
  await ctx.w.createRel(claimant, 'MADE', claim, prov);
  await ctx.w.createRel(ctx.article, 'REPORTS', claim, prov);
  for (const e of new Map(about.map((n) => [n.id, n])).values()) await ctx.w.createRel(claim, 'ABOUT', e, prov);
  return { entityId: id };
}

export async function applyEvent(ctx: ApplyContext, c: Candidate, d: EventDecision): Promise<{ entityId: string }> {
  const place = d.place ? await nodeFor(ctx, d.place, 'place', ['Place']) : null;
  const weapons: NodeHandle[] = [];
  for (const ref of d.weapons) weapons.push(await nodeFor(ctx, ref, 'weapon', ['Weapon']));
  const ev = evidenceAt(ctx, d.quoteSpan);
  let event: NodeHandle;
  if (d.action === 'link') {
    const found = await nodeOrSurvivor(ctx, d.entityId);
    if (!found?.labels.includes('Event')) throw new ReviewBlocked(`no event "${d.entityId}" in the graph`);
    event = found;
  } else {
    checkDates(d);
    // The graph may have gained an event of that name since the edit (another article's accept):
    // checked in this transaction, so a refusal leaves nothing of the accept written.
    const same = c.kind === 'event' ? await graphEventNamed(ctx.w.tx, d.name) : null;
    if (same) throw graphEventRefusal(d.name, same, c.kind === 'event' && !c.forClaim);
    const id = await ctx.w.freeId(slugify(d.name));
    event = await ctx.w.createNode(['Entity', 'Event'], {
      id,
      name: d.name,
      aliases: [],
      description: d.description,
      kind: d.kind,
      ...dateProps(d),
      dataset: ctx.dataset,
      ...stamp(ctx, c.extractor),
    });
  }
  // No words of its own: where the article reports it is the claim's quote, recorded as the mention.
  if (c.kind === 'event' && c.forClaim) await mention(ctx, event, [{ start: ev.start, end: ev.end }]);
  if (place) await relate(ctx, event, 'OCCURRED_IN', place, ev, {}, c.extractor);
  for (const wpn of weapons) await relate(ctx, event, 'USED_WEAPON', wpn, ev, {}, c.extractor);
  return { entityId: event.id };
}

/**
 * Writes one accepted candidate by its kind; any other kind writes nothing. Its result names the
 * references it re-pointed from a merged-away entity to the survivor (`repointed`), if any.
 */
export async function applyCandidate(ctx: ApplyContext, c: Candidate, d: Decision): Promise<Record<string, unknown>> {
  ctx.repointed = [];
  const result = await applyKind(ctx, c, d);
  return ctx.repointed.length ? { ...result, repointed: ctx.repointed } : result;
}

async function applyKind(ctx: ApplyContext, c: Candidate, d: Decision): Promise<Record<string, unknown>> {
  switch (c.kind) {
    case 'entity':
      return applyEntity(ctx, c, d as never);
    case 'relationship':
      return applyRelationship(ctx, c, d as never);
    case 'claim':
      return applyClaim(ctx, c, d as never);
    case 'event':
      return applyEvent(ctx, c, d as never);
    default:
      return {};
  }
}
