import type { Evidence } from '../../../shared/api';

/** One quote as the Evidence section shows it: every relationship it supports, every article it is from. */
export interface QuoteGroup {
  quote: string;
  /** The relationships the quote supports (none when it is the node's own, a claim's). */
  relationships: NonNullable<Evidence['relationship']>[];
  /** Where it was read: one per article and place in it. */
  sources: Pick<Evidence, 'article' | 'start' | 'end'>[];
}

/**
 * Evidence grouped by quote, in first-seen order. A claim's quote is written on each of its links
 * (made, reported, about, contradicts), so the same words from the same article came back once per
 * link; the same words from several articles are one quote with its articles listed.
 */
export function groupByQuote(evidence: readonly Evidence[]): QuoteGroup[] {
  const groups = new Map<string, QuoteGroup>();
  for (const e of evidence) {
    const text = e.quote.trim();
    let g = groups.get(text);
    if (!g) groups.set(text, (g = { quote: e.quote, relationships: [], sources: [] }));
    const r = e.relationship;
    if (r && !g.relationships.some((x) => x.id === r.id)) g.relationships.push(r);
    if (!g.sources.some((s) => s.article.key === e.article.key && s.start === e.start && s.end === e.end))
      g.sources.push({ article: e.article, start: e.start, end: e.end });
  }
  return [...groups.values()];
}
