/**
 * Names for the audit trail, recorded with a review entry when it is written: the decision's name
 * (or statement or type) and the article's title, so the trail reads "Maria Kovalenko (Drone attack
 * on a school)" rather than "b-e6cea430bf05/e11" even after the batch is gone.
 */
import type { Batch, Candidate } from '../batch';

const MAX = 80;

export function auditNames(batch: Batch, decision: unknown): { name?: string; title?: string } {
  const d = (typeof decision === 'object' && decision !== null ? decision : {}) as Record<string, unknown>;
  const raw = [d.name, d.statement, d.type].find((v): v is string => typeof v === 'string' && v.trim() !== '');
  const name = raw && raw.length > MAX ? `${raw.slice(0, MAX - 1).trimEnd()}…` : raw;
  const title = batch.article.title?.trim() || undefined;
  return { ...(name ? { name } : {}), ...(title ? { title } : {}) };
}

/** The candidate's quote and where it is in the article. */
export const quoteOf = (c: Candidate) => ({ quote: c.quote, start: c.quoteSpan.start, end: c.quoteSpan.end });
