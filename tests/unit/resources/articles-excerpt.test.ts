import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { articlePath, excerptWindow, findMentions } from '../../../src/server/resources/articles/excerpt';

const ref = (id: string) => ({ id, key: id, caption: id, labels: ['Entity'] });

describe('excerptWindow', () => {
  const long = `${'Intro words here. '.repeat(30)}\nThe governor said a missile hit the city centre on Friday.\n${'Closing words here. '.repeat(30)}`;
  const qs = long.indexOf('a missile');
  const qe = qs + 'a missile hit'.length;

  it('never cuts into the quote and stays within the limit', () => {
    const w = excerptWindow(long, qs, qe, 200);
    expect(w.start).toBeLessThanOrEqual(qs);
    expect(w.end).toBeGreaterThanOrEqual(qe);
    expect(w.end - w.start).toBeLessThanOrEqual(200);
  });

  it('shows the neighbouring paragraphs of a short one when they fit', () => {
    const text = 'First paragraph.\n\nThe quote is here.\n\nLast paragraph.';
    const s = text.indexOf('quote');
    const w = excerptWindow(text, s, s + 5);
    expect(text.slice(w.start, w.end)).toBe(text);
  });

  it('clips at word boundaries and trims whitespace', () => {
    const w = excerptWindow(long, qs, qe, 120);
    const cut = long.slice(w.start, w.end);
    expect(cut).toBe(cut.trim());
    if (w.start > 0) expect(long[w.start - 1]).toMatch(/\s/);
  });
});

describe('findMentions', () => {
  it('finds whole words only, longest match first, without overlaps', () => {
    const text = 'Belgorod Oblast and Belgorod; not Belgorodskaya.';
    const hits = findMentions(text, [
      { ref: ref('city'), forms: ['Belgorod'] },
      { ref: ref('region'), forms: ['Belgorod Oblast'] },
    ]);
    expect(hits.map((h) => [text.slice(h.start, h.end), h.entity.id])).toEqual([
      ['Belgorod Oblast', 'region'],
      ['Belgorod', 'city'],
    ]);
  });

  it('ignores one-letter forms', () => {
    expect(findMentions('a b c', [{ ref: ref('x'), forms: ['a', ' '] }])).toEqual([]);
  });
});

describe('articlePath', () => {
  it('resolves a plain file name inside the folder', () => {
    expect(articlePath('/data/articles', 'tass_2023.txt')).toBe(join(resolve('/data/articles'), 'tass_2023.txt'));
  });

  it.each(['../secret.txt', '/etc/passwd', 'sub/dir.txt', '.hidden', 'a..b.txt'])('refuses %s', (file) => {
    expect(articlePath('/data/articles', file)).toBeNull();
  });
});
