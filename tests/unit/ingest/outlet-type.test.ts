/**
 * The outlet a byline names is an organisation even when the name finder calls it a person
 * (CoreNLP tags a two-word outlet after a byline name, "Northbridge Wire", as PERSON): the
 * candidate is proposed as the article's outlet, and "same as" searches organisations for it.
 */
import { describe, expect, it } from 'vitest';
import { extractArticle } from '../../../src/ingest/article';
import type { EntityCandidate } from '../../../src/ingest/batch';
import { fedFinder } from './fed-finder';

const raw = (byline: string) => `Ferry service resumes at Marlow Quay

${byline}

The ferry to Marlow Quay ran again on Monday, Northbridge Wire reported. Anna Berg said crews worked overnight.`;

async function entities(byline: string, meta?: { outlet?: string }) {
  const extractor = fedFinder({ 'Anna Berg': 'PERSON', 'Northbridge Wire': 'PERSON', 'Marlow Quay': 'PLACE' });
  const b = await extractArticle({ raw: raw(byline), format: 'txt', source: 'test', meta }, { extractor });
  return Object.fromEntries(
    b.candidates.filter((c): c is EntityCandidate => c.kind === 'entity').map((c) => [c.text, c]),
  );
}

describe("the outlet's type", () => {
  it('is ORGANIZATION when the byline names it, with a note saying why; the author stays a person', async () => {
    const e = await entities('By Anna Berg, Northbridge Wire');
    expect(e['Northbridge Wire']?.type).toBe('ORGANIZATION');
    expect(e['Northbridge Wire']?.notes).toContain("typed ORGANIZATION: the article's outlet (was PERSON)");
    expect(e['Anna Berg']?.type).toBe('PERSON');
  });

  it('is ORGANIZATION when the outlet is given with the article ("The" aside), and left alone otherwise', async () => {
    expect((await entities('By Anna Berg', { outlet: 'The Northbridge Wire' }))['Northbridge Wire']?.type).toBe(
      'ORGANIZATION',
    );
    expect((await entities('By Anna Berg'))['Northbridge Wire']?.type).toBe('PERSON');
  });

  it('a one-word name after the byline names is the outlet unless the finder calls it a place', async () => {
    const text = (line: string) => `Ferry service resumes\n\n${line}\n\nThe ferry ran again on Monday, Anna Berg said.`;
    const outletOf = async (line: string, types: Record<string, 'PERSON' | 'PLACE' | 'ORGANIZATION'>) =>
      (
        await extractArticle(
          { raw: text(line), format: 'txt', source: 'test' },
          { extractor: fedFinder({ 'Anna Berg': 'PERSON', ...types }) },
        )
      ).article.outlet;
    expect(await outletOf('By Anna Berg, Kyivpost', { Kyivpost: 'PERSON' })).toBe('Kyivpost');
    expect(await outletOf('By Anna Berg, Meridian', {})).toBe('Meridian');
    expect(await outletOf('By Anna Berg, Marlow', { Marlow: 'PLACE' })).toBeUndefined();
    expect(await outletOf('By Anna Berg, Staff Writer', {})).toBeUndefined();
  });
});
