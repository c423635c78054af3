/**
 * What the Add-article dialog says while an extraction runs: one request with no stages to report,
 * so the time so far against what a text of that size usually takes (CoreNLP reads about 5 KB a
 * second: a 200 KB paste takes ~40 s), and why a first extraction takes longer.
 */
const CHARS_PER_SECOND = 5000;
/** Below this an extraction is over before a wait is worth explaining. */
const QUIET_SECONDS = 3;

export function extractProgress(chars: number, elapsedMs: number): string {
  const s = Math.floor(elapsedMs / 1000);
  if (s < QUIET_SECONDS) return 'Extracting…';
  const expected = Math.max(QUIET_SECONDS, Math.round(chars / CHARS_PER_SECOND / 5) * 5);
  const kb = Math.max(1, Math.round(chars / 1000));
  if (s <= expected) return `Extracting… ${s} s (a ${kb} KB text takes about ${expected} s)`;
  return `Extracting… ${s} s (longer than a ${kb} KB text usually takes: the first extraction also starts the language server, about 20 s)`;
}
