/**
 * Corroboration follows a merge of outlets: the seed's placeholder organization (the unnamed
 * publisher of one article) merged into a real outlet makes that article's relationships count it
 * as a named outlet (`outlets`), no longer as an unnamed one (`unnamed_outlets`), in the merge's
 * transaction; the answer lists them for the explorer; an undo counts them back. Relationships not
 * citing the article keep their counts.
 */
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { TestApi } from '../../support/api';
import type { Credentials } from '../../support/auth';
import { useTeamOnSeed } from '../../support/team';
import { cypher, latestAudit, merge, unmerge, version } from '../../support/merge';
import { reseedIfChanged, seededFingerprint } from '../../support/seeded';

let api: TestApi;
let admin: Credentials;
let ed: Credentials;
let seeded: string;

const PLACEHOLDER = 'unidentified-outlet-001';
const ARTICLE = 'unidentified-2024-05-russia-unintentionally-dropped-bombs';

/**
 * Every counted relationship (by its ends and type, which are unique in the seed) with its
 * counts and their types, whether it cites the article, and its element id.
 */
const counts = async () => {
  const rows = await cypher(
    `MATCH (a)-[r]->(b) WHERE r.outlets IS NOT NULL
     RETURN a.id + '|' + type(r) + '|' + b.id AS k, elementId(r) AS id,
            [r.sources, r.outlets, r.unnamed_outlets] AS c,
            [valueType(r.outlets), valueType(r.unnamed_outlets)] AS t,
            $article IN coalesce(r.evidence_articles, [r.article]) AS cites`,
    { article: ARTICLE },
  );
  return new Map(
    rows.map((r) => {
      const o = r.toObject() as { k: string; id: string; c: unknown[]; t: string[]; cites: boolean };
      return [o.k, { id: o.id, c: o.c.map(Number), t: o.t, cites: o.cites }];
    }),
  );
};

const LEADS = 'volodymyr-zelensky|LEADS|ukraine';

useTeamOnSeed({ ada: 'admin', ed: 'editor' }, (t) => {
  ({
    api,
    users: { ada: admin, ed },
  } = t);
});
beforeAll(async () => {
  seeded = await seededFingerprint();
});
afterEach(() => reseedIfChanged(seeded));

/** Merges the placeholder into `outlet`, checks the counts, undoes it and checks them again. */
async function mergeAndUndo(outlet: string, leadsAfter: number[]) {
  const before = await counts();
  // Zelensky leads Ukraine by four articles: three named outlets and the placeholder's.
  expect(before.get(LEADS)!.c).toEqual([4, 3, 1]);
  const citing = [...before].filter(([, v]) => v.cites);
  expect(citing.length).toBeGreaterThan(10);

  const m = await merge(api.app, ed, outlet, {
    duplicate: PLACEHOLDER,
    version: await version(outlet),
    reason: 'the unnamed publisher is this outlet',
  });
  expect(m.status, JSON.stringify(m.body)).toBe(200);
  const after = await counts();
  expect(after.get(LEADS)!.c).toEqual(leadsAfter);
  // The article's own PUBLISHED_BY moved to the outlet: one source, now a named outlet.
  expect(after.get(`${ARTICLE}|PUBLISHED_BY|${outlet}`)!.c).toEqual([1, 1, 0]);
  expect(after.has(`${ARTICLE}|PUBLISHED_BY|${PLACEHOLDER}`)).toBe(false);
  for (const [k, v] of after) {
    const was = before.get(k) ?? before.get(k.replace(`|${outlet}`, `|${PLACEHOLDER}`))!;
    expect(v.t, k).toEqual(was.t);
    if (!v.cites) {
      expect(v.c, k).toEqual(was.c);
      continue;
    }
    // The article counts as a named outlet now: one fewer unnamed, at most one more named.
    expect(v.c[0], k).toBe(was.c[0]);
    expect(v.c[2], k).toBe(was.c[2]! - 1);
    expect(v.c[1]! - was.c[1]!, k).toBeLessThanOrEqual(1);
    expect(v.c[1]! + v.c[2]!, k).toBeLessThanOrEqual(v.c[0]!);
  }
  // The explorer reads the recounted relationships again: the answer lists them.
  const changed = [...after].filter(([k, v]) => v.cites && JSON.stringify(v.c) !== JSON.stringify(before.get(k)?.c));
  expect(changed.length).toBeGreaterThan(10);
  expect([...m.body.rewrittenRelationships].sort()).toEqual(expect.arrayContaining(changed.map(([, v]) => v.id)));

  const entry = await latestAudit(api.app, admin, 'node.merge', outlet);
  const u = await unmerge(api.app, ed, outlet, {
    merge: entry.id,
    version: await version(outlet),
    reason: 'two outlets after all',
  });
  expect(u.status, JSON.stringify(u.body)).toBe(200);
  const back = await counts();
  expect([...back.keys()].sort()).toEqual([...before.keys()].sort());
  for (const [k, v] of back) {
    expect(v.c, k).toEqual(before.get(k)!.c);
    expect(v.t, k).toEqual(before.get(k)!.t);
  }
  const recounted = [...back].filter(([k, v]) => v.cites && JSON.stringify(after.get(k)?.c) !== JSON.stringify(v.c));
  expect(u.body.rewrittenRelationships).toEqual(expect.arrayContaining(recounted.map(([, v]) => v.id)));
}

describe("merging an article's placeholder publisher into the real outlet", () => {
  it('counts it as one more named outlet where that outlet was not among them, and back on undo', async () => {
    await mergeAndUndo('the-telegraph', [4, 4, 0]);
  });

  it('counts it as the same outlet where that one was among them already, and back on undo', async () => {
    await mergeAndUndo('wall-street-journal', [4, 3, 0]);
  });
});
