/**
 * A merged-away entity resolves to its survivor: reading it (detail, expansion, a path's end)
 * answers 404 with the survivor named in `error.mergedInto`, through later merges too; an address
 * that finds a node (a key given again, an element id Neo4j handed out again) is never redirected.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import type { AppStore } from '../../../src/runtime/store/app-store';
import { createMergeMap } from '../../../src/server/resources/node-edit/merge-map';
import { ErrorBodySchema } from '../../../src/shared/api/common';
import type { TestApi } from '../../support/api';
import { as, type Credentials } from '../../support/auth';
import { useTeamOnSeed } from '../../support/team';
import { testNeo4j } from '../../support/neo4j';
import { cypher, merge as mergeAs } from '../../support/merge';

let api: TestApi;
let store: AppStore;
let ed: Credentials;
const elementIds: Record<string, string> = {};

const get = (path: string) => as(api.app, ed, 'GET', path);
const merge = (into: string, duplicate: string, duplicateVersion = 0) =>
  mergeAs(api.app, ed, into, { duplicate, duplicateVersion, reason: 'one person' });

useTeamOnSeed({ ada: 'admin', ed: 'editor' }, (t) => {
  ({
    api,
    store,
    users: { ed },
  } = t);
});
beforeAll(async () => {
  // Three spellings of one person, each linked to the region.
  const rows = await cypher(
    `MATCH (g:Person {id: 'vyacheslav-gladkov'}), (place {id: 'belgorod-region'})
     UNWIND [['redir-a', 'Redir A'], ['redir-b', 'Redir B'], ['redir-c', 'Redir C']] AS p
     CREATE (d:Entity:Person {id: p[0], name: p[1], aliases: [], dataset: g.dataset})-[:LOCATED_IN]->(place)
     RETURN d.id AS id, elementId(d) AS e`,
  );
  for (const r of rows) elementIds[r.get('id') as string] = r.get('e') as string;
});

describe('a merged-away entity names its survivor', () => {
  it('answers 404 with mergedInto for its key, its element id and its expansion; the audit entry and the row land together', async () => {
    expect((await merge('redir-b', 'redir-a')).status).toBe(200);
    for (const path of ['/api/nodes/redir-a', `/api/nodes/${encodeURIComponent(elementIds['redir-a']!)}`]) {
      const r = await get(path);
      expect(r.status).toBe(404);
      expect(ErrorBodySchema.safeParse(r.body).success).toBe(true);
      expect(r.body.error.code).toBe('NOT_FOUND');
      expect(r.body.error.message).toMatch(/"Redir A" was merged into "Redir B" \(redir-b\) by ed/);
      expect(r.body.error.mergedInto).toMatchObject({
        id: elementIds['redir-b'],
        key: 'redir-b',
        name: 'Redir B',
        duplicate: 'Redir A',
        by: 'ed',
      });
    }
    const expand = await get('/api/nodes/redir-a/neighbours');
    expect(expand.status).toBe(404);
    expect(expand.body.error.mergedInto.key).toBe('redir-b');
    // Either end of a path: the path is looked for again from the survivor.
    for (const [q, end] of [
      ['from=redir-a&to=belgorod-region', 'from'],
      ['from=belgorod-region&to=redir-a', 'to'],
    ]) {
      const path = await get(`/api/paths?${q}`);
      expect(path.status).toBe(404);
      expect(path.body.error.param).toBe(end);
      expect(path.body.error.mergedInto).toMatchObject({ key: 'redir-b', duplicate: 'Redir A' });
    }
    expect((await get('/api/paths?from=redir-b&to=belgorod-region')).status).toBe(200);
    const audit = store.db
      .prepare("SELECT id FROM audit_entries WHERE action = 'node.merge' ORDER BY id DESC LIMIT 1")
      .get() as { id: number };
    const db = `${testNeo4j().uri}/${testNeo4j().database}`;
    expect(createMergeMap(store, db).lookup('redir-a')).toMatchObject({ auditId: audit.id, by: 'ed' });
    // The same store serving another database: its keys are its own.
    expect(createMergeMap(store, 'bolt://elsewhere/neo4j').lookup('redir-a')).toBeNull();
  });

  it('follows a chain to the last survivor', async () => {
    expect((await merge('redir-c', 'redir-b', 1)).status).toBe(200); // redir-b's version went up with the first merge
    for (const key of ['redir-a', 'redir-b']) {
      const r = await get(`/api/nodes/${key}`);
      expect(r.status).toBe(404);
      expect(r.body.error.mergedInto).toMatchObject({ key: 'redir-c', name: 'Redir C', id: elementIds['redir-c'] });
    }
    // The survivor itself reads as ever.
    expect((await get('/api/nodes/redir-c')).status).toBe(200);
  });

  it('never redirects an address that finds a node, and a plain missing node stays a plain 404', async () => {
    // An element id Neo4j handed out again: a row naming a live node's element id is not consulted.
    const [row] = await cypher("MATCH (g:Person {id: 'vyacheslav-gladkov'}) RETURN elementId(g) AS e");
    const reused = row!.get('e') as string;
    createMergeMap(store, `${testNeo4j().uri}/${testNeo4j().database}`).record({
      duplicate: { id: reused, key: null, name: 'Someone deleted' },
      survivor: { id: elementIds['redir-c']!, key: 'redir-c', name: 'Redir C' },
      at: new Date().toISOString(),
      by: 'ed',
      auditId: 0,
    });
    const live = await get(`/api/nodes/${encodeURIComponent(reused)}`);
    expect(live.status).toBe(200);
    expect(live.body.node.properties.name).toBe('Vyacheslav Gladkov');
    // A key given again to a new node: the new node.
    await cypher(
      "MATCH (g:Person {id: 'vyacheslav-gladkov'}) CREATE (:Entity:Person {id: 'redir-a', name: 'Redir A again', dataset: g.dataset})",
    );
    const again = await get('/api/nodes/redir-a');
    expect(again.status).toBe(200);
    expect(again.body.node.properties.name).toBe('Redir A again');
    const missing = await get('/api/nodes/no-such-node-anywhere');
    expect(missing.status).toBe(404);
    expect(missing.body.error.mergedInto).toBeUndefined();
    const noEnd = await get('/api/paths?from=no-such-node-anywhere&to=redir-c');
    expect(noEnd.status).toBe(404);
    expect(noEnd.body.error.mergedInto).toBeUndefined();
    expect(noEnd.body.error.param).toBe('from');
  });
});
