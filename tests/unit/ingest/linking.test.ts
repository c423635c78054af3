import { describe, expect, it } from 'vitest';
import { buildGazetteer } from '../../../src/ingest/extract/gazetteer';
import { JudgementIndex, type Judgement } from '../../../src/ingest/link/judgements';
import { linkEntity } from '../../../src/ingest/link/linker';
import { nameKey, normaliseName, translitKey } from '../../../src/ingest/link/normalise';
import { GAZETTEER } from './gazetteer';

const gz = buildGazetteer(GAZETTEER);

describe('name normalisation', () => {
  it('NFKC, apostrophes, titles and possessives', () => {
    expect(normaliseName('Mr. Gladkov’s')).toBe('Gladkov');
    expect(normaliseName('President  Zelensky')).toBe('Zelensky');
    expect(nameKey('ＴＡＳＳ')).toBe('tass');
    expect(normaliseName('Defence Ministry')).toBe('Defence Ministry');
    // An office word anywhere after the title word: the body's name, not a title before a name.
    expect(normaliseName('Defence Ministry of Rastavia')).toBe('Defence Ministry of Rastavia');
    expect(normaliseName('Defence Minister Ivan Sedov')).toBe('Ivan Sedov');
    // A title before another body's word or before "of" is part of the name ("Major League Baseball").
    expect(normaliseName('Major League Baseball')).toBe('Major League Baseball');
    expect(normaliseName('Defence Intelligence of Ukraine')).toBe('Defence Intelligence of Ukraine');
    expect(normaliseName('Chief Rabbi of Kyiv')).toBe('Chief Rabbi of Kyiv');
    expect(normaliseName('Chief Rabbi Tom Weir')).toBe('Tom Weir');
    expect(translitKey('Владимир Зеленский')).toBe('vladimir zelenskiy');
  });
});

describe('entity linking', () => {
  it('auto-links a unique exact alias of the same label, after titles and apostrophes', () => {
    const r = linkEntity(['Mr. Gladkov'], 'PERSON', gz);
    expect(r).toMatchObject({ decision: 'auto', entityId: 'vyacheslav-gladkov' });
    expect(linkEntity(['Kursk region'], 'PLACE', gz).entityId).toBe('kursk-region');
  });

  it('never auto-links across labels or untyped names', () => {
    expect(linkEntity(['Kursk region'], 'ORGANIZATION', gz).decision).toBe('review');
    expect(linkEntity(['TASS'], 'UNKNOWN', gz)).toMatchObject({ decision: 'review', options: [{ entityId: 'tass' }] });
  });

  it('an alias shared by two entities is a review decision naming both', () => {
    const shared = buildGazetteer([
      ...GAZETTEER,
      { id: 'kursk-city', labels: ['Place'], name: 'Kursk', aliases: ['Kursk region'] },
    ]);
    const r = linkEntity(['Kursk region'], 'PLACE', shared);
    expect(r.decision).toBe('review');
    expect(r.options.map((o) => o.entityId).sort()).toEqual(['kursk-city', 'kursk-region']);
    expect(r.notes.join(' ')).toMatch(/shared by 2 entities/);
  });

  it('Zelenskyy vs Zelensky: one edit, sounds alike — proposed with a caution, never merged', () => {
    const r = linkEntity(['Volodymyr Zelenskyy'], 'PERSON', gz);
    expect(r.decision).toBe('review');
    const top = r.options[0]!;
    expect(top.entityId).toBe('volodymyr-zelensky');
    expect(top.signals).toMatchObject({ exactAlias: false, editDistance: 1, phonetic: true });
    expect(top.caution).toMatch(/1 edit from "Volodymyr Zelensky"/);
    expect(top.caution).not.toMatch(/sounds different/);
  });

  it('Podolyan vs Podolyak: one edit but sounds different — caution says so', () => {
    const r = linkEntity(['Podolyan'], 'PERSON', gz);
    expect(r.decision).toBe('review');
    const o = r.options.find((x) => x.entityId === 'mykhailo-podolyak')!;
    expect(o.signals).toMatchObject({ editDistance: 1, phonetic: false });
    expect(o.caution).toMatch(/sounds different/);
  });

  it('a bare surname is a candidate (surname rule), not an auto-link, when it is not an alias', () => {
    const gz2 = buildGazetteer([
      { id: 'anton-veresov', labels: ['Person'], name: 'Anton Veresov', aliases: ['Anton Veresov'] },
    ]);
    const r = linkEntity(['Veresov'], 'PERSON', gz2);
    expect(r.decision).toBe('review');
    expect(r.options[0]).toMatchObject({ entityId: 'anton-veresov', signals: { surname: true } });
  });

  it('transliteration is a signal: Cyrillic spelling of a known name', () => {
    const gz2 = buildGazetteer([
      { id: 'dmitry-ivanov', labels: ['Person'], name: 'Dmitriy Ivanov', aliases: ['Dmitriy Ivanov'] },
    ]);
    const r = linkEntity(['Дмитрий Иванов'], 'PERSON', gz2);
    expect(r.options[0]).toMatchObject({ entityId: 'dmitry-ivanov', signals: { transliterated: true } });
    expect(r.decision).toBe('review');
  });

  it('a pair judged "not the same" is never proposed again; "unsure" is flagged and blocks auto-linking', () => {
    const judgements: Judgement[] = [
      {
        left: { form: 'Podolyan' },
        right: { entityId: 'mykhailo-podolyak' },
        verdict: 'not-same',
        by: 'editor',
        at: '2024-01-01',
      },
      { left: { form: 'Gladkov' }, right: { entityId: 'vyacheslav-gladkov' }, verdict: 'unsure' },
    ];
    const idx = new JudgementIndex(judgements);
    const r = linkEntity(['Podolyan'], 'PERSON', gz, idx);
    expect(r.options.map((o) => o.entityId)).not.toContain('mykhailo-podolyak');
    expect(r.notes.join(' ')).toMatch(/judged not the same/);
    const g = linkEntity(['Mr. Gladkov'], 'PERSON', gz, idx);
    expect(g.decision).toBe('review');
    expect(g.options[0]).toMatchObject({ entityId: 'vyacheslav-gladkov', judgedUnsure: true });
    // Without the judgements the same pairs come back.
    expect(linkEntity(['Podolyan'], 'PERSON', gz).options.map((o) => o.entityId)).toContain('mykhailo-podolyak');
  });

  it('judgements between graph entities and later verdicts override earlier ones', () => {
    const idx = new JudgementIndex([
      { left: { entityId: 'a' }, right: { entityId: 'b' }, verdict: 'not-same' },
      { left: { form: 'X Y' }, right: { entityId: 'b' }, verdict: 'not-same' },
      { left: { form: 'x  y' }, right: { entityId: 'b' }, verdict: 'same' },
    ]);
    expect(idx.verdict([], 'a', 'b')).toBe('not-same');
    expect(idx.verdict(['X Y'], 'b')).toBe('same');
  });
});
