/**
 * Why an extraction found nothing (or little), for the API and the review alike. The extractor
 * reads English only, so a text mostly in another script (Cyrillic, Arabic, CJK…) gets no
 * candidates by design: say so, naming the script, rather than answer with an empty list. Cheap:
 * one pass over the letters, no language model.
 */
const SCRIPTS: [RegExp, string][] = [
  [/\p{Script=Cyrillic}/u, 'Cyrillic (Russian, Ukrainian…)'],
  [/\p{Script=Arabic}/u, 'Arabic'],
  [/\p{Script=Hebrew}/u, 'Hebrew'],
  [/\p{Script=Greek}/u, 'Greek'],
  [/[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}]/u, 'Chinese, Japanese or Korean'],
  [/\p{Script=Georgian}/u, 'Georgian'],
  [/\p{Script=Armenian}/u, 'Armenian'],
  [/\p{Script=Devanagari}/u, 'Devanagari'],
];

/** The main non-Latin script of a text when most of its letters are in it, else null. */
export function mainForeignScript(text: string): string | null {
  const counts = new Map<string, number>();
  let letters = 0;
  for (const ch of text) {
    if (!/\p{L}/u.test(ch)) continue;
    letters++;
    const s = SCRIPTS.find(([re]) => re.test(ch));
    if (s) counts.set(s[1], (counts.get(s[1]) ?? 0) + 1);
  }
  const [best] = [...counts].sort((a, b) => b[1] - a[1]);
  return best && best[1] * 2 > letters ? best[0] : null;
}

/**
 * What to tell the reviewer about a text mostly in another `script` (whatever was found: names
 * already in the graph may still match), or one that gave no candidates; null when there is
 * nothing to say.
 */
export function extractionNotice(script: string | null, candidates: number): string | null {
  if (script)
    return `${candidates ? 'Little can be extracted' : 'Nothing was extracted'}: this text is mostly in ${script} script, and only English text is extracted${candidates ? ' (what is listed matched names already in the graph)' : ''}. Discard it, or add an English version of the article.`;
  if (candidates) return null;
  return 'Nothing was extracted: no people, organisations, places, weapons, events, dates or claims were found in this text. Discard it if it is not an article.';
}
