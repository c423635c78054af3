/**
 * Merging a duplicate entity into another: its relationships move with their provenance, its
 * names become aliases, it is deleted and audited whole; every refusal writes nothing.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import type { TestApi } from '../../support/api';
import { as, type Credentials } from '../../support/auth';
import { useTeamOnSeed } from '../../support/team';
import { cypher, merge as mergeAs } from '../../support/merge';

let api: TestApi;
let admin: Credentials;
let ed: Credentials;
let viewer: Credentials;

const SURVIVOR = 'vyacheslav-gladkov';
const DUP = 'v-gladkov-duplicate';
const ARTICLE = 'wsj-2023-04-21-russia-mistakenly-bombs-own-city';
const CLAIM = 'claim-russia-su34-accidental-drop-belgorod';

/** Everything about the two nodes and their relationships, as one string: "nothing was written". */
const snapshot = async () =>
  JSON.stringify(
    (
      await cypher(
        `MATCH (n) WHERE n.id IN [$a, $b, 'not-ours-dup']
         OPTIONAL MATCH (n)-[r]-(o)
         WITH n, o, r ORDER BY type(r), o.id, r.evidence_quotes
         RETURN n.id AS id, properties(n) AS p, labels(n) AS l,
                collect([type(r), startNode(r) = n, o.id, properties(r)]) AS rels ORDER BY id`,
        { a: SURVIVOR, b: DUP },
      )
    ).map((r) => r.toObject()),
  );

useTeamOnSeed({ ada: 'admin', ed: 'editor', vic: 'viewer' }, (t) => {
  ({
    api,
    users: { ada: admin, ed, vic: viewer },
  } = t);
});
beforeAll(async () => {
  // A second spelling of the governor, as a second article would have brought in: linked to a
  // region (with provenance, a date among it), claimed about, and linked to the governor himself.
  await cypher(
    `MATCH (g:Person {id: $g}), (place {id: 'belgorod-region'}), (c:Claim {id: $claim})
     CREATE (d:Entity:Person {id: $dup, name: 'V. Gladkov', aliases: ['Mr. Gladkov', 'Vyacheslav Gladkov'],
             description: 'Belgorod governor (second spelling).', dataset: g.dataset})
     CREATE (d)-[:GOVERNOR_OF {evidence_articles: [$article], evidence_quotes: ['Vyacheslav Gladkov, governor of the region'],
             evidence_starts: [823], evidence_ends: [865], article: $article, quote: 'governor of the region',
             accepted_by: 'ed', accepted_at: datetime('2024-01-02T03:04:05Z')}]->(place)
     CREATE (c)-[:ABOUT {article: $article, start: 10, end: 20}]->(d)
     CREATE (d)-[:GOVERNOR_OF {note: 'between the two'}]->(g)`,
    { g: SURVIVOR, dup: DUP, article: ARTICLE, claim: CLAIM },
  );
});

const merge = (who: Credentials, into: string, body: Record<string, unknown>) => mergeAs(api.app, who, into, body);
const ok = { duplicate: DUP, version: 0, duplicateVersion: 0, reason: 'same person, two spellings' };

describe('entity merge: refusals write nothing', () => {
  it('refuses viewers (403)', async () => {
    const before = await snapshot();
    expect((await merge(viewer, SURVIVOR, ok)).status).toBe(403);
    expect(await snapshot()).toBe(before);
  });

  it('refuses a missing reason, itself, another kind, and a node the app did not load (400 naming the field)', async () => {
    const before = await snapshot();
    const noReason = await merge(ed, SURVIVOR, { ...ok, reason: ' ' });
    expect(noReason.status).toBe(400);
    expect(noReason.body.error.message).toMatch(/body\.reason/);
    const self = await merge(ed, SURVIVOR, { ...ok, duplicate: SURVIVOR });
    expect(self.status).toBe(400);
    expect(self.body.error.message).toMatch(/body\.duplicate/);
    const selfById = (await cypher('MATCH (n {id: $id}) RETURN elementId(n) AS e', { id: SURVIVOR }))[0]!.get('e');
    expect((await merge(ed, SURVIVOR, { ...ok, duplicate: selfById })).status).toBe(400);
    const place = await merge(ed, SURVIVOR, { ...ok, duplicate: 'belgorod-region' });
    expect(place.status).toBe(400);
    expect(place.body.error.message).toMatch(/body\.duplicate.*same kind/);
    await cypher("CREATE (:Entity:Person {id: 'not-ours-dup', name: 'x'})");
    const foreign = await merge(ed, SURVIVOR, { ...ok, duplicate: 'not-ours-dup' });
    expect(foreign.status).toBe(400);
    expect(foreign.body.error.message).toMatch(/body\.duplicate.*only entities this app loaded/);
    const into = await merge(ed, 'not-ours-dup', { ...ok, duplicate: SURVIVOR });
    expect(into.status).toBe(400);
    expect(into.body.error.message).toMatch(/\bid\b.*only entities this app loaded/);
    await cypher("MATCH (n {id: 'not-ours-dup'}) DELETE n");
    expect(await snapshot()).toBe(before);
  });

  it('answers 404 for a missing survivor or duplicate, 409 for a stale version of either', async () => {
    const before = await snapshot();
    expect((await merge(ed, 'no-such-node', ok)).status).toBe(404);
    expect((await merge(ed, SURVIVOR, { ...ok, duplicate: 'no-such-node' })).status).toBe(404);
    const stale = await merge(ed, SURVIVOR, { ...ok, version: 7 });
    expect(stale.status).toBe(409);
    expect(stale.body.error).toMatchObject({ code: 'CONFLICT', of: 'survivor', version: 0 });
    expect(stale.body.error.properties.name).toBe('Vyacheslav Gladkov');
    const staleDup = await merge(ed, SURVIVOR, { ...ok, duplicateVersion: 2 });
    expect(staleDup.status).toBe(409);
    expect(staleDup.body.error).toMatchObject({ of: 'duplicate', version: 0 });
    expect(await snapshot()).toBe(before);
  });
});

