import { describe, expect, it } from 'vitest';
import type { QueryResult } from '../../../../../src/shared/api';
import { csvTable, paramsSlug, resultCsv } from '../../../../../src/web/core/query/csv';
import { csvFileName } from '../../../../../src/web/core/query/table';

// "Events in a place between two dates": two events with the same name, told apart by their keys.
const ev = (id: string, key: string | null) => ({
  __kind: 'node' as const,
  id,
  key,
  caption: 'Missile strike on Kharkiv',
  labels: ['Event'],
});
const rel = (id: string, source: string, target: string) => ({
  __kind: 'relationship' as const,
  id,
  type: 'OCCURRED_IN',
  caption: 'OCCURRED_IN',
  source,
  target,
});
const result: QueryResult = {
  graph: {
    nodes: [
      { id: 'e:1', key: 'strike-2023-12-30', labels: ['Event'], caption: 'Missile strike on Kharkiv', properties: {} },
      { id: 'e:2', key: null, labels: ['Event'], caption: 'Missile strike on Kharkiv', properties: {} },
      { id: 'p:1', key: 'kharkiv', labels: ['Place'], caption: 'Kharkiv', properties: {} },
    ],
    edges: [],
  },
  table: {
    columns: ['e', 'o', 'date'],
    rows: [
      [ev('e:1', 'strike-2023-12-30'), rel('r:1', 'e:1', 'p:1'), '2023-12-30'],
      [ev('e:2', null), rel('r:2', 'e:2', 'p:1'), '2023-01-02'],
    ],
  },
  summary: {
    timeMs: 3,
    rows: 2,
    truncated: false,
    truncatedBy: null,
    maxRows: 1000,
    queryType: 'r',
    notifications: [],
  },
};
const about = {
  title: 'Events in a place between two dates',
  source: {
    query: 'events-in-place',
    params: { place: 'kharkiv-region', from: '2023-01-01', to: '2023-12-31' },
    ranAt: '2026-12-06T04:22:32.000Z',
  },
  database: 'neo4j',
};

describe('CSV of a result', () => {
  it('gives node cells their key, relationship cells their type and ends, and every row what was asked', () => {
    const t = csvTable(result, result.table.rows, about);
    expect(t.columns).toEqual([
      'e',
      'e key',
      'o',
      'o from',
      'o to',
      'date',
      'query',
      'parameters',
      'run at',
      'database',
    ]);
    const tail = [
      'Events in a place between two dates (events-in-place)',
      'place=kharkiv-region; from=2023-01-01; to=2023-12-31',
      '2026-12-06T04:22:32.000Z',
      'neo4j',
    ];
    expect(t.rows).toEqual([
      [
        'Missile strike on Kharkiv',
        'strike-2023-12-30',
        'OCCURRED_IN',
        'strike-2023-12-30',
        'kharkiv',
        '2023-12-30',
        ...tail,
      ],
      ['Missile strike on Kharkiv', 'e:2', 'OCCURRED_IN', 'e:2', 'kharkiv', '2023-01-02', ...tail],
    ]);
    const csv = resultCsv(result, result.table.rows, about);
    expect(csv.split('\r\n')[0]).toBe('e,e key,o,o from,o to,date,query,parameters,run at,database');
    expect(csv).not.toContain(':OCCURRED_IN');
  });

  it('an ad-hoc query carries its Cypher text; a result column called "query" keeps its name', () => {
    const r = { ...result, table: { columns: ['query'], rows: [['x']] } };
    const t = csvTable(r, r.table.rows, {
      title: 'MATCH …',
      source: { cypher: 'RETURN "x" AS query', params: {}, ranAt: 't' },
      database: null,
    });
    expect(t.columns).toEqual(['query', 'newsgraph query', 'parameters', 'run at']);
    expect(t.rows[0]).toEqual(['x', 'RETURN "x" AS query', '', 't']);
  });

  it('names the file after the query, its parameter values and the time', () => {
    expect(csvFileName(about.title, result.summary, '2026-12-06-04-22-32', paramsSlug(about.source.params))).toBe(
      'events-in-a-place-between-two-dates-kharkiv-region-2023-01-01-2023-12-31-2026-12-06-04-22-32.csv',
    );
  });
});
