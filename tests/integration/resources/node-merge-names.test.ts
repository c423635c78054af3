/**
 * The readable names the loader and ingest keep beside a key (an article's `outlet` beside
 * `outlet_id`, its `authors` parallel to `author_ids`, a claim's caption `name` = "claimant: gist")
 * follow a merge to the survivor's name with the key, and an undo puts back those still saying
 * what the merge wrote. A caption that does not start with the duplicate's name and ': ' was
 * written by hand: a merge leaves it alone.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import type { TestApi } from '../../support/api';
import { as, type Credentials } from '../../support/auth';
import { useTeamOnSeed } from '../../support/team';
import { cypher, elementIdsOf, merge as mergeAs, unmerge as unmergeAs, version } from '../../support/merge';

let api: TestApi;
let admin: Credentials;
let ed: Credentials;

const PERSON = 'vyacheslav-gladkov';
const DUP_PERSON = 'names-v-gladkov';
const ORG = 'wall-street-journal';
const DUP_ORG = 'names-wsj';

/** The article's and the claims' keys and readable names, as they are now. */
const names = async () => {
  const rows = await cypher(
    `MATCH (a:Article {id: 'names-article'}), (c1:Claim {id: 'names-claim'}), (c2:Claim {id: 'names-claim-hand'})
     RETURN a.outlet_id AS outletId, a.outlet AS outlet, a.author_ids AS authorIds, a.authors AS authors,
            c1.claimant AS claimant, c1.name AS caption, c2.claimant AS handClaimant, c2.name AS handCaption`,
  );
  return rows[0]!.toObject();
};

const merge = (survivor: string, duplicate: string) =>
  mergeAs(api.app, ed, survivor, { duplicate, reason: 'one and the same' });
const unmerge = async (survivor: string, audit: number) =>
  unmergeAs(api.app, ed, survivor, { merge: audit, version: await version(survivor), reason: 'two after all' });

useTeamOnSeed({ ada: 'admin', ed: 'editor' }, (t) => {
  ({
    api,
    users: { ada: admin, ed },
  } = t);
});
beforeAll(async () => {
  // A second spelling of the governor and of the Journal, named by an article (as its outlet and
  // second author) and by two claims, in the shape the loader writes: one caption as the loader
  // makes it, one an editor rewrote (it names him, but not as "V. Gladkov: ").
  await cypher(
    `MATCH (g:Person {id: $person})
     CREATE (:Entity:Person {id: $dupPerson, name: 'V. Gladkov', aliases: [], dataset: g.dataset})
     CREATE (:Entity:Organization {id: $dupOrg, name: 'WSJ Europe', aliases: [], kind: 'newspaper', dataset: g.dataset})
     CREATE (:Article {id: 'names-article', title: 'Drones over the border', dataset: g.dataset, outlet_id: $dupOrg, outlet: 'WSJ Europe',
                       author_ids: ['ian-lovett', $dupPerson, 'someone', $dupPerson],
                       authors: ['Ian Lovett', 'V. Gladkov', 'Someone', 'V. Gladkov']})
     CREATE (:Claim {id: 'names-claim', statement: 'Three people were injured.', dataset: g.dataset,
                     claimant: $dupPerson, name: 'V. Gladkov: Three people were injured.'})
     CREATE (:Claim {id: 'names-claim-hand', statement: 'Shelling again.', dataset: g.dataset,
                     claimant: $dupPerson, name: 'V. Gladkov said: shelling again'})`,
    { person: PERSON, dupPerson: DUP_PERSON, dupOrg: DUP_ORG },
  );
});