describe('entity merge', () => {
  it('moves every relationship with its provenance, adds the names as aliases, deletes the duplicate, audits it whole', async () => {
    const movedBefore = await cypher(`MATCH (g {id: $g})-[r]-() RETURN count(r) AS c`, { g: SURVIVOR });
    const r = await merge(ed, SURVIVOR, ok);
    expect(r.status, JSON.stringify(r.body)).toBe(200);
    expect(r.body).toMatchObject({ version: 1, moved: 2, dropped: 1, duplicate: { key: DUP } });
    expect(r.body.aliasesAdded).toEqual(['V. Gladkov']); // 'Mr. Gladkov' is already one; his own name is not an alias
    expect(r.body.properties).toMatchObject({ version: 1, edited_by: 'ed' });
    expect(r.body.properties.aliases).toContain('V. Gladkov');
    expect(new Set(r.body.properties.aliases).size).toBe(r.body.properties.aliases.length);
    // What the explorer draws at once: the two moved relationships, on the survivor, with their ends.
    const drawn = r.body.movedGraph as {
      nodes: { id: string; key: string }[];
      edges: { id: string; type: string; source: string; target: string }[];
    };
    expect(drawn.edges.map((e) => e.type).sort()).toEqual(['ABOUT', 'GOVERNOR_OF']);
    for (const e of drawn.edges) expect([e.source, e.target]).toContain(r.body.id);
    expect(drawn.nodes.map((n) => n.key).sort()).toEqual(['belgorod-region', CLAIM, SURVIVOR].sort());
    const live = await cypher('MATCH ()-[x]->() WHERE elementId(x) IN $ids RETURN count(x) AS n', {
      ids: drawn.edges.map((e) => e.id),
    });
    expect(Number(live[0]!.get('n'))).toBe(2);

    expect(await cypher('MATCH (n {id: $id}) RETURN n', { id: DUP })).toHaveLength(0);
    const after = await cypher(`MATCH (g {id: $g})-[r]-() RETURN count(r) AS c`, { g: SURVIVOR });
    // Two moved in; the one between the two (counted before) is gone.
    expect(Number(after[0]!.get('c'))).toBe(Number(movedBefore[0]!.get('c')) + 2 - 1);
    // Provenance unchanged, with its types (the datetime is still a datetime, offsets integers).
    const gov = await cypher(
      `MATCH (g {id: $g})-[r:GOVERNOR_OF]->({id: 'belgorod-region'}) WHERE r.accepted_by = 'ed'
       RETURN r.evidence_quotes AS q, r.evidence_starts AS s, r.quote AS quote, r.article AS a,
              r.accepted_at = datetime('2024-01-02T03:04:05Z') AS sameTime, valueType(r.evidence_starts) AS t`,
      { g: SURVIVOR },
    );
    expect(gov).toHaveLength(1);
    expect(gov[0]!.toObject()).toMatchObject({
      q: ['Vyacheslav Gladkov, governor of the region'],
      quote: 'governor of the region',
      a: ARTICLE,
      sameTime: true,
      t: 'LIST<INTEGER NOT NULL> NOT NULL',
    });
    const about = await cypher(
      `MATCH ({id: $c})-[r:ABOUT {article: $a}]->(g {id: $g}) WHERE r.start = 10 RETURN r.end AS e`,
      {
        c: CLAIM,
        a: ARTICLE,
        g: SURVIVOR,
      },
    );
    expect(about).toHaveLength(1);
    expect(await cypher(`MATCH (g {id: $g})-[r {note: 'between the two'}]-() RETURN r`, { g: SURVIVOR })).toHaveLength(
      0,
    );

    const audit = await as(api.app, admin, 'GET', `/api/audit?action=node.merge&target=${SURVIVOR}`);
    expect(audit.body.entries).toHaveLength(1);
    const e = audit.body.entries[0];
    expect(e).toMatchObject({
      actor: 'ed',
      before: { version: 0 },
      after: { version: 1 },
      detail: { reason: 'same person, two spellings', moved: 2, dropped: 1 },
    });
    expect(e.detail.duplicate).toMatchObject({
      key: DUP,
      labels: expect.arrayContaining(['Entity', 'Person']),
      properties: { name: 'V. Gladkov', description: 'Belgorod governor (second spelling).' },
    });
    const rels = e.detail.duplicate.relationships as {
      type: string;
      direction: string;
      other: { key: string };
      moved: boolean;
      properties: Record<string, unknown>;
    }[];
    expect(rels).toHaveLength(3);
    expect(rels.find((x) => x.type === 'ABOUT')).toMatchObject({ direction: 'in', other: { key: CLAIM }, moved: true });
    expect(rels.find((x) => x.other.key === 'belgorod-region')).toMatchObject({
      direction: 'out',
      moved: true,
      properties: { evidence_starts: [823], accepted_by: 'ed' },
    });
    expect(rels.find((x) => x.other.key === SURVIVOR)).toMatchObject({ moved: false });
  });

  it('no longer finds the duplicate: search and the node endpoint', async () => {
    const s = await as(api.app, viewer, 'GET', '/api/search?q=V.%20Gladkov');
    expect(s.status).toBe(200);
    const keys = s.body.hits.map((h: { node: { key: string } }) => h.node.key);
    expect(keys).not.toContain(DUP);
    expect(keys[0]).toBe(SURVIVOR); // found by its new alias
    expect((await as(api.app, viewer, 'GET', `/api/nodes/${DUP}`)).status).toBe(404);
  });
});
