/**
 * Undoing a merge from its audit entry: the duplicate comes back with its labels, properties
 * (integers as integers) and relationships (their evidence, with its types), the survivor's
 * aliases and relationships are as before, the old key reads normally; every refusal writes nothing.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import type { TestApi } from '../../support/api';
import { as, type Credentials } from '../../support/auth';
import { useTeamOnSeed } from '../../support/team';
import { cypher, latestAudit, merge as mergeAs, unmerge as unmergeAs, version as versionOf } from '../../support/merge';

let api: TestApi;
let admin: Credentials;
let ed: Credentials;
let viewer: Credentials;

const SURVIVOR = 'vyacheslav-gladkov';
const DUP = 'v-gladkov-unmerge';
const ARTICLE = 'wsj-2023-04-21-russia-mistakenly-bombs-own-city';
const CLAIM = 'claim-russia-su34-accidental-drop-belgorod';
/** The survivor's edit bookkeeping, which an undo moves on (its version, who, when). */
const BOOKKEEPING = ['version', 'edited_by', 'edited_at'];

/**
 * The two nodes and all their relationships, each value with its Neo4j type, as one string. With
 * `all`, the survivor's bookkeeping too ("nothing was written"); without, "as before the merge".
 */
const snapshot = async (all = true) => {
  const rows = await cypher(
    `MATCH (n) WHERE n.id IN [$a, $b]
     OPTIONAL MATCH (n)-[r]-(o)
     WITH n, collect([type(r), startNode(r) = n, o.id, [k IN keys(r) | [k, r[k], valueType(r[k])]]]) AS rels
     RETURN n.id AS id, labels(n) AS l,
            [k IN keys(n) WHERE $all OR n.id = $b OR NOT k IN $skip | [k, n[k], valueType(n[k])]] AS p,
            rels ORDER BY id`,
    { a: SURVIVOR, b: DUP, all, skip: BOOKKEEPING },
  );
  const sorted = (xs: unknown[]) => xs.map((x) => JSON.stringify(x)).sort();
  return JSON.stringify(
    rows.map((r) => {
      const o = r.toObject() as { id: string; l: string[]; p: unknown[][]; rels: unknown[][] };
      return {
        id: o.id,
        l: [...o.l].sort(),
        p: sorted(o.p),
        rels: sorted(o.rels.map((x) => [x[0], x[1], x[2], sorted(x[3] as unknown[])])),
      };
    }),
  );
};

const merge = (body: Record<string, unknown>) =>
  mergeAs(api.app, ed, SURVIVOR, { duplicate: DUP, reason: 'same person', ...body });
const unmerge = (who: Credentials, at: string, body: Record<string, unknown>) => unmergeAs(api.app, who, at, body);
const version = () => versionOf(SURVIVOR);

let beforeMerge: string;
let mergeId: number;

useTeamOnSeed({ ada: 'admin', ed: 'editor', vic: 'viewer' }, (t) => {
  ({
    api,
    users: { ada: admin, ed, vic: viewer },
  } = t);
});
beforeAll(async () => {
  // A second spelling with an integer and a datetime of its own, evidence with integer offsets and
  // a datetime, a claim about it, and a link to the survivor (which a merge drops).
  await cypher(
    `MATCH (g:Person {id: $g}), (place {id: 'belgorod-region'}), (c:Claim {id: $claim})
     CREATE (d:Entity:Person {id: $dup, name: 'V. Gladkov', aliases: ['Mr. Gladkov', 'Slava'], mentions: 3,
             weight: 0.5, description: 'Belgorod governor (second spelling).', dataset: g.dataset,
             edited_at: datetime('2024-05-06T07:08:09.123Z'), version: 2, edited_by: 'ed'})
     CREATE (d)-[:GOVERNOR_OF {evidence_articles: [$article], evidence_quotes: ['Vyacheslav Gladkov, governor of the region'],
             evidence_starts: [823], evidence_ends: [865], article: $article, quote: 'governor of the region',
             accepted_by: 'ed', accepted_at: datetime('2024-01-02T03:04:05Z')}]->(place)
     CREATE (c)-[:ABOUT {article: $article, start: 10, end: 20}]->(d)
     CREATE (d)-[:GOVERNOR_OF {note: 'between the two', start: 4, accepted_at: datetime('2024-02-03T04:05:06Z')}]->(g)`,
    { g: SURVIVOR, dup: DUP, article: ARTICLE, claim: CLAIM },
  );
  beforeMerge = await snapshot(false);
  const m = await merge({ version: await version(), duplicateVersion: 2 });
  expect(m.status, JSON.stringify(m.body)).toBe(200);
  const entry = await latestAudit(api.app, admin, 'node.merge', SURVIVOR);
  mergeId = entry.id;
  // Not undone yet: the audit view offers the undo.
  expect(entry.undone).toBeNull();
});

