/** Why a review is empty: a text in another script is named as such (only English is extracted). */
import { describe, expect, it } from 'vitest';
import { extractArticle } from '../../../src/ingest/article';
import { summaryOf } from '../../../src/ingest/review/view';
import { fedFinder } from './fed-finder';
import type { StagedBatch } from '../../../src/ingest/staging/store';
import { extractionNotice, mainForeignScript } from '../../../src/shared/ingest-notice';

const RU = 'Губернатор Белгородской области Вячеслав Гладков заявил, что беспилотник атаковал Шебекино (BBC).';

describe('extractionNotice', () => {
  it('names the script of a non-English text and says only English is extracted', () => {
    expect(mainForeignScript(RU)).toMatch(/^Cyrillic/);
    expect(extractionNotice(mainForeignScript(RU), 0)).toMatch(/mostly in Cyrillic .*only English text is extracted/);
    expect(extractionNotice(mainForeignScript(RU), 2)).toMatch(
      /mostly in Cyrillic .*matched names already in the graph/,
    );
    expect(mainForeignScript('北京市政府周一表示')).toBe('Chinese, Japanese or Korean');
  });

  it('says nothing was found in an English text, even one quoting another script', () => {
    const en = 'The governor, Вячеслав Гладков, said the weather was fine and the roads were open all week.';
    expect(mainForeignScript(en)).toBeNull();
    expect(extractionNotice(null, 3)).toBeNull();
    expect(extractionNotice(null, 0)).toMatch(
      /no people, organisations, places, weapons, events, dates or claims were found/,
    );
  });
});

describe('a staged text in another script', () => {
  it("records the script, and the batch's summary (what staging answers) says why it is empty", async () => {
    // CoreNLP's English models find no name in it.
    const raw = `Удар по Шебекино\n\n${RU}\n`;
    const batch = await extractArticle({ raw, format: 'txt', source: 'ru.txt' }, { extractor: fedFinder({}) });
    expect(batch.candidates).toEqual([]);
    expect(batch.article.script).toMatch(/^Cyrillic/);
    const staged = { id: 'b-000000000000', source: 'ru.txt', createdAt: '', createdBy: 'x', articleId: null, batch };
    const summary = summaryOf(staged as unknown as StagedBatch, new Map());
    expect(summary.notice).toMatch(/^Nothing was extracted: this text is mostly in Cyrillic .*only English text/);
    const english = await extractArticle(
      { raw: 'Orest Lyvarenko said the market reopened.', format: 'txt', source: 'en.txt' },
      { extractor: 'js' },
    );
    expect(english.article.script).toBeUndefined();
    expect(summaryOf({ ...staged, batch: english } as unknown as StagedBatch, new Map()).notice).toBeNull();
  });
});
