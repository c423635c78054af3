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

// What CoreNLP 4.5.10 says of these sentences: "Iskanders" and "HIMARS" nothing, "Kalibr" and
// "Iskander" after a firing verb PERSON, "ATACMS" ORGANIZATION.
const FIRED =
  'Russia fired Iskanders at Kharkiv overnight, the Ukrainian air force said. ' +
  'Iskanders struck the port of Odesa on Tuesday.\n\n' +
  'The air force said it shot down Kalibr over the south, and the depot was hit by Iskander. ' +
  'Ukraine launched HIMARS at the bridge, and Russia said it had shot down ATACMS.';
const FIRED_CORENLP = fedFinder({
  Russia: 'PLACE',
  Kharkiv: 'PLACE',
  Odesa: 'PLACE',
  Ukraine: 'PLACE',
  Kalibr: 'PERSON',
  Iskander: 'PERSON',
  ATACMS: 'ORGANIZATION',
});

describe('named weapon systems with no weapon noun or article', () => {
  for (const [name, finder] of [
    ['CoreNLP', FIRED_CORENLP],
    ['js', 'js'],
  ] as const)
    it(`a listed system in the plural or after a firing verb is a weapon (${name})`, async () => {
      const es = await entities(FIRED, finder);
      const typeOf = (text: string) => es.find((e) => e.text === text)?.type;
      expect(typeOf('Iskanders')).toBe('WEAPON');
      expect(typeOf('Kalibr')).toBe('WEAPON');
      expect(typeOf('Iskander')).toBe('WEAPON');
      expect(typeOf('HIMARS')).toBe('WEAPON');
      expect(typeOf('ATACMS')).toBe('WEAPON');
      expect(es.filter((e) => e.type === 'PERSON' || e.type === 'ORGANIZATION')).toEqual([]);
    });

  it('a following surname or a title before the name keeps a person a person, even after a firing verb', async () => {
    const es = await entities(
      'The plant fired Iskander Valiev last year. The car was hit by Mr. Iskander, the mayor said.',
      fedFinder({ 'Iskander Valiev': 'PERSON', Iskander: 'PERSON' }),
    );
    expect(es.find((e) => e.text === 'Iskander Valiev')).toMatchObject({ type: 'PERSON' });
    expect(es.filter((e) => e.type === 'WEAPON')).toEqual([]);
    // A plural that is also an ordinary word at a sentence's start, or a team's name, is no weapon.
    const weather = await entities('Tornados tore through Oklahoma. Fans of the New England Patriots cheered.', 'js');
    expect(weather.filter((e) => e.type === 'WEAPON')).toEqual([]);
  });

  it('"Iskander said" with no weapon context stays the name finder’s person', async () => {
    const b = await extractArticle(
      { raw: 'Iskander said the shelling had stopped by the evening.', format: 'txt', source: 'test' },
      { extractor: fedFinder({ Iskander: 'PERSON' }), gazetteer: GAZETTEER },
    );
    expect(b.candidates.find((c) => c.kind === 'entity')).toMatchObject({ text: 'Iskander', type: 'PERSON' });
    expect(b.candidates.find((c) => c.kind === 'claim')).toMatchObject({ claimant: { text: 'Iskander' } });
  });
});

describe('listed names that are also surnames or ordinary words ("Patriot", "Bradley")', () => {
  const weapons = (es: EntityCandidate[]) => es.filter((e) => e.type === 'WEAPON').map((e) => e.text);

  it('are weapons with a weapon word after', async () => {
    const es = await entities(
      'Ukraine received a Patriot system in April. Two more Patriot systems were deployed near Kyiv. ' +
        'The Bradley vehicles arrived by rail, and the Patriot battery shot down a missile.',
      'js',
    );
    expect(es.find((e) => e.text === 'Patriot')).toMatchObject({ type: 'WEAPON' });
    expect(es.find((e) => e.text === 'Patriot')!.spans.length).toBe(3);
    expect(es.find((e) => e.text === 'Bradley')).toMatchObject({ type: 'WEAPON' });
  });

  const SURNAME =
    'Sgt. Bradley said the convoy was hit near the bridge. Tom Bradley, a medic, said two soldiers were hurt. ' +
    'The company fired Bradley last year. The Bradley family fled the village, Ms. Bradley said.';
  for (const [name, finder] of [
    ['CoreNLP', fedFinder({ 'Tom Bradley': 'PERSON', Bradley: 'PERSON' })],
    ['js', 'js'],
  ] as const)
    it(`are no weapon as a person's surname (${name})`, async () => {
      const es = await entities(SURNAME, finder);
      expect(weapons(es)).toEqual([]);
      expect(es.find((e) => e.text === 'Tom Bradley')?.type).not.toBe('WEAPON');
    });

  it('are no weapon as a surname even when the graph knows the weapon by that alias', async () => {
    const gazetteer = [
      ...GAZETTEER,
      { id: 'm2-bradley', labels: ['Weapon'], name: 'M2 Bradley', aliases: ['Bradley', 'M2 Bradley'] },
    ];
    const b = await extractArticle({ raw: SURNAME, format: 'txt', source: 'test' }, { extractor: 'js', gazetteer });
    expect(weapons(b.candidates.filter((c): c is EntityCandidate => c.kind === 'entity'))).toEqual([]);
    const vehicles = await extractArticle(
      { raw: 'The Bradley vehicles arrived by rail.', format: 'txt', source: 'test' },
      { extractor: 'js', gazetteer },
    );
    expect(vehicles.candidates.find((c) => c.kind === 'entity')).toMatchObject({ text: 'Bradley', type: 'WEAPON' });
  });

  it('are no weapon as an adjective: "a patriot", "a Patriot rally", "the Patriot movement"', async () => {
    const es = await entities(
      'He called himself a patriot. A Patriot rally was held in the square on Sunday. ' +
        'The Patriot movement held a march, and patriot groups joined it.',
      'js',
    );
    expect(weapons(es)).toEqual([]);
  });
});
