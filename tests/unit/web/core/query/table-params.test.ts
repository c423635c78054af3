import { describe, expect, it } from 'vitest';
import type { SavedQueryParam } from '../../../../../src/shared/api';
import { parseParams } from '../../../../../src/web/core/query/params';
import { cellText, csvFileName, sortRows, toCsv, toTsv, truncationNote } from '../../../../../src/web/core/query/table';
import { nodeCell } from '../../../../support/fixtures';

describe('result tables', () => {
  const node = nodeCell;
  const rows = [
    [node('Zelensky'), 3, null],
    [node('Gladkov'), 12, 'x'],
    [node('Peskov'), 2, 'y'],
  ];

  it('shows graph elements by caption/type and sorts numbers numerically, nulls last', () => {
    expect(cellText(node('A'))).toBe('A');
    expect(cellText({ __kind: 'relationship', id: 'r', type: 'MADE', source: 'a', target: 'b' })).toBe(':MADE');
    expect(cellText({ __kind: 'path', nodes: ['a', 'b', 'c'], edges: ['x', 'y'] })).toBe('path (2 hops)');
    expect(sortRows(rows, 1, 'asc')).toEqual([2, 0, 1]);
    expect(sortRows(rows, 1, 'desc')).toEqual([1, 0, 2]);
    expect(sortRows(rows, 0, 'asc')).toEqual([1, 2, 0]);
    expect(sortRows(rows, 2, 'asc')).toEqual([1, 2, 0]);
  });

  it('writes RFC 4180 CSV with quoting and neutralised spreadsheet formulas', () => {
    const csv = toCsv(
      ['who', 'said'],
      [
        [node('Gladkov'), 'He said "no", twice\nthen left'],
        ['=HYPERLINK("x")', 1],
      ],
    );
    expect(csv).toBe('who,said\r\nGladkov,"He said ""no"", twice\nthen left"\r\n"\'=HYPERLINK(""x"")",1\r\n');
    expect(toTsv(['a', 'b'], [['x\ty', 'z\nw']])).toBe('a\tb\nx y\tz w');
  });

  it('says in the file name and a last row when a result was truncated, and stays valid CSV', () => {
    const summary = { rows: 1000, truncated: true, truncatedBy: 'rows' as const, maxRows: 1000 };
    expect(csvFileName('Most connected people!', summary, '20240101-1200')).toBe(
      'most-connected-people-first-1000-rows-20240101-1200.csv',
    );
    expect(csvFileName(null, { ...summary, truncated: false, truncatedBy: null }, 's')).toBe('result-s.csv');
    expect(csvFileName('x', { ...summary, rows: 812, truncatedBy: 'bytes' }, 's')).toBe('x-first-812-rows-s.csv');
    const note = truncationNote(summary);
    expect(note).toBe('TRUNCATED: the query returned more than these 1,000 rows (the first 1,000 are above)');
    const csv = toCsv(['x', 'label'], [[1, 'row 1']], note);
    if (note === null) throw new Error('a truncated result has a note');
    // The note is one more row with as many fields as the header, so every row still parses alike.
    expect(csv).toBe(`x,label\r\n1,row 1\r\n${note.includes(',') ? `"${note}"` : note},\r\n`);
    expect(truncationNote({ ...summary, truncated: false, truncatedBy: null })).toBeNull();
  });
});

describe('saved-query parameters', () => {
  const p = (over: Partial<SavedQueryParam>): SavedQueryParam => ({
    name: 'x',
    type: 'string',
    label: 'X',
    description: null,
    required: false,
    ...over,
  });

  it('converts typed text, leaves empty optional ones to the server default', () => {
    const params = [
      p({ name: 'n', type: 'integer', label: 'Limit', default: 20, min: 1, max: 100 }),
      p({ name: 'f', type: 'float', label: 'Ratio' }),
      p({ name: 'b', type: 'boolean', label: 'Via articles', default: false }),
      p({ name: 'd', type: 'date', label: 'From' }),
      p({ name: 'e', type: 'entity', label: 'Person', default: 'vyacheslav-gladkov' }),
    ];
    const r = parseParams(params, { n: '25', f: '0.5', b: 'TRUE', d: '2023-01-01', e: '' });
    expect(r.errors).toEqual({});
    expect(r.values).toEqual({ n: 25, f: 0.5, b: true, d: '2023-01-01' });
  });

  it('names the parameter and the problem', () => {
    const r = parseParams(
      [
        p({ name: 'n', type: 'integer', label: 'Limit', min: 1, max: 100 }),
        p({ name: 'm', type: 'integer', label: 'Max', max: 5 }),
        p({ name: 'd', type: 'date', label: 'From' }),
        p({ name: 's', type: 'string', label: 'Status', options: ['contested', 'unanswered'] }),
        p({ name: 'r', type: 'entity', label: 'Place', required: true }),
      ],
      { n: '2.5', m: '9', d: '30/12/2023', s: 'maybe' },
    );
    expect(r.errors).toEqual({
      n: 'Limit must be a whole number',
      m: 'Max must be at most 5',
      d: 'From must be a date like 2023-12-30',
      s: 'Status must be one of contested, unanswered',
      r: 'Place is required',
    });
    expect(r.values).toEqual({});
  });
});
