import type { Span } from '../batch';
import type { Mention } from './attribution';
import type { FoundDate } from './dates';
import { EVENT_TRIGGERS } from './lexicon';

export const EVENTS_VERSION = '1.0.0';

export interface EventDraft {
  trigger: string;
  triggerSpan: Span;
  kind: string;
  sentence: Span;
  date?: FoundDate;
  place?: Mention;
  participants: Mention[];
}

/**
 * Event candidates: a trigger word ("strike", "blast", "evacuated", "met"…) with a date and a
 * place in the same sentence; the first trigger of a sentence wins. Always for review: these are
 * leads, not events. Cost: one regex per sentence.
 */
export function findEvents(text: string, sentences: Span[], mentions: Mention[], dates: FoundDate[]): EventDraft[] {
  const out: EventDraft[] = [];
  const triggers = new RegExp(
    `\\b(${Object.keys(EVENT_TRIGGERS)
      .sort((a, b) => b.length - a.length)
      .join('|')})\\b`,
    'i',
  );
  for (const s of sentences) {
    const st = text.slice(s.start, s.end);
    const m = triggers.exec(st);
    if (!m) continue;
    // "struck repeatedly since … February 2022": a date opening a period is not when the event was.
    const date = dates.find(
      (d) => d.start >= s.start && d.end <= s.end && !/\bsince\b[^,;]*$/i.test(text.slice(s.start, d.start)),
    );
    const inS = mentions.filter((x) => x.start >= s.start && x.end <= s.end);
    const place = inS.find((x) => x.type === 'PLACE');
    if (!date || !place) continue;
    out.push({
      trigger: m[1]!,
      triggerSpan: { start: s.start + m.index, end: s.start + m.index + m[1]!.length },
      kind: EVENT_TRIGGERS[m[1]!.toLowerCase()] ?? 'event',
      sentence: s,
      date,
      place,
      participants: inS.filter((x) => x.type === 'WEAPON' || x.type === 'ORGANIZATION'),
    });
  }
  return out;
}
