import { describe, expect, it } from 'vitest';
import { editedLine, evidenceKeysOf, orderedProperties } from '../../../../../src/web/ui/detail/prop-order';

const keys = (p: Record<string, unknown>, hide: string[] = []) => orderedProperties(p, new Set(hide)).map(([k]) => k);

describe('the detail panel property list', () => {
  it('reads name or title first, dates from → to with their basis, then what it is, the rest, bookkeeping last', () => {
    // An article as the store returns it (checksum first, "published to" before "from").
    const article = {
      sha256: 'ab',
      text_key: 'cd',
      authors: [],
      published_to: '2022-10-14',
      length: 4000,
      outlet_inferred: true,
      published_from: '2022-10-10',
      title: 'Express',
      published_basis: 'best estimate',
      outlet: 'daily-express',
      published: '2022-10-13',
      file: 'a.txt',
    };
    expect(keys(article)).toEqual([
      'title',
      'published',
      'published_from',
      'published_to',
      'published_basis',
      'outlet',
      'outlet_inferred',
      'authors',
      'file',
      'length',
      'sha256',
      'text_key',
    ]);
    const event = {
      killed: 3,
      edited_at: '2026-12-06T04:26:31.5Z',
      date_to: '2022-10-13',
      version: 2,
      casualty_note: 'lower bound',
      date_basis: 'reported',
      edited_by: 'ed',
      kind: 'strike',
      date_from: '2022-10-09',
      name: 'Gubkin street',
      injured: 5,
    };
    expect(keys(event, ['name'])).toEqual([
      'date_from',
      'date_to',
      'date_basis',
      'kind',
      'casualty_note',
      'injured',
      'killed',
    ]);
    // Whatever order the store gives, the same list.
    const shuffled = Object.fromEntries(Object.entries(event).reverse());
    expect(keys(shuffled, ['name'])).toEqual(keys(event, ['name']));
  });

  it('folds the edit bookkeeping into one line', () => {
    expect(editedLine({ version: 2, edited_by: 'ed', edited_at: '2026-12-06T04:26:31.123Z' })).toBe(
      'Edited by ed, 6 Dec 2026 04:26 UTC',
    );
    expect(editedLine({ edited_by: 'ed' })).toBe('Edited by ed');
    expect(editedLine({ edited_at: '2026-12-06T04:26:00+01:00' })).toBe('Edited 6 Dec 2026 04:26 (+01:00)');
    expect(editedLine({ name: 'x' })).toBeNull();
  });
});

describe('a claim’s provenance in the property list', () => {
  it('is left to the Evidence section: no article id, offsets or parallel lists', () => {
    const claim = {
      statement: 'Russia accused Ukraine…',
      status: 'unanswered',
      article: 'telegraph-2022-07-03',
      quote: 'Russia has accused Ukraine…',
      start: 367,
      end: 505,
      evidence_articles: ['telegraph-2022-07-03'],
      evidence_quotes: ['Russia has accused Ukraine…'],
      evidence_starts: [367],
      evidence_ends: [505],
      sources: 1,
    };
    expect(keys(claim, [...evidenceKeysOf(claim)])).toEqual(['statement', 'status', 'sources']);
    // A node without a quote keeps such keys as its own facts.
    expect(keys({ name: 'x', start: 3 }, [...evidenceKeysOf({ name: 'x', start: 3 })])).toEqual(['name', 'start']);
  });
});
