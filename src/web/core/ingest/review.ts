/**
 * The review list's pure side: which candidates a reviewer sees and in what order, a one-line
 * summary of each, the graph entities an entity candidate may be merged into, and the article
 * text cut into segments so every candidate's words can be highlighted. No React, no fetch.
 */
import type { Candidate, LinkOption } from '../../../ingest/batch';
import type { AcceptOutcome, CandidateView } from '../../../shared/api/ingest';

/** The order of the list: things first, then what links them, then what was said and happened. */
const KIND_ORDER: Record<Candidate['kind'], number> = {
  entity: 0,
  relationship: 1,
  claim: 2,
  event: 3,
  date: 4,
  link: 5,
};

/**
 * The rows of the review list: every candidate but links (a link is decided on its entity's row,
 * by accepting the proposal or merging into one of its options), by kind, then by position.
 * Cost: O(n log n).
 */
export function reviewRows(candidates: readonly CandidateView[]): CandidateView[] {
  return candidates
    .filter((v) => v.candidate.kind !== 'link')
    .sort((a, b) => KIND_ORDER[a.candidate.kind] - KIND_ORDER[b.candidate.kind] || firstWord(a) - firstWord(b));
}

/** A one-line summary of a candidate for the list ("Person · Vyacheslav Gladkov"). */
export function candidateTitle(c: Candidate): string {
  switch (c.kind) {
    case 'entity':
      return `${c.type === 'UNKNOWN' ? 'Name' : capital(c.type.toLowerCase())} · ${c.text}`;
    case 'relationship':
      return `${c.from.text} —${c.type}→ ${c.to.text}`;
    case 'claim':
      return `Claim by ${c.claimant.text}${c.via ? ` (via ${c.via.text})` : ''}`;
    case 'event':
      // One a reviewer named for a claim has its name from the start.
      return `Event · ${c.eventKind.replace(/-/g, ' ')}${c.forClaim ? ` · ${c.trigger} (named in review)` : ''}`;
    case 'date':
      return `Date · ${c.text}`;
    case 'link':
      return `Link · ${c.entity}`;
  }
}

/**
 * The row's summary as it will be written: a reviewer's edit (or what an accept wrote) shows its
 * entity name and label ("Place · Saltivskyi district"), else the extracted words.
 */
export function viewTitle(v: CandidateView): string {
  const d = v.decision as { action?: string; label?: string; name?: string } | null;
  if (v.proposed || v.candidate.kind !== 'entity' || d?.action !== 'create' || !d.name || !d.label)
    return candidateTitle(v.candidate);
  return `${d.label} · ${d.name}`;
}

/** Graph entities an entity candidate may be merged into: its link candidate's ranked options. */
export function mergeOptions(candidates: readonly CandidateView[], entity: string): LinkOption[] {
  for (const v of candidates) {
    const c = v.candidate;
    if (c.kind === 'link' && c.entity === entity) return c.options;
  }
  return [];
}

export interface Segment {
  text: string;
  start: number;
  /** Candidates whose spans cover this segment (empty: plain text). */
  ids: string[];
}

/**
 * The text cut at every span boundary, each piece with the candidates covering it, so a view can
 * mark candidate words (and several candidates on the same words). Spans out of range are
 * clipped. Cost: O((t + s) log s) for s spans.
 */
export function textSegments(text: string, spans: readonly { id: string; start: number; end: number }[]): Segment[] {
  const valid = spans
    .map((s) => ({ id: s.id, start: Math.max(0, s.start), end: Math.min(text.length, s.end) }))
    .filter((s) => s.end > s.start);
  const cuts = new Set<number>([0, text.length]);
  for (const s of valid) cuts.add(s.start).add(s.end);
  const points = [...cuts].sort((a, b) => a - b);
  const out: Segment[] = [];
  for (let i = 0; i + 1 < points.length; i++) {
    const start = points[i]!;
    const end = points[i + 1]!;
    const ids = valid.filter((s) => s.start <= start && s.end >= end).map((s) => s.id);
    const last = out[out.length - 1];
    if (last && last.ids.length === 0 && ids.length === 0) last.text += text.slice(start, end);
    else out.push({ text: text.slice(start, end), start, ids });
  }
  return out;
}

/** The spans a text view highlights: each listed candidate's own words. */
export function candidateSpans(rows: readonly CandidateView[]): { id: string; start: number; end: number }[] {
  return rows.flatMap((v) => v.candidate.spans.map((s) => ({ id: v.candidate.id, start: s.start, end: s.end })));
}

/** Where a candidate's own words start (its quote may begin earlier, at the sentence). */
function firstWord(v: CandidateView): number {
  return Math.min(...v.candidate.spans.map((s) => s.start));
}

function capital(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}

export interface RefOption {
  /** What a decision refers to: a graph id, or `cand:<id>` for a candidate of this batch. */
  value: string;
  label: string;
}

/**
 * References an edit form may offer for a participant, claimant or event: the batch's entity and
 * event candidates (their graph id once accepted, else `cand:<id>`) and the graph entities their
 * links suggest. Cost: linear in the candidates.
 */
export function refOptions(candidates: readonly CandidateView[]): RefOption[] {
  const out = new Map<string, string>();
  for (const v of candidates) {
    const c = v.candidate;
    const id = typeof v.result?.entityId === 'string' ? v.result.entityId : null;
    if (c.kind === 'entity') out.set(id ?? `cand:${c.id}`, `${c.text} (${id ? 'in the graph' : c.id})`);
    else if (c.kind === 'event') out.set(id ?? `cand:${c.id}`, `${candidateTitle(c)} (${id ? 'in the graph' : c.id})`);
    else if (c.kind === 'link') for (const o of c.options) if (!out.has(o.entityId)) out.set(o.entityId, o.name);
  }
  return [...out].map(([value, label]) => ({ value, label }));
}

/** The quote span the decision in force carries (an edit may have trimmed it), if it has one. */
export function quoteSpanOf(v: CandidateView): { start: number; end: number } | null {
  const d = v.decision as { quoteSpan?: { start: number; end: number } } | null;
  return d?.quoteSpan ?? null;
}

/**
 * What an accept linked instead of what the item named (an entity merged into another since it
 * was staged), in the reviewer's words; null when it linked what it named.
 */
export function repointedNote(result: CandidateView['result']): string | null {
  const list = result?.repointed ?? [];
  if (!list.length) return null;
  return list
    .map((r) => `"${r.from}" had been merged into ${r.name ?? r.to} by ${r.mergedBy}: linked to ${r.name ?? r.to}`)
    .join('; ');
}

/** What a bulk accept left for the reviewer, after its counts ("" when nothing). */
export function leftWords(o: Pick<AcceptOutcome, 'left'>): string {
  if (!o.left?.length) return '';
  return ` Left for review: ${o.left.map((l) => `${l.candidate} (${l.message})`).join('; ')}`;
}
