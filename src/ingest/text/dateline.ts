import { DAYS } from '../extract/lexicon';

/**
 * A dateline: a line near the top of a plain text that holds only a date ("March 14, 2024",
 * "Thursday, 14 March 2024", "2024-03-14", "Published: March 14, 2024", a time after it), the
 * way wire copy and copied web pages carry their publication date. Without it relative days
 * ("on Thursday") stay unresolved and the strike they date is no event lead.
 */
const MONTHS = 'january february march april may june july august september october november december'.split(' ');
/** Full names and their short forms ("Mar", "Sept") to the month's number. */
const MONTH_NUMBER = new Map<string, number>([
  ...MONTHS.map((m, i) => [m, i + 1] as const),
  ...MONTHS.map((m, i) => [m.slice(0, 3), i + 1] as const),
  ['sept', 9],
]);
const WEEKDAY = `(?:(?:${[...DAYS].join('|')}),? )?`;
const PREFIX = '(?:(?:published|posted|dated?)(?: on)?:? )?';
const TIME = '(?:,? (?:at )?\\d{1,2}[:.]\\d{2}(?: ?[ap]\\.?m\\.?)?(?: [a-z]{2,5}| utc[+-]\\d{1,2})?)?';
const MONTH = `(${[...MONTH_NUMBER.keys()].join('|')})\\.?`;
const MONTH_FIRST = new RegExp(`^${PREFIX}${WEEKDAY}${MONTH} (\\d{1,2}),? (\\d{4})${TIME}$`, 'i');
const DAY_FIRST = new RegExp(`^${PREFIX}${WEEKDAY}(\\d{1,2}) ${MONTH},? (\\d{4})${TIME}$`, 'i');
const ISO = new RegExp(`^${PREFIX}(\\d{4})-(\\d{2})-(\\d{2})${TIME}$`, 'i');

/** The ISO day a dateline line gives, or undefined when the line is more (or other) than a date. */
export function datelineDay(line: string): string | undefined {
  const l = line.trim().replace(/\s+/g, ' ');
  let y: number, m: number, d: number;
  let g = MONTH_FIRST.exec(l);
  if (g) [y, m, d] = [Number(g[3]), MONTH_NUMBER.get(g[1]!.toLowerCase())!, Number(g[2])];
  else if ((g = DAY_FIRST.exec(l))) [y, m, d] = [Number(g[3]), MONTH_NUMBER.get(g[2]!.toLowerCase())!, Number(g[1])];
  else if ((g = ISO.exec(l))) [y, m, d] = [Number(g[1]), Number(g[2]), Number(g[3])];
  else return undefined;
  const date = new Date(Date.UTC(y, m - 1, d));
  // A day that does not exist ("February 30") is no date.
  if (date.getUTCMonth() !== m - 1 || date.getUTCDate() !== d) return undefined;
  return date.toISOString().slice(0, 10);
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
