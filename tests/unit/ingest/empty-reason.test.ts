/** Why a review is empty: a text in another script is named as such (only English is extracted). */
import { describe, expect, it } from 'vitest';
import { emptyReason, mainForeignScript } from '../../../src/web/ui/ingest/empty-reason';

describe('emptyReason', () => {
  it('names the script of a non-English text and says only English is extracted', () => {
    const ru = 'Губернатор Белгородской области Вячеслав Гладков заявил, что беспилотник атаковал Шебекино (BBC).';
    expect(mainForeignScript(ru)).toMatch(/^Cyrillic/);
    expect(emptyReason(ru)).toMatch(/mostly in Cyrillic .*only English text is extracted/);
    expect(emptyReason(ru, 2)).toMatch(/mostly in Cyrillic .*matched names already in the graph/);
    expect(mainForeignScript('北京市政府周一表示')).toBe('Chinese, Japanese or Korean');
  });

  it('says nothing was found in an English text, even one quoting another script', () => {
    const en = 'The governor, Вячеслав Гладков, said the weather was fine and the roads were open all week.';
    expect(mainForeignScript(en)).toBeNull();
    expect(emptyReason(en, 3)).toBeNull();
    expect(emptyReason(en)).toMatch(/no people, organisations, places, weapons, events, dates or claims were found/);
  });
});
