import { describe, expect, it } from 'vitest';
import { buildGazetteer } from '../../../src/ingest/extract/gazetteer';
import type { GazetteerEntry } from '../../../src/ingest/extract/types';
import { linkEntity } from '../../../src/ingest/link/linker';
import { romanisationKey, romanisationVariants } from '../../../src/ingest/link/transliteration';
import { GAZETTEER } from './gazetteer';

// Our own small graph: Ukrainian spellings, as the seed has them.
const UKRAINIAN: GazetteerEntry[] = [
  ...GAZETTEER,
  { id: 'kharkiv', labels: ['Place'], name: 'Kharkiv', aliases: ['Kharkiv'], kind: 'city' },
  { id: 'kharkiv-region', labels: ['Place'], name: 'Kharkiv region', aliases: ['Kharkiv region'], kind: 'region' },
  { id: 'sumy-region', labels: ['Place'], name: 'Sumy region', aliases: ['Sumy region'], kind: 'region' },
  { id: 'oleh-syniehubov', labels: ['Person'], name: 'Oleh Syniehubov', aliases: ['Oleh Syniehubov'] },
  { id: 'lina-petrenko', labels: ['Person'], name: 'Lina Petrenko', aliases: ['Lina Petrenko'] },
];
const gz = buildGazetteer(UKRAINIAN);

describe('Russian and Ukrainian romanisations of one name', () => {
  it('share a key; different names do not', () => {
    const same = [
      ['Oleg Sinegubov', 'Oleh Syniehubov'],
      ['Kharkov', 'Kharkiv'],
      ['Харьков', 'Kharkiv'],
      ['Синегубов', 'Syniehubov'],
      ['Kiev', 'Kyiv'],
      ['Lugansk', 'Luhansk'],
      ['Chernigov', 'Chernihiv'],
      ['Zelenskiy', 'Zelenskyy'],
    ];
    for (const [a, b] of same) expect(romanisationKey(a!), `${a} / ${b}`).toBe(romanisationKey(b!));
    for (const [a, b] of [
      ['Lena', 'Lina'],
      ['Petrov', 'Petrova'],
      ['Kursk', 'Sumy'],
    ])
      expect(romanisationKey(a!), `${a} / ${b}`).not.toBe(romanisationKey(b!));
  });

  it('the other language’s spelling of a search word', () => {
    expect(romanisationVariants('sinegubov')).toContain('synehubov');
    expect(romanisationVariants('kharkov')).toContain('kharkiv');
    expect(romanisationVariants('syniehubov')).toContain('sinegubov');
    expect(romanisationVariants('gladk')).toEqual([]);
  });

  it('the linker proposes the graph’s spelling, without the near-spelling caution', () => {
    for (const [forms, type, id] of [
      [['Kharkov'], 'PLACE', 'kharkiv'],
      [['Oleg Sinegubov', 'Sinegubov'], 'PERSON', 'oleh-syniehubov'],
      [['Kharkov region'], 'PLACE', 'kharkiv-region'],
    ] as const) {
      const r = linkEntity([...forms], type, gz);
      expect(r.decision, forms[0]).toBe('review');
      const top = r.options[0]!;
      expect(top.entityId, forms[0]).toBe(id);
      expect(top.signals.transliterated).toBe(true);
      // The review proposes linking an option of 0.75 or more with no caution.
      expect(top.score).toBeGreaterThanOrEqual(0.75);
      expect(top.caution).toBeUndefined();
    }
  });

  it('keeps the place rule and the caution for other near spellings', () => {
    expect(linkEntity(['Sumy region'], 'PLACE', gz).options.map((o) => o.entityId)).not.toContain('kharkiv-region');
    expect(linkEntity(['Kharkov region'], 'PLACE', gz).options.map((o) => o.entityId)).not.toContain('sumy-region');
    const lena = linkEntity(['Lena Petrenko'], 'PERSON', gz).options[0]!;
    expect(lena.entityId).toBe('lina-petrenko');
    expect(lena.caution).toMatch(/1 edit/);
  });
});
