/** A job title written before a name ("Harbour master Elin Dahl") is no name of its own, nor part of one. */
import { describe, expect, it } from 'vitest';
import { extractArticle } from '../../../src/ingest/article';
import type { ClaimCandidate, EntityCandidate } from '../../../src/ingest/batch';
import type { NameFinder } from '../../../src/ingest/extract/types';
import { fedFinder } from './fed-finder';

const ARTICLE = `Blaze shuts ferry port

Harbour master Elin Dahl said the port would stay shut until Friday. Fire chief Tom Weir said the blaze began in a warehouse. Police spokesman Ali Kaya said two workers were treated for smoke. Coastguard commander Piet Mol told reporters that no boats were lost.
`;

async function read(raw: string, extractor: 'js' | NameFinder) {
  const b = await extractArticle(
    { raw, format: 'txt', source: 'test', meta: { published: '2025-06-12' } },
    { extractor },
  );
  const entities = b.candidates.filter((c): c is EntityCandidate => c.kind === 'entity');
  const name = (id?: string) => entities.find((e) => e.id === id)?.text;
  const claimants = b.candidates
    .filter((c): c is ClaimCandidate => c.kind === 'claim')
    .map((c) => name(c.claimant.candidate) ?? c.claimant.text);
  return { names: entities.map((e) => e.text), entities, claimants };
}

const SPEAKERS = ['Elin Dahl', 'Tom Weir', 'Ali Kaya', 'Piet Mol'];

describe('a job title before a name', () => {
  it('is dropped: the person is the name after it (pure-JS finder)', async () => {
    const r = await read(ARTICLE, 'js');
    for (const title of ['Harbour', 'Fire', 'Coastguard']) expect(r.names).not.toContain(title);
    expect(r.names).toEqual(expect.arrayContaining(SPEAKERS));
    expect(r.claimants).toEqual(SPEAKERS);
  });

  it('before "spokesman" is the body spoken for, never the person ("Police spokesman Ali Kaya")', async () => {
    const r = await read(ARTICLE, 'js');
    expect(r.entities.find((e) => e.text === 'Police')?.type).not.toBe('PERSON');
    const kaya = r.entities.find((e) => e.text === 'Ali Kaya')!;
    expect(kaya.type).toBe('PERSON');
  });

  it('is dropped when CoreNLP types its first word PERSON ("Harbour" of "Harbour master Elin Dahl")', async () => {
    // What CoreNLP 4.5.10 gives for these sentences: "Harbour" PERSON, the title's other words untagged.
    const finder = fedFinder({
      Harbour: 'PERSON',
      'Elin Dahl': 'PERSON',
      'Tom Weir': 'PERSON',
      'Ali Kaya': 'PERSON',
      'Piet Mol': 'PERSON',
    });
    const r = await read(ARTICLE, finder);
    expect(r.names).toEqual(SPEAKERS);
    expect(r.entities.every((e) => e.type === 'PERSON')).toBe(true);
    expect(r.claimants).toEqual(SPEAKERS);
  });

  it('written in capitals inside one person name, is cut off ("Harbour Master Elin Dahl" → "Elin Dahl")', async () => {
    const raw = 'Harbour Master Elin Dahl said the port would stay shut until Friday.';
    const corenlp = await read(raw, fedFinder({ 'Harbour Master Elin Dahl': 'PERSON' }));
    expect(corenlp.names).toEqual(['Elin Dahl']);
    expect(corenlp.claimants).toEqual(['Elin Dahl']);
    expect((await read(raw, 'js')).names).toEqual(['Elin Dahl']);
  });

  it('leaves a name that is named elsewhere, and an organisation', async () => {
    const r = await read(
      'Coastguard commander Piet Mol said no boats were lost. Two crews from the Coastguard searched the bay. Port Authority chief Ali Kaya said the ferries would wait.',
      fedFinder({ Coastguard: 'PERSON', 'Piet Mol': 'PERSON', 'Port Authority': 'ORGANIZATION', 'Ali Kaya': 'PERSON' }),
    );
    expect(r.names).toEqual(['Coastguard', 'Piet Mol', 'Port Authority', 'Ali Kaya']);
    expect((await read('Navy commander Piet Mol said no boats were lost.', 'js')).names).toContain('Navy');
  });
});

describe('an office before "of" and a place, as CoreNLP tags it', () => {
  // What CoreNLP 4.5.10 gives for each sentence: an office is no name, it gives the place (typed a place,
  // not a person), and a person's name after the place is the office holder's.
  it.each([
    ["Ukraine's Chief Rabbi of Kyiv said so.", { Ukraine: 'PLACE', 'Rabbi of Kyiv': 'PERSON' }, ['Ukraine', 'Kyiv']],
    ['He spoke to the Grand Mufti of Jerusalem on Friday.', { 'Grand Mufti of Jerusalem': 'PLACE' }, ['Jerusalem']],
    ['The Chief Rabbi of Kyiv said the synagogue was hit.', { Kyiv: 'PERSON' }, ['Kyiv']],
    ['The synagogue was hit, the Chief Rabbi of Kyiv said.', { Kyiv: 'PERSON' }, ['Kyiv']],
  ] as const)('%s', async (text, tags, expected) => {
    const r = await read(text, fedFinder(tags));
    expect(r.names).toEqual(expected);
    expect(r.entities.every((e) => e.type === 'PLACE')).toBe(true);
    for (const e of r.entities) expect(e.quote).toBe(e.text);
  });

  it('gives the place and the office holder after it ("Chief Rabbi of Kyiv Tom Weir" → "Kyiv", "Tom Weir")', async () => {
    const r = await read('Chief Rabbi of Kyiv Tom Weir said so.', fedFinder({ 'Kyiv Tom Weir': 'PERSON' }));
    expect(r.entities.map((e) => [e.text, e.type, e.quote])).toEqual([
      ['Kyiv', 'PLACE', 'Kyiv'],
      ['Tom Weir', 'PERSON', 'Tom Weir'],
    ]);
  });

  it('leaves a body after "of", a lower-case role and a name before "of" that is no title', async () => {
    const tags = {
      'Army of Ruritania': 'ORGANIZATION',
      'Tom Weir': 'PERSON',
      'Bank of Ostrava': 'ORGANIZATION',
    } as const;
    const r = await read('The Army of Ruritania met an adviser of Tom Weir at the Bank of Ostrava.', fedFinder(tags));
    expect(r.names).toEqual(['Army of Ruritania', 'Tom Weir', 'Bank of Ostrava']);
    expect(r.entities.map((e) => e.type)).toEqual(['ORGANIZATION', 'PERSON', 'ORGANIZATION']);
  });
});
