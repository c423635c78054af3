import { describe, expect, it } from 'vitest';
import { extractProgress } from '../../../../../src/web/core/ingest/progress';

describe('the progress line of a running extraction', () => {
  it('says nothing more for the first seconds', () => {
    expect(extractProgress(200_000, 1500)).toBe('Extracting…');
  });

  it('counts the seconds against what a text of that size usually takes', () => {
    expect(extractProgress(200_000, 12_400)).toBe('Extracting… 12 s (a 200 KB text takes about 40 s)');
    expect(extractProgress(3_000, 3_000)).toBe('Extracting… 3 s (a 3 KB text takes about 3 s)');
  });

  it('past that, says why a first extraction takes longer', () => {
    expect(extractProgress(3_000, 9_000)).toMatch(/^Extracting… 9 s \(longer than .*starts the language server/);
  });
});
