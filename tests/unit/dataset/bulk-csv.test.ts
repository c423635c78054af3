import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import neo4j from 'neo4j-driver';
import { afterEach, describe, expect, it } from 'vitest';
import { BulkCsvError, writeBulkCsv } from '../../../src/dataset/bulk-csv';
import type { NodeRow, RelRow, SeedRows } from '../../../src/dataset/rows';

/** The writer reads only these six iterators of the loader's rows. */
function rowsOf(nodes: NodeRow[], rels: RelRow[] = []): SeedRows {
  return {
    articles: () => nodes.filter((n) => n.labels[0] === 'Article'),
    entities: () => nodes.filter((n) => n.labels[0] === 'Entity'),
    claims: () => [],
    claimLinks: () => [],
    typed: () => rels,
    mentions: () => [],
  } as unknown as SeedRows;
}

const rel = (from: string, to: string, props: Record<string, unknown>): RelRow => ({
  type: 'NEAR',
  fromLabel: 'Entity',
  toLabel: 'Entity',
  from,
  to,
  props,
});

let dir = '';
afterEach(() => rmSync(dir, { recursive: true, force: true }));
const read = (name: string) => readFileSync(join(dir, name), 'utf8');

describe('writeBulkCsv', () => {
  it('writes one pass: columns in order of first use, the header in a file of its own, lines ending at their last value', () => {
    dir = mkdtempSync(join(tmpdir(), 'bulk-csv-'));
    const csv = writeBulkCsv(
      rowsOf(
        [
          { labels: ['Entity', 'Place'], props: { id: 'p1', name: 'Belgorod "city"' } },
          {
            labels: ['Entity', 'Place'],
            props: {
              id: 'p2',
              name: 'Shebekino',
              aliases: ['a', 'b'],
              location: new neo4j.types.Point(4326, 36.6, 50.4),
            },
          },
          {
            labels: ['Entity', 'Place'],
            props: { id: 'p3', aliases: [], population: 4, date: new neo4j.types.Date(2024, 5, 1) },
          },
        ],
        [rel('p1', 'p2', { weight: 0.5 }), rel('p2', 'p3', {})],
      ),
      dir,
    );
    expect(read('nodes-Entity_Place.header.csv')).toBe(
      'id:ID,name:string,aliases:string[],location:point{crs:WGS-84},population:double,date:date\n',
    );
    expect(read('nodes-Entity_Place.csv')).toBe(
      [
        '"p1","Belgorod ""city"""',
        '"p2","Shebekino","a\u001fb","{longitude:36.6, latitude:50.4}"',
        '"p3",,,,4,2024-05-01',
        '',
      ].join('\n'),
    );
    expect(read('relationships-NEAR.header.csv')).toBe(':START_ID,:END_ID,weight:double\n');
    expect(read('relationships-NEAR.csv')).toBe('"p1","p2",0.5\n"p2","p3"\n');
    expect(csv.args).toEqual([
      `--nodes=Entity:Place=${join(dir, 'nodes-Entity_Place.header.csv')},${join(dir, 'nodes-Entity_Place.csv')}`,
      `--relationships=NEAR=${join(dir, 'relationships-NEAR.header.csv')},${join(dir, 'relationships-NEAR.csv')}`,
      '--array-delimiter=U+001F',
    ]);
    expect(csv.counts).toEqual({ nodes: { Entity: 3, Place: 3 }, relationships: { NEAR: 2 } });
    expect(csv.multiline).toBe(false);
    expect(csv.bytes).toBe(
      ['nodes-Entity_Place', 'relationships-NEAR'].reduce(
        (s, f) => s + read(`${f}.header.csv`).length + read(`${f}.csv`).length,
        0,
      ),
    );
  });

  it('writes lines across its write buffer intact: many short ones, and one longer than the buffer', () => {
    dir = mkdtempSync(join(tmpdir(), 'bulk-csv-'));
    const long = 'é'.repeat(600_000); // 1.2 MB of UTF-8: more than one buffer
    const names = Array.from({ length: 40_000 }, (_, i) => `entité ${i} — ${'x'.repeat(i % 50)}`);
    writeBulkCsv(
      rowsOf([
        ...names.slice(0, 20_000).map((name, i) => ({ labels: ['Entity'], props: { id: `e${i}`, name } })),
        { labels: ['Entity'], props: { id: 'long', name: long } },
        ...names.slice(20_000).map((name, i) => ({ labels: ['Entity'], props: { id: `e${20_000 + i}`, name } })),
      ]),
      dir,
    );
    const lines = read('nodes-Entity.csv').split('\n');
    expect(lines).toHaveLength(40_002);
    expect(lines[20_000]).toBe(`"long","${long}"`);
    expect(lines.slice(0, 20_000)).toEqual(names.slice(0, 20_000).map((n, i) => `"e${i}","${n}"`));
    expect(lines.slice(20_001, 40_001)).toEqual(names.slice(20_000).map((n, i) => `"e${20_000 + i}","${n}"`));
    expect(lines[40_001]).toBe('');
  });

  it('notices line breaks (the importer then needs --multiline-fields)', () => {
    dir = mkdtempSync(join(tmpdir(), 'bulk-csv-'));
    const csv = writeBulkCsv(rowsOf([{ labels: ['Article'], props: { id: 'a1', title: 'one\ntwo' } }]), dir);
    expect(csv.multiline).toBe(true);
    expect(read('nodes-Article.csv')).toBe('"a1","one\ntwo"\n');
  });

  it('refuses a property whose types differ between rows, whichever comes first', () => {
    dir = mkdtempSync(join(tmpdir(), 'bulk-csv-'));
    const mixed = (a: unknown, b: unknown) => () =>
      writeBulkCsv(
        rowsOf([
          { labels: ['Entity'], props: { id: 'e1', x: a } },
          { labels: ['Entity'], props: { id: 'e2', x: b } },
        ]),
        dir,
      );
    expect(mixed('s', 1)).toThrow(/Entity e2 property x mixes types \(string and another\)/);
    expect(mixed(['s'], 's')).toThrow(BulkCsvError);
    expect(mixed({ nested: true }, 's')).toThrow(/Entity e2 property x mixes types/);
    expect(mixed('s', { nested: true })).toThrow(/Entity e2 property x mixes types/);
    expect(mixed(['a\u001fb'], [])).toThrow(/holds the array delimiter/);
  });
});
