import * as chrono from 'chrono-node';

/**
 * A dateline: a line near the top of a plain text that holds only a date ("March 14, 2024",
 * "Thursday, 14 March 2024", "2024-03-14", "Published: March 14, 2024", a time after it), the
 * way wire copy and copied web pages carry their publication date. Without it relative days
 * ("on Thursday") stay unresolved and the strike they date is no event lead.
 */
const PREFIX = /^(?:published|posted|dated?)(?: on)?:? /i;
/** What may be left of a dateline line beside its date: separators, and a zone chrono did not take. */
const REST = /^(?:[\s,.;:|–—-]|gmt|utc|[a-z]{2,4}t)*$/i;

/** The ISO day a dateline line gives, or undefined when the line is more (or other) than a date. */
export function datelineDay(line: string): string | undefined {
  const l = line.trim().replace(/\s+/g, ' ').replace(PREFIX, '');
  if (!l || l.length > 80) return undefined;
  // Strict: only formal dates (a named or numbered day, month and year), never "on Thursday".
  const found = chrono.en.strict.parse(l);
  const dated = found.filter(
    (r) => r.start.isCertain('day') && r.start.isCertain('month') && r.start.isCertain('year'),
  );
  // One date; anything else chrono found is a time beside it ("14 March 2024 | 10:32").
  if (dated.length !== 1 || found.some((r) => r !== dated[0] && r.start.isCertain('day'))) return undefined;
  let rest = l;
  for (const r of [...found].reverse()) rest = rest.slice(0, r.index) + rest.slice(r.index + r.text.length);
  if (!REST.test(rest)) return undefined;
  const s = dated[0]!.start;
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${s.get('year')}-${pad(s.get('month')!)}-${pad(s.get('day')!)}`;
}

/**
 * The date of a dateline among the first `lines` non-empty lines of a text, before its first
 * sentence (a line ending in . ! or ?): a date after the story has begun is no dateline.
 */
export function datelineOf(text: string, lines: number): string | undefined {
  let seen = 0;
  for (const raw of text.split('\n')) {
    if (!raw.trim()) continue;
    if (++seen > lines) return undefined;
    const day = datelineDay(raw);
    if (day) return day;
    if (/[.!?]["”’)]?$/.test(raw.trim())) return undefined;
  }
  return undefined;
}