describe('undoing a merge: refusals write nothing', () => {
  it('refuses viewers, a missing reason, an entry that is not a merge into this entity (400)', async () => {
    const before = await snapshot();
    const v = await version();
    expect((await unmerge(viewer, SURVIVOR, { merge: mergeId, version: v, reason: 'x' })).status).toBe(403);
    const noReason = await unmerge(ed, SURVIVOR, { merge: mergeId, version: v, reason: ' ' });
    expect(noReason.status).toBe(400);
    expect(noReason.body.error.message).toMatch(/body\.reason/);
    for (const merge of [999_999, mergeId + 1_000]) {
      const wrong = await unmerge(ed, SURVIVOR, { merge, version: v, reason: 'x' });
      expect(wrong.status).toBe(400);
      expect(wrong.body.error.message).toMatch(/body\.merge/);
    }
    const elsewhere = await unmerge(ed, 'belgorod-region', { merge: mergeId, version: 0, reason: 'x' });
    expect(elsewhere.status).toBe(400);
    expect(elsewhere.body.error.message).toMatch(/body\.merge.*another entity/);
    expect((await unmerge(ed, 'no-such-node', { merge: mergeId, version: v, reason: 'x' })).status).toBe(404);
    expect(await snapshot()).toBe(before);
  });

  it('refuses a stale version, a taken key, a moved relationship changed since (409)', async () => {
    const before = await snapshot();
    const v = await version();
    const stale = await unmerge(ed, SURVIVOR, { merge: mergeId, version: v - 1, reason: 'x' });
    expect(stale.status).toBe(409);
    expect(stale.body.error).toMatchObject({ code: 'CONFLICT', of: 'survivor', version: v });
    await cypher("CREATE (:Entity:Person {id: $dup, name: 'squatter'})", { dup: DUP });
    const taken = await unmerge(ed, SURVIVOR, { merge: mergeId, version: v, reason: 'x' });
    expect(taken.status).toBe(409);
    expect(taken.body.error.message).toMatch(/key/);
    await cypher("MATCH (n {id: $dup, name: 'squatter'}) DELETE n", { dup: DUP });
    const after = await snapshot();
    await cypher(`MATCH ({id: $c})-[r:ABOUT]->({id: $g}) WHERE r.start = 10 SET r.start = 11`, {
      c: CLAIM,
      g: SURVIVOR,
    });
    const changed = await unmerge(ed, SURVIVOR, { merge: mergeId, version: v, reason: 'x' });
    expect(changed.status).toBe(409);
    expect(changed.body.error.message).toMatch(/ABOUT.*changed or removed/);
    await cypher(`MATCH ({id: $c})-[r:ABOUT]->({id: $g}) WHERE r.start = 11 SET r.start = 10`, {
      c: CLAIM,
      g: SURVIVOR,
    });
    expect(after).toBe(before);
    expect(await snapshot()).toBe(before);
  });
});

