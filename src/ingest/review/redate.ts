/**
 * Dates resolved again when the reviewer gives or changes the article's publication date: relative
 * expressions ("yesterday", "on Tuesday") depend on it, and without one they were not resolved at
 * all. Same chrono pass as extraction (extract/dates.ts). A date candidate keeps its id (so a
 * reviewer's decision on it stays with it), one found only now is added, and a claim without a
 * date takes the first date of its sentence, as extraction does. Event leads are not re-derived.
 */
import type { Batch, Candidate, DateCandidate, Span } from '../batch';
import { dateCandidate, findDates } from '../extract/dates';
import { splitSentences } from '../extract/sentences';

const key = (s: Span) => `${s.start}:${s.end}`;
/** What resolving against another day may change. */
const resolution = (c: DateCandidate) => JSON.stringify([c.date, c.dateFrom, c.dateTo, c.granularity, c.dateBasis]);

/**
 * The batch with its dates resolved against `batch.article.published`, and the ids of the date
 * candidates resolved to another day or added (none without a publication date). Cost: one chrono pass.
 */
export function redated(batch: Batch, text: string): { batch: Batch; changed: string[] } {
  const published = batch.article.published;
  if (!published) return { batch, changed: [] };
  const found = findDates(text, published);
  const old = new Map(
    batch.candidates.filter((c): c is DateCandidate => c.kind === 'date').map((c) => [key(c.spans[0]!), c]),
  );
  const used = new Set(batch.candidates.map((c) => c.id));
  let next = 1;
  const freshId = () => {
    while (used.has(`d${next}`)) next++;
    used.add(`d${next}`);
    return `d${next}`;
  };
  const changed: string[] = [];
  const replaced = new Map<string, DateCandidate>();
  const added: DateCandidate[] = [];
  const idAt = new Map<string, string>();
  for (const d of found) {
    const before = old.get(key(d));
    const now = dateCandidate(before?.id ?? freshId(), text, d, []);
    idAt.set(key(d), now.id);
    // An absolute date only loses the note that the article had no publication date.
    if (before && resolution(before) === resolution(now)) replaced.set(before.id, { ...before, notes: now.notes });
    else {
      if (before) replaced.set(before.id, now);
      else added.push(now);
      changed.push(now.id);
    }
  }
  const sentences = splitSentences(text);
  const dates = found.map((d) => ({ span: d as Span, id: idAt.get(key(d))! }));
  const dateIn = (at: number) => {
    const s = sentences.find((x) => x.start <= at && at < x.end);
    return s && dates.find((d) => d.span.start >= s.start && d.span.end <= s.end)?.id;
  };
  const candidates: Candidate[] = batch.candidates.map((c) => {
    if (c.kind === 'date') return replaced.get(c.id) ?? c;
    if (c.kind !== 'claim' || c.date) return c;
    const at = c.cue.startsWith('continues') ? c.statementSpan.start : c.spans[1]!.start;
    const date = dateIn(at);
    return date ? { ...c, date } : c;
  });
  // New dates go after the others, where extraction puts dates (before claims, relationships, events).
  let at = candidates.map((c) => c.kind).lastIndexOf('date') + 1;
  if (at === 0) at = candidates.findIndex((c) => ['claim', 'relationship', 'event'].includes(c.kind));
  if (at < 0) at = candidates.length;
  candidates.splice(at, 0, ...added);
  return { batch: { ...batch, candidates }, changed };
}
