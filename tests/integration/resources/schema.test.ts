import { describe, expect, it } from 'vitest';
import { readSeed } from '../../../src/dataset/index';
import { SchemaResponseSchema } from '../../../src/shared/api/index';
import { SEED_DATA_DIR } from '../../../src/runtime/paths';
import { writeCountsMark } from '../../../src/dataset/counts-upgrade';
import { testDriver, testNeo4j } from '../../support/neo4j';
import { useSeededApi } from '../../support/seeded-api';

// The read endpoints on the seeded Belgorod graph. Expected values come from seed/data (the same
// files the loader read), so the assertions follow the data rather than hard-coded counts.
const seed = readSeed(SEED_DATA_DIR);
const api = useSeededApi();

describe('GET /api/schema', () => {
  it('lists labels and types with their counts; not the mark of the corroboration counts', async () => {
    // The mark npm start leaves in a database it seeded (counts-upgrade.ts): an index of its own.
    const driver = testDriver();
    const { database } = testNeo4j();
    await writeCountsMark(driver, database, []);
    const r = await api.get('/api/schema').finally(async () => {
      await driver.executeQuery('DROP INDEX newsgraph_counts_v2 IF EXISTS', {}, { database });
      await driver.close();
    });
    expect(r.status).toBe(200);
    const s = SchemaResponseSchema.parse(r.body);
    const count = (l: string) => s.labels.find((x) => x.label === l)?.count;
    expect(count('Person')).toBe(seed.entities.filter((e) => e.label === 'Person').length);
    expect(count('Article')).toBe(seed.articles.length);
    expect(count('Claim')).toBe(seed.claims.length);
    expect(count('Entity')).toBe(seed.entities.length);
    const rel = (t: string) => s.relationshipTypes.find((x) => x.type === t)?.count;
    expect(rel('GOVERNOR_OF')).toBe(seed.relationships.filter((x) => x.type === 'GOVERNOR_OF').length);
    expect(rel('MADE')).toBe(seed.claims.length);
    expect(rel('MENTIONS')).toBe(seed.mentions.length);
    expect(s.totals.nodes).toBe(seed.articles.length + seed.entities.length + seed.claims.length);
    expect(s.propertyKeys).toEqual(expect.arrayContaining(['name', 'aliases', 'quote', 'evidence_quotes']));
    expect(s.search).toEqual({
      mode: 'fulltext',
      index: 'entity_names',
      indexes: ['entity_names', 'claim_statements', 'article_titles'],
    });
    expect(s.indexes.map((i) => i.name)).toEqual(
      expect.arrayContaining(['entity_names', 'claim_statements', 'article_titles']),
    );
    expect(s.ingest).toEqual({ writable: true, reason: null });
    expect(s.indexes.map((i) => i.name).filter((n) => n.startsWith('newsgraph_'))).toEqual([]);
    expect(s.propertyKeys.filter((k) => k.startsWith('newsgraph_'))).toEqual([]);
  });
});
