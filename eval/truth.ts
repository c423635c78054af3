import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { SeedData } from '../src/dataset/read';
import { findWord } from '../seed/tools/lib';
import type { GazetteerEntry } from '../src/ingest/extract/types';
import type { Span } from '../src/ingest/batch';

/** What the curated seed data says about one article, in the shapes the scorer compares against. */
export interface ArticleTruth {
  id: string;
  file: string;
  text: string;
  published: string;
  title: string;
  /** Curated entity → its occurrences (every alias, word-bounded, case-sensitive, as mentions.ts counts). */
  entities: { id: string; label: 'Person' | 'Organization' | 'Place'; occurrences: Span[] }[];
  claims: { id: string; claimant: string; evidence: Span }[];
  /** Title/office relationships (the types the relationship rules propose) with evidence in this article. */
  relationships: { type: string; from: string; to: string }[];
  /** Date expressions quoted in date_basis that occur in the text, with the curated value. */
  dates: { expression: string; occurrences: Span[]; from: string; to: string }[];
}

const DATE_WORD =
  /\b(monday|tuesday|wednesday|thursday|friday|saturday|sunday|january|february|march|april|may|june|july|august|september|october|november|december|today|tonight|yesterday|last month|next month|this year)\b/i;

/** The relationship types the rules in src/ingest/extract/relations.ts propose. */
export const RELATION_TYPES = new Set(['GOVERNOR_OF', 'SPOKESPERSON_FOR', 'LEADS', 'HOLDS_OFFICE', 'ADVISOR_TO']);

export function aliasesOf(e: { data: { name: string; aliases: string[] } }): string[] {
  return [...new Set([e.data.name, ...e.data.aliases])];
}

function occurrences(text: string, forms: string[]): Span[] {
  return forms.flatMap((f) => findWord(text, f).map((start) => ({ start, end: start + f.length })));
}

/** The curated truth of every article whose text is in `articlesDir`. Cost: a few ms per article. */
export function loadTruth(seed: SeedData, articlesDir: string): ArticleTruth[] {
  const byId = new Map(seed.entities.map((e) => [e.data.id, e]));
  const events = new Map<string, Record<string, unknown>>();
  for (const e of seed.entities) if (e.label === 'Event') events.set(e.data.id, e.data);
  return seed.articles.map((a) => {
    const text = readFileSync(join(articlesDir, a.file), 'utf8');
    const entities: ArticleTruth['entities'] = [];
    for (const m of seed.mentions.filter((m) => m.article === a.id)) {
      const e = byId.get(m.entity);
      if (!e || !['Person', 'Organization', 'Place'].includes(e.label)) continue;
      entities.push({
        id: e.data.id,
        label: e.label as 'Person' | 'Organization' | 'Place',
        occurrences: occurrences(text, aliasesOf(e)),
      });
    }
    const claims = seed.claims
      .filter((c) => c.evidence.article === a.id)
      .map((c) => ({ id: c.id, claimant: c.claimant, evidence: { start: c.evidence.start, end: c.evidence.end } }));
    const dated: { basis: string; from: string; to: string }[] = [];
    for (const c of seed.claims.filter((c) => c.evidence.article === a.id)) {
      const r = c as unknown as Record<string, string | undefined>;
      if (r.date_basis)
        dated.push({ basis: r.date_basis, from: r.date ?? r.date_from ?? '', to: r.date ?? r.date_to ?? '' });
    }
    // Events: dated by the articles that report them (claims about them, or relationship evidence).
    const eventIds = new Set<string>();
    for (const c of seed.claims) if (c.evidence.article === a.id) c.about.forEach((id) => eventIds.add(id));
    for (const r of seed.relationships) {
      if (r.evidence.some((ev) => ev.article === a.id))
        [r.from, r.to].forEach((id) => events.has(id) && eventIds.add(id));
    }
    for (const id of eventIds) {
      const e = events.get(id)!;
      const basis = typeof e.date_basis === 'string' ? e.date_basis : '';
      const from = String(e.date ?? e.date_from ?? '');
      const to = String(e.date ?? e.date_to ?? '');
      if (basis) dated.push({ basis, from, to });
    }
    const dates = new Map<string, ArticleTruth['dates'][number]>();
    for (const d of dated) {
      if (!d.from || !d.to) continue;
      for (const q of d.basis.matchAll(/'([^']{3,60})'/g)) {
        const expression = q[1]!;
        if (!DATE_WORD.test(expression)) continue;
        const occ = occurrences(text, [expression]);
        if (!occ.length) continue;
        const key = `${expression}|${d.from}|${d.to}`;
        if (!dates.has(key))
          dates.set(key, { expression, occurrences: occ, from: d.from.slice(0, 10), to: d.to.slice(0, 10) });
      }
    }
    const relationships = seed.relationships
      .filter((r) => RELATION_TYPES.has(r.type) && r.evidence.some((ev) => ev.article === a.id))
      .map((r) => ({ type: r.type, from: r.from, to: r.to }));
    return {
      id: a.id,
      relationships,
      file: a.file,
      text,
      published: String(a.published).slice(0, 10),
      title: a.title,
      entities,
      claims,
      dates: [...dates.values()],
    };
  });
}

/**
 * The graph as it stood before `article` was ingested: entities the other articles mention or
 * quote as claimants, with only the aliases those other articles' texts use (plus the canonical
 * name). This is what a real ingest sees; the full gazetteer would hand the answers over.
 */
export function leaveOneOutGazetteer(
  seed: SeedData,
  truth: ArticleTruth[],
  article: string,
  full: GazetteerEntry[],
): GazetteerEntry[] {
  const others = truth.filter((t) => t.id !== article);
  const known = new Set<string>();
  for (const m of seed.mentions) if (m.article !== article) known.add(m.entity);
  for (const c of seed.claims) if (c.evidence.article !== article) known.add(c.claimant);
  return full
    .filter((e) => known.has(e.id))
    .map((e) => ({ ...e, aliases: e.aliases.filter((a) => others.some((t) => findWord(t.text, a).length > 0)) }));
}
