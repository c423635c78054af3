import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { Catalog, IndexInfo } from '../../../src/server/db/catalog';
import type { Db } from '../../../src/server/db/runner';
import { searchNodes } from '../../../src/server/resources/search/query';
import { PerspectiveSchema } from '../../../src/shared/api/perspectives';

// The seeded graph's perspective and its full-text index, online; a database that records its queries.
const perspective = PerspectiveSchema.parse(
  JSON.parse(readFileSync(new URL('../../../perspectives/news.json', import.meta.url), 'utf8')),
);
const index: IndexInfo = {
  name: 'entity_names',
  type: 'FULLTEXT',
  entityType: 'NODE',
  labelsOrTypes: ['Entity'],
  properties: ['name', 'aliases'],
  state: 'ONLINE',
};
const catalog = { indexes: async () => [index], invalidate: () => {} } as unknown as Catalog;

function recordingDb(): { db: Db; queries: string[] } {
  const queries: string[] = [];
  const session = {
    run: async (cypher: string) => {
      queries.push(cypher);
      return { records: [] };
    },
    close: async () => {},
  };
  return { db: { driver: { session: () => session }, database: 'neo4j' } as unknown as Db, queries };
}

describe('search for text with no letters or digits, with a full-text index online', () => {
  it.each(['%', '(((', '"', '\\', '🙂'])(
    '"%s" finds nothing without a scan and without saying an index is missing',
    async (q) => {
      const { db, queries } = recordingDb();
      const r = await searchNodes(db, catalog, perspective, { q, limit: 12 });
      expect(r.hits).toEqual([]);
      expect(r.note).toBeNull();
      expect(r.createIndex).toBeNull();
      expect(r.mode).toBe('fulltext');
      expect(queries).toEqual([]);
    },
  );

  it('a word still goes to the index', async () => {
    const { db, queries } = recordingDb();
    const r = await searchNodes(db, catalog, perspective, { q: 'Gladkov', limit: 12 });
    expect(r.mode).toBe('fulltext');
    expect(queries).toHaveLength(1);
    expect(queries[0]).toMatch(/db\.index\.fulltext\.queryNodes/);
  });
});
