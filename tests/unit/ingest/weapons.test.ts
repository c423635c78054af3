import { describe, expect, it } from 'vitest';
import { extractArticle } from '../../../src/ingest/article';
import type { EntityCandidate } from '../../../src/ingest/batch';
import { fedFinder } from './fed-finder';
import { GAZETTEER } from './gazetteer';

async function entities(raw: string, extractor: Parameters<typeof extractArticle>[1]['extractor']) {
  const b = await extractArticle({ raw, format: 'txt', source: 'test' }, { extractor, gazetteer: GAZETTEER });
  return b.candidates.filter((c): c is EntityCandidate => c.kind === 'entity');
}

const DEPOT =
  'Depot hit overnight\n\n' +
  'An Iskander missile struck a fuel depot near Pokrovsk on Tuesday, the regional governor said. ' +
  'Russia has moved more Iskander-M launchers towards the border, and the Iskander remains its main short-range weapon.\n\n' +
  'Iskander systems can also carry cruise missiles, analysts said.';

describe('named weapon systems', () => {
  it('a system name in a weapon context is a weapon, never a person, even when NER says PERSON', async () => {
    // CoreNLP 4.5.10 tags "the Iskander" and "Iskander systems" PERSON ("Iskander-M" is no mention);
    // fed here as PERSON at every occurrence, the harder case.
    const es = await entities(DEPOT, fedFinder({ Iskander: 'PERSON', Pokrovsk: 'PLACE', Russia: 'PLACE' }));
    expect(es.filter((e) => e.type === 'PERSON')).toEqual([]);
    const iskander = es.find((e) => e.text === 'Iskander')!;
    expect(iskander).toMatchObject({ type: 'WEAPON' });
    expect(iskander.spans.length).toBe(3);
    expect(es.find((e) => e.text === 'Iskander-M')).toMatchObject({ type: 'WEAPON' });
  });

  it('the pure-JS finder types the same mentions as a weapon', async () => {
    const es = await entities(DEPOT, 'js');
    expect(es.find((e) => e.text === 'Iskander')).toMatchObject({ type: 'WEAPON' });
    const russian = await entities('Officials said a Russian Iskander missile hit the port.', 'js');
    expect(russian.map((e) => [e.text, e.type])).toEqual([['Iskander', 'WEAPON']]);
  });

  it('a person who bears the name stays a person', async () => {
    const es = await entities(
      'Iskander Valiev, a farmer near the border, said the shells fell at night. Valiev said no one was hurt.',
      fedFinder({ 'Iskander Valiev': 'PERSON', Valiev: 'PERSON' }),
    );
    expect(es.find((e) => e.text === 'Iskander Valiev')).toMatchObject({ type: 'PERSON' });
    expect(es.filter((e) => e.type === 'WEAPON')).toEqual([]);
  });
});