describe('a merge renames what names the duplicate beside its key', () => {
  let personMerge: number;
  let orgMerge: number;

  it("sets an article's outlet and authors and a claim's caption to the survivor's name", async () => {
    const m = await merge(PERSON, DUP_PERSON);
    expect(m.status, JSON.stringify(m.body)).toBe(200);
    personMerge = m.body.audit;
    // Two author positions and two claimants: the names ride along, they are not counted apart.
    expect(m.body.referencesRewritten).toBe(3);
    // The nodes whose shown properties changed, each once, for the explorer to read again.
    expect([...m.body.rewritten].sort()).toEqual(
      await elementIdsOf(['names-article', 'names-claim', 'names-claim-hand']),
    );
    const o = await merge(ORG, DUP_ORG);
    expect(o.status, JSON.stringify(o.body)).toBe(200);
    orgMerge = o.body.audit;
    expect(o.body.rewritten).toEqual(await elementIdsOf(['names-article']));
    expect(await names()).toEqual({
      outletId: ORG,
      outlet: 'The Wall Street Journal',
      authorIds: ['ian-lovett', PERSON, 'someone', PERSON],
      authors: ['Ian Lovett', 'Vyacheslav Gladkov', 'Someone', 'Vyacheslav Gladkov'],
      claimant: PERSON,
      caption: 'Vyacheslav Gladkov: Three people were injured.',
      // The key follows; a caption not in the "name: gist" shape was written by hand and stays.
      handClaimant: PERSON,
      handCaption: 'V. Gladkov said: shelling again',
    });
  });

  it("finds the article by its survivor's name as outlet", async () => {
    const hits = async (q: string) => {
      const r = await as(api.app, ed, 'GET', `/api/search?q=${encodeURIComponent(q)}&limit=100`);
      expect(r.status).toBe(200);
      return (r.body.hits as { kind: string; node: { key: string | null } }[])
        .filter((h) => h.kind === 'article')
        .map((h) => h.node.key);
    };
    expect(await hits('Wall Street Journal')).toContain('names-article');
    expect(await hits('Europe')).not.toContain('names-article');
  });

  it('keeps the old names in the audit entry beside the keys', async () => {
    const audit = await as(api.app, admin, 'GET', `/api/audit?action=node.merge&target=${PERSON}`);
    const refs = audit.body.entries.find((e: { id: number }) => e.id === personMerge).detail.duplicate.references as {
      property: string;
      beside?: unknown;
    }[];
    expect(refs.map((r) => [r.property, r.beside ?? null]).sort()).toEqual([
      [
        'author_ids',
        { property: 'authors', at: [1, 3], before: ['V. Gladkov', 'V. Gladkov'], after: 'Vyacheslav Gladkov' },
      ],
      ['claimant', null],
      [
        'claimant',
        {
          property: 'name',
          before: 'V. Gladkov: Three people were injured.',
          after: 'Vyacheslav Gladkov: Three people were injured.',
        },
      ],
    ]);
  });

  it('undo merge puts the old names back where they still say what the merge wrote', async () => {
    // An editor rewrites the caption and one author's name after the merge: those edits stand.
    await cypher(
      `MATCH (c:Claim {id: 'names-claim'}) SET c.name = 'Governor Gladkov: three injured'
       WITH c MATCH (a:Article {id: 'names-article'}) SET a.authors = ['Ian Lovett', 'Vyacheslav Gladkov', 'Someone', 'V. G.']`,
    );
    const u = await unmerge(PERSON, personMerge);
    expect(u.status, JSON.stringify(u.body)).toBe(200);
    expect(u.body.referencesRestored).toBe(3);
    expect([...u.body.rewritten].sort()).toEqual(
      await elementIdsOf(['names-article', 'names-claim', 'names-claim-hand']),
    );
    const o = await unmerge(ORG, orgMerge);
    expect(o.status, JSON.stringify(o.body)).toBe(200);
    expect(await names()).toEqual({
      outletId: DUP_ORG,
      outlet: 'WSJ Europe',
      authorIds: ['ian-lovett', DUP_PERSON, 'someone', DUP_PERSON],
      authors: ['Ian Lovett', 'V. Gladkov', 'Someone', 'V. G.'],
      claimant: DUP_PERSON,
      caption: 'Governor Gladkov: three injured',
      handClaimant: DUP_PERSON,
      handCaption: 'V. Gladkov said: shelling again',
    });
  });
});
