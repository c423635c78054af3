/**
 * Properties that name an entity by its key (`according_to` on a relationship, an event's
 * `casualties_reported_by`, a claim's `claimant`, an article's `outlet_id`) follow a merge to the
 * survivor within the merged entities' dataset, and an undo puts back exactly those that still
 * name the survivor; other datasets and nodes the app did not load are never touched.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { TestApi } from '../../support/api';
import type { Credentials } from '../../support/auth';
import { useTeamOnSeed } from '../../support/team';
import { cypher, elementIdsOf, latestAudit, merge, unmerge, version } from '../../support/merge';

let api: TestApi;
let admin: Credentials;
let ed: Credentials;

const SURVIVOR = 'tass';
const DUP = 'tass-second-spelling';
const EVENT = 'bakhmut-supply-route-capture-2023-04-21';
const ATTRIBUTION = readFileSync(join(__dirname, '../../../cypher/queries/attribution-of-strikes.cypher'), 'utf8');

/** Every reference this file set up, by where it is: its current value. */
const references = async () => {
  const rows = await cypher(
    `MATCH (e:Event {id: $event})-[att:ATTRIBUTED_TO]->(:Entity {id: 'russian-armed-forces'})
     MATCH (c:Claim {id: 'refs-claim'}), (a:Article {id: 'refs-article'})
     MATCH (oe {id: 'refs-other-event'})-[oatt:ATTRIBUTED_TO]->(oo {id: 'refs-other-org'})
     MATCH (e)-[mixed:TARGETED]->(oo)
     MATCH (f {id: 'refs-foreign-event'})
     OPTIONAL MATCH (by:Entity)-[rep:REPORTED {note: 'refs'}]->(e)
     RETURN att.according_to AS attribution, e.casualties_reported_by AS casualties, c.claimant AS claimant,
            a.outlet_id AS outlet, rep.according_to AS moved, by.id AS movedOn,
            [oatt.according_to, oe.casualties_reported_by, mixed.according_to, f.casualties_reported_by] AS untouched`,
    { event: EVENT },
  );
  return rows[0]!.toObject();
};

useTeamOnSeed({ ada: 'admin', ed: 'editor' }, (t) => {
  ({
    api,
    users: { ada: admin, ed },
  } = t);
});
beforeAll(async () => {
  // A second TASS, named as the source of the Bakhmut attribution and of that event's casualty
  // figures, as a claimant and as an article's outlet; one of its own links names it too. Another
  // dataset, a link across datasets and a node the app did not load name it as well.
  await cypher(
    `MATCH (t:Organization {id: $s}), (e:Event {id: $event})-[att:ATTRIBUTED_TO]->(:Entity {id: 'russian-armed-forces'})
     CREATE (d:Entity:Organization {id: $dup, name: 'TASS news agency', aliases: [], kind: 'news-agency', dataset: t.dataset})
     SET att.according_to = $dup, e.casualties_reported_by = $dup
     CREATE (d)-[:REPORTED {note: 'refs', according_to: $dup}]->(e)
     CREATE (c:Claim {id: 'refs-claim', statement: 'x', claimant: $dup, dataset: t.dataset})
     CREATE (d)-[:MADE]->(c)
     CREATE (:Article {id: 'refs-article', title: 'x', outlet_id: $dup, dataset: t.dataset})
     CREATE (oe:Entity:Event {id: 'refs-other-event', name: 'elsewhere', casualties_reported_by: $dup, dataset: 'other'})
     CREATE (oo:Entity:Organization {id: 'refs-other-org', name: 'other org', dataset: 'other'})
     CREATE (oe)-[:ATTRIBUTED_TO {according_to: $dup}]->(oo)
     CREATE (e)-[:TARGETED {according_to: $dup}]->(oo)
     CREATE (:Event {id: 'refs-foreign-event', casualties_reported_by: $dup})`,
    { s: SURVIVOR, dup: DUP, event: EVENT },
  );
});

/** The element ids of the Bakhmut attribution and of the REPORTED link set up here (wherever it now starts). */
const relationshipIds = async () => {
  const rows = await cypher(
    `MATCH (e:Event {id: $event})-[att:ATTRIBUTED_TO]->(:Entity {id: 'russian-armed-forces'})
     MATCH ()-[rep:REPORTED {note: 'refs'}]->(e)
     RETURN elementId(att) AS att, elementId(rep) AS rep`,
    { event: EVENT },
  );
  return rows[0]!.toObject() as { att: string; rep: string };
};

