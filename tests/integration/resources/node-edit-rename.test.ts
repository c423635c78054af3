/**
 * Renaming a person or an organization through the node edit changes its name where the dataset
 * shows it beside its key (an article's `outlet` and `authors`, a claim's caption "name: gist"),
 * in the edit's transaction, each listed in its audit entry; a caption in another shape was
 * written by hand and stays. On the seeded graph, as the loader wrote it.
 */
import { describe, expect, it } from 'vitest';
import type { TestApi } from '../../support/api';
import { as, type Credentials } from '../../support/auth';
import { useTeamOnSeed } from '../../support/team';
import { cypher, elementIdsOf, latestAudit, version } from '../../support/merge';

let api: TestApi;
let admin: Credentials;
let ed: Credentials;

const ARTICLE = 'wsj-2023-04-21-russia-mistakenly-bombs-own-city';
const GOVERNOR = 'vyacheslav-gladkov';

const article = async () =>
  (
    await cypher('MATCH (a:Article {id: $id}) RETURN a.outlet AS outlet, a.authors AS authors', { id: ARTICLE })
  )[0]!.toObject();
/** The governor's claims' captions, by claim id. */
const captions = async () =>
  Object.fromEntries(
    (await cypher('MATCH (c:Claim {claimant: $id}) RETURN c.id AS id, c.name AS name', { id: GOVERNOR })).map((r) => [
      r.get('id') as string,
      r.get('name') as string,
    ]),
  );
const rename = async (id: string, name: string) =>
  as(api.app, ed, 'PATCH', `/api/nodes/${id}`, { version: await version(id), set: { name }, reason: 'full name' });
const lastEdit = async (target: string) => (await latestAudit(api.app, admin, 'node.edit', target)).detail;

useTeamOnSeed({ ada: 'admin', ed: 'editor' }, (t) => {
  ({
    api,
    users: { ada: admin, ed },
  } = t);
});

describe('a rename shows where the dataset names the entity by key', () => {
  it("renames an article's outlet and author", async () => {
    expect(await article()).toEqual({ outlet: 'The Wall Street Journal', authors: ['Georgi Kantchev', 'Ian Lovett'] });
    const outlet = await rename('wall-street-journal', 'Wall Street Journal (WSJ)');
    expect(outlet.status).toBe(200);
    // The nodes whose shown properties changed, for the explorer to read again.
    expect(outlet.body.rewritten).toEqual(await elementIdsOf([ARTICLE]));
    const author = await rename('ian-lovett', 'Ian R. Lovett');
    expect(author.status).toBe(200);
    expect(author.body.rewritten).toEqual(await elementIdsOf([ARTICLE]));
    expect(await article()).toEqual({
      outlet: 'Wall Street Journal (WSJ)',
      authors: ['Georgi Kantchev', 'Ian R. Lovett'],
    });
    expect((await lastEdit('ian-lovett')).readableNames).toEqual([
      expect.objectContaining({
        property: 'author_ids',
        beside: { property: 'authors', at: [1], before: ['Ian Lovett'], after: 'Ian R. Lovett' },
      }),
    ]);
  });

  it("renames a claim's caption in the loader's shape, leaves a hand-written one, and a rename back restores it", async () => {
    const seeded = await captions();
    const ids = Object.keys(seeded);
    expect(ids.length).toBeGreaterThan(1);
    for (const c of Object.values(seeded)) expect(c.startsWith('Vyacheslav Gladkov: ')).toBe(true);
    const [hand, ...rest] = ids;
    await cypher("MATCH (c:Claim {id: $id}) SET c.name = 'The governor: says so'", { id: hand });
    const r = await rename(GOVERNOR, 'Vyacheslav V. Gladkov');
    expect(r.status).toBe(200);
    expect([...r.body.rewritten].sort()).toEqual(await elementIdsOf(rest));
    const renamed = await captions();
    expect(renamed[hand!]).toBe('The governor: says so');
    for (const id of rest)
      expect(renamed[id]).toBe(seeded[id]!.replace('Vyacheslav Gladkov: ', 'Vyacheslav V. Gladkov: '));
    const audited = (await lastEdit(GOVERNOR)).readableNames as { key: string; beside: { before: string } }[];
    expect(audited.map((x) => x.key).sort()).toEqual([...rest].sort());
    expect(audited.find((x) => x.key === rest[0])?.beside.before).toBe(seeded[rest[0]!]);

    expect((await rename(GOVERNOR, 'Vyacheslav Gladkov')).status).toBe(200);
    expect(await captions()).toEqual({ ...seeded, [hand!]: 'The governor: says so' });
  });

  it('an edit that keeps the name touches no caption and lists none', async () => {
    const before = await captions();
    const r = await as(api.app, ed, 'PATCH', `/api/nodes/${GOVERNOR}`, {
      version: await version(GOVERNOR),
      set: { description: 'Governor of Belgorod region.' },
      reason: 'wording',
    });
    expect(r.status, JSON.stringify(r.body)).toBe(200);
    expect(await captions()).toEqual(before);
    expect(r.body.rewritten).toEqual([]);
    expect((await lastEdit(GOVERNOR)).readableNames).toBeUndefined();
  });
});