describe('undoing a merge', () => {
  it('gives back the duplicate, its relationships with their evidence, the survivor as before; audits it', async () => {
    const v = await version();
    const r = await unmerge(ed, SURVIVOR, { merge: mergeId, version: v, reason: 'two people after all' });
    expect(r.status, JSON.stringify(r.body)).toBe(200);
    expect(r.body).toMatchObject({ version: v + 1, movedBack: 2, recreated: 1, duplicate: { key: DUP } });
    expect(r.body.properties).toMatchObject({ version: v + 1, edited_by: 'ed' });
    expect(r.body.properties.aliases).not.toContain('V. Gladkov');
    // What the explorer redraws: the survivor's moved relationships are gone, the duplicate is back with its own.
    expect(r.body.removed).toHaveLength(2);
    const gone = await cypher('MATCH ()-[x]->() WHERE elementId(x) IN $ids RETURN count(x) AS n', {
      ids: r.body.removed,
    });
    expect(Number(gone[0]!.get('n'))).toBe(0);
    const restored = r.body.restored as {
      nodes: { id: string; key: string }[];
      edges: { source: string; target: string }[];
    };
    expect(restored.nodes.map((n) => n.key)).toEqual(expect.arrayContaining([DUP, SURVIVOR, CLAIM, 'belgorod-region']));
    expect(restored.edges).toHaveLength(3);
    for (const e of restored.edges) expect([e.source, e.target]).toContain(r.body.duplicate.id);
    // Labels, properties with their types (3 an integer, 0.5 a float, the datetimes datetimes) and
    // every relationship with its evidence, exactly as before the merge.
    expect(await snapshot(false)).toBe(beforeMerge);
    const types = await cypher(
      `MATCH (d {id: $dup})-[r:GOVERNOR_OF]->({id: 'belgorod-region'})
       RETURN valueType(d.mentions) AS m, valueType(d.edited_at) AS e, valueType(r.evidence_starts) AS s`,
      { dup: DUP },
    );
    expect(types[0]!.toObject()).toEqual({
      m: 'INTEGER NOT NULL',
      e: 'ZONED DATETIME NOT NULL',
      s: 'LIST<INTEGER NOT NULL> NOT NULL',
    });
    // The old key reads normally: no redirect to the survivor any more.
    const read = await as(api.app, viewer, 'GET', `/api/nodes/${DUP}`);
    expect(read.status).toBe(200);
    expect(JSON.stringify(read.body)).toContain('V. Gladkov');
    const audit = await as(api.app, admin, 'GET', `/api/audit?action=node.unmerge&target=${SURVIVOR}`);
    expect(audit.body.entries).toHaveLength(1);
    expect(audit.body.entries[0]).toMatchObject({
      actor: 'ed',
      before: { version: v },
      after: { version: v + 1 },
      detail: { merge: mergeId, reason: 'two people after all', movedBack: 2, recreated: 1, duplicate: { key: DUP } },
    });
    // The merge's entry says it was undone, by whom and when (the merge map's mark).
    const merges = await as(api.app, admin, 'GET', `/api/audit?action=node.merge&target=${SURVIVOR}`);
    const undo = audit.body.entries[0];
    expect(merges.body.entries.find((x: { id: number }) => x.id === mergeId).undone).toEqual({
      id: undo.id,
      actor: 'ed',
      at: undo.at,
    });
    // Other actions carry no such field.
    expect(undo.undone).toBeUndefined();
  });

  it('refuses to undo it twice (409), writing nothing', async () => {
    const before = await snapshot();
    const twice = await unmerge(ed, SURVIVOR, { merge: mergeId, version: await version(), reason: 'again' });
    expect(twice.status).toBe(409);
    expect(twice.body.error.message).toMatch(/undone already/);
    expect(await snapshot()).toBe(before);
  });

  it('refuses when the survivor was edited since the merge, naming who (409), writing nothing', async () => {
    const dv = await versionOf(DUP);
    const again = await merge({ version: await version(), duplicateVersion: dv });
    expect(again.status, JSON.stringify(again.body)).toBe(200);
    const second = (await latestAudit(api.app, admin, 'node.merge', SURVIVOR)).id as number;
    const edit = await as(api.app, admin, 'PATCH', `/api/nodes/${SURVIVOR}`, {
      version: await version(),
      set: { description: 'edited after the merge' },
    });
    expect(edit.status, JSON.stringify(edit.body)).toBe(200);
    const before = await snapshot();
    const refused = await unmerge(ed, SURVIVOR, { merge: second, version: await version(), reason: 'x' });
    expect(refused.status).toBe(409);
    expect(refused.body.error.message).toMatch(/changed since the merge.*by ada/);
    const edits = await as(api.app, admin, 'GET', `/api/audit?action=node.edit&target=${SURVIVOR}`);
    const notMerge = await unmerge(ed, SURVIVOR, {
      merge: edits.body.entries[0].id,
      version: await version(),
      reason: 'x',
    });
    expect(notMerge.status).toBe(400);
    expect(await snapshot()).toBe(before);
  });
});

describe('undoing merges in a chain', () => {
  it('undoes B into C, then A into B although B came back with a new element id', async () => {
    await cypher(
      `MATCH (g:Person {id: $g}), (place {id: 'belgorod-region'})
       UNWIND ['chain-a', 'chain-b', 'chain-c'] AS k
       CREATE (d:Entity:Person {id: k, name: k, aliases: [], dataset: g.dataset})
       WITH d, place WHERE d.id = 'chain-a'
       CREATE (d)-[:LOCATED_IN {evidence_starts: [1, 2]}]->(place)`,
      { g: SURVIVOR },
    );
    const chainMerge = async (into: string, duplicate: string, duplicateVersion = 0) => {
      const r = await mergeAs(api.app, ed, into, { duplicate, duplicateVersion, reason: 'chain' });
      expect(r.status, JSON.stringify(r.body)).toBe(200);
      return {
        id: (await latestAudit(api.app, admin, 'node.merge', into)).id as number,
        version: r.body.version as number,
      };
    };
    const ab = await chainMerge('chain-b', 'chain-a');
    expect(ab.version).toBe(1);
    const bc = await chainMerge('chain-c', 'chain-b', 1);
    const undoBC = await unmerge(ed, 'chain-c', { merge: bc.id, version: bc.version, reason: 'not the same' });
    expect(undoBC.status, JSON.stringify(undoBC.body)).toBe(200);
    const undoAB = await unmerge(ed, 'chain-b', { merge: ab.id, version: 1, reason: 'not the same either' });
    expect(undoAB.status, JSON.stringify(undoAB.body)).toBe(200);
    const back = await cypher(
      `MATCH (a {id: 'chain-a'})-[r:LOCATED_IN]->({id: 'belgorod-region'})
       OPTIONAL MATCH ({id: 'chain-b'})-[x]-() OPTIONAL MATCH ({id: 'chain-c'})-[y]-()
       RETURN valueType(r.evidence_starts) AS t, count(x) AS bx, count(y) AS cy`,
    );
    expect(back[0]!.toObject()).toMatchObject({ t: 'LIST<INTEGER NOT NULL> NOT NULL' });
    expect(Number(back[0]!.get('bx')) + Number(back[0]!.get('cy'))).toBe(0);
    for (const k of ['chain-a', 'chain-b', 'chain-c'])
      expect((await as(api.app, viewer, 'GET', `/api/nodes/${k}`)).status).toBe(200);
  });
});