describe('a merge rewrites the references to the duplicate', () => {
  let mergeId: number;

  it('names the survivor wherever the dataset named the duplicate by key, and nowhere else', async () => {
    const before = await references();
    expect(before).toMatchObject({ attribution: DUP, casualties: DUP, claimant: DUP, outlet: DUP, moved: DUP });
    const m = await merge(api.app, ed, SURVIVOR, {
      duplicate: DUP,
      version: await version(SURVIVOR),
      reason: 'same agency',
    });
    expect(m.status, JSON.stringify(m.body)).toBe(200);
    // The Bakhmut attribution, the casualty source, the claimant, the outlet and the moved link's own source.
    expect(m.body.referencesRewritten).toBe(5);
    // The nodes among them (the relationships are not listed), for the explorer to read again.
    expect([...m.body.rewritten].sort()).toEqual(await elementIdsOf([EVENT, 'refs-claim', 'refs-article']));
    // And the relationships, for the explorer to read again those it shows: the attribution, the moved copy.
    const rels = await relationshipIds();
    expect([...m.body.rewrittenRelationships].sort()).toEqual([rels.att, rels.rep].sort());
    expect(await references()).toEqual({
      attribution: SURVIVOR,
      casualties: SURVIVOR,
      claimant: SURVIVOR,
      outlet: SURVIVOR,
      moved: SURVIVOR,
      movedOn: SURVIVOR,
      untouched: [DUP, DUP, DUP, DUP],
    });
    const entry = await latestAudit(api.app, admin, 'node.merge', SURVIVOR);
    mergeId = entry.id;
    expect(entry.detail.referencesRewritten).toBe(5);
    const kept = entry.detail.duplicate.references as { on: string; property: string }[];
    expect(kept.map((r) => `${r.on}.${r.property}`).sort()).toEqual([
      'node.casualties_reported_by',
      'node.claimant',
      'node.outlet_id',
      'relationship.according_to',
      'relationship.according_to',
    ]);
  });

  it('keeps the saved queries that join on the key finding their source', async () => {
    const rows = (await cypher(ATTRIBUTION)).map((r) => r.toObject());
    const bakhmut = rows.find((r) => (r.e as { properties: { id: string } }).properties.id === EVENT);
    expect(bakhmut?.accordingTo).toBe('TASS');
    const casualties = await cypher(
      'MATCH (e:Event {id: $event}) OPTIONAL MATCH (src:Entity {id: e.casualties_reported_by}) RETURN src.name AS n',
      { event: EVENT },
    );
    expect(casualties[0]!.get('n')).toBe('TASS');
  });

  it('undo merge puts back exactly those still naming the survivor; one changed since stays as it is', async () => {
    // An editor re-points the claim after the merge: the undo leaves that edit alone.
    await cypher("MATCH (c:Claim {id: 'refs-claim'}) SET c.claimant = 'someone-else'");
    const u = await unmerge(api.app, ed, SURVIVOR, {
      merge: mergeId,
      version: await version(SURVIVOR),
      reason: 'two agencies after all',
    });
    expect(u.status, JSON.stringify(u.body)).toBe(200);
    expect(u.body.referencesRestored).toBe(4);
    // The claim re-pointed since is not the undo's: it is not listed.
    expect([...u.body.rewritten].sort()).toEqual(await elementIdsOf([EVENT, 'refs-article']));
    expect(u.body.rewrittenRelationships).toContain((await relationshipIds()).att);
    expect(await references()).toEqual({
      attribution: DUP,
      casualties: DUP,
      claimant: 'someone-else',
      outlet: DUP,
      moved: DUP,
      movedOn: DUP,
      untouched: [DUP, DUP, DUP, DUP],
    });
    const rows = (await cypher(ATTRIBUTION)).map((r) => r.toObject());
    const bakhmut = rows.find((r) => (r.e as { properties: { id: string } }).properties.id === EVENT);
    expect(bakhmut?.accordingTo).toBe('TASS news agency');
  });
});
