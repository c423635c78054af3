/**
 * Merging a duplicate from the detail panel, end to end: a second spelling of the governor ("V.
 * Gladkov", a second article's) is on the canvas; an editor opens Vyacheslav Gladkov, picks the
 * duplicate through search, gives a reason and confirms: the duplicate leaves the canvas, and the
 * governor's aliases show its name; a link to the duplicate then offers the governor instead. A
 * duplicate merged while the governor is not on the canvas gives its place to the governor; undone
 * after the governor was hidden, it comes back where it was; a link copied before a merge draws the
 * governor in the duplicate's place. On a server with accounts.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { idle, nodeId, shot } from '../support/browser';
import { testDriver, testNeo4j } from '../support/neo4j';
import {
  canvasKeys,
  confirmMerge,
  drawnEdge,
  dupEdgeDrawn,
  mergeIntoGovernor,
  movedEdge,
  open,
  pickDuplicate,
  replayed,
  undoFromAudit,
} from './support/merge';
import { accountsSession, PASSWORD } from './support/accounts';
import { signIn } from './support/sign-in';

const T = 240_000;
const DUP = 'v-gladkov-duplicate';
/** A second duplicate, merged and then the merge undone from the status line. */
const DUP2 = 'slava-gladkov-duplicate';
/** A third, merged and then the merge undone from the audit view. */
const DUP3 = 'gladkov-vv-duplicate';
/** A fourth, merged while it is on the canvas and the governor is not. */
const DUP4 = 'vlad-gladkov-duplicate';
/** A fifth, merged in its place like the fourth, the governor hidden, then the merge undone. */
const DUP5 = 'viacheslav-gladkov-duplicate';
/** A sixth, with a place never drawn beside it: merged, the merge step gone back, undone, the page reloaded. */
const DUP6 = 'v-v-gladkov-duplicate';
const FAR = 'merge-far-place';
/** A seventh, expanded before it is merged: the link's expansion then fetches the governor. */
const DUP7 = 'gladkov-nickname-duplicate';
const NEAR = 'merge-nickname-town';
// The session gives other files the seeded graph back (the merge changes it).
// The first account must be an admin.
const e2e = accountsSession('newsgraph-e2e-entity-merge-', { ada: 'admin', ed: 'editor' });

beforeAll(async () => {
  const driver = testDriver();
  try {
    await driver.executeQuery(
      `MATCH (g:Person {id: 'vyacheslav-gladkov'}), (place {id: 'belgorod-region'})
       CREATE (d:Entity:Person {id: $dup, name: 'V. Gladkov', aliases: [], description: 'Belgorod governor.', dataset: g.dataset})
       CREATE (d)-[:GOVERNOR_OF {evidence_quotes: ['governor of the region'], evidence_starts: [823], evidence_ends: [865], according_to: $dup}]->(place)
       CREATE (:Entity:Person {id: $dup2, name: 'Slava Gladkov', aliases: [], description: 'A nickname.', dataset: g.dataset})
             -[:GOVERNOR_OF {evidence_starts: [1]}]->(place)
       CREATE (:Entity:Person {id: $dup3, name: 'Gladkov Vyacheslav', aliases: [], description: 'Surname first.', dataset: g.dataset})
             -[:GOVERNOR_OF {evidence_starts: [2]}]->(place)
       CREATE (:Entity:Person {id: $dup4, name: 'Vlad Gladkov', aliases: [], description: 'Misspelt.', dataset: g.dataset})
             -[:GOVERNOR_OF {evidence_starts: [3]}]->(place)
       CREATE (:Entity:Person {id: $dup5, name: 'Viacheslav Gladkov', aliases: [], description: 'Transliterated.', dataset: g.dataset})
             -[:GOVERNOR_OF {evidence_starts: [4]}]->(place)
       CREATE (d6:Entity:Person {id: $dup6, name: 'V. V. Gladkov', aliases: [], description: 'Initials.', dataset: g.dataset})
             -[:GOVERNOR_OF {evidence_starts: [5]}]->(place)
       CREATE (d6)-[:LOCATED_IN {evidence_starts: [6]}]->(:Entity:Place {id: $far, name: 'Far Place', aliases: [], dataset: g.dataset})
       CREATE (d7:Entity:Person {id: $dup7, name: 'Slava Gladkov', aliases: [], description: 'Nickname.', dataset: g.dataset})
             -[:GOVERNOR_OF {evidence_starts: [7]}]->(place)
       CREATE (d7)-[:LOCATED_IN {evidence_starts: [8]}]->(:Entity:Place {id: $near, name: 'Near Town', aliases: [], dataset: g.dataset})`,
      { dup: DUP, dup2: DUP2, dup3: DUP3, dup4: DUP4, dup5: DUP5, dup6: DUP6, far: FAR, dup7: DUP7, near: NEAR },
      { database: testNeo4j().database },
    );
  } finally {
    await driver.close();
  }
}, 60_000);

describe('merging a duplicate from the detail panel (e2e)', () => {
  it(
    'an editor merges the second spelling into the governor: it leaves the canvas, its name becomes an alias',
    async () => {
      const { page, context, errors } = await signIn(e2e.browser, e2e.app.url, 'ed', PASSWORD);
      try {
        await open(page, 'V. Gladkov', 'V. Gladkov');
        expect(await nodeId(page, DUP)).not.toBeNull();
        await open(page, 'Vyacheslav Gladkov', 'Vyacheslav Gladkov');

        await pickDuplicate(page, 'V. Gladkov');
        await page.getByTestId('merge-entity-chosen').filter({ hasText: '1 relationship' }).waitFor();
        // No reason: asked for one, nothing sent.
        await page.getByTestId('merge-entity-confirm').click();
        await page.getByTestId('merge-entity-error').filter({ hasText: 'reason' }).waitFor();
        await confirmMerge(page, 'V. Gladkov', 'same governor, initial only', () => shot(page, 'entity-merge-01-form'));
        // Its link's own source named it by key: re-pointed, and the status line says so.
        await page
          .getByTestId('status')
          .filter({
            hasText:
              'Merged V. Gladkov into Vyacheslav Gladkov. 1 reference to V. Gladkov now names Vyacheslav Gladkov.',
          })
          .waitFor({ timeout: 30_000 });

        await idle(page);
        expect(await nodeId(page, DUP)).toBeNull();
        expect(await nodeId(page, 'vyacheslav-gladkov')).not.toBeNull();
        // The duplicate's relationship, now the governor's, is drawn at once (no expansion again).
        const moved = await movedEdge(823);
        expect(await drawnEdge(page, moved)).toBe(true);
        await shot(page, 'entity-merge-02-merged');
        expect(errors).toEqual([]);
      } finally {
        await context.close();
      }
    },
    T,
  );

  it(
    'a link to the merged-away node says where it went and opens the survivor',
    async () => {
      const { page, context, errors } = await signIn(e2e.browser, e2e.app.url, 'ed', PASSWORD);
      try {
        await page.goto(`${e2e.app.url}/?focus=${DUP}`);
        const open = page.getByTestId('status-open');
        await open.filter({ hasText: 'Open Vyacheslav Gladkov' }).waitFor({ timeout: 90_000 });
        expect(await page.getByTestId('status').textContent()).toContain(
          'V. Gladkov was merged into Vyacheslav Gladkov.',
        );
        await shot(page, 'entity-merge-03-stale-link');
        await open.click();
        await page.getByTestId('detail-name').filter({ hasText: 'Vyacheslav Gladkov' }).waitFor({ timeout: 60_000 });
        expect(errors).toEqual([]);
      } finally {
        await context.close();
      }
    },
    T,
  );

  it(
    'the status line offers to undo a merge: with a reason, the duplicate comes back',
    async () => {
      const { page, context, errors } = await signIn(e2e.browser, e2e.app.url, 'ed', PASSWORD);
      try {
        await open(page, 'Vyacheslav Gladkov', 'Vyacheslav Gladkov');
        await pickDuplicate(page, 'Slava Gladkov');
        await confirmMerge(page, 'Slava Gladkov', 'a nickname');
        const moved = await movedEdge(1);
        expect(await drawnEdge(page, moved)).toBe(true);

        await page.getByTestId('status-undo-merge').click();
        await page.getByTestId('undo-merge-reason').fill('a different person');
        await shot(page, 'entity-merge-04-undo');
        await page.getByTestId('undo-merge-confirm').click();
        await page.getByTestId('undo-merge-dialog').waitFor({ state: 'detached', timeout: 30_000 });
        await page.getByTestId('status').filter({ hasText: 'Slava Gladkov is back' }).waitFor({ timeout: 30_000 });
        await page.locator('.aliases .alias', { hasText: /^Slava Gladkov$/ }).waitFor({ state: 'detached' });
        // The duplicate is back on the canvas with its relationship; the governor's copy is gone.
        await idle(page);
        expect(await nodeId(page, DUP2)).not.toBeNull();
        expect(await drawnEdge(page, moved)).toBe(false);
        expect(await page.evaluate(() => window.__newsgraph!.explorer.graph.size)).toBeGreaterThan(0);
        expect(await dupEdgeDrawn(page, DUP2)).toBe(true);
        await shot(page, 'entity-merge-05-undone');
        const driver = testDriver();
        try {
          const back = await driver.executeQuery(
            'MATCH (d {id: $id})-[r:GOVERNOR_OF]->() RETURN count(r) AS n',
            { id: DUP2 },
            { database: testNeo4j().database },
          );
          expect(Number(back.records[0]!.get('n'))).toBe(1);
        } finally {
          await driver.close();
        }
        expect(errors).toEqual([]);
      } finally {
        await context.close();
      }
    },
    T,
  );
  it(
    'the audit view offers to undo a merge that stands, says who undid one, and lists it undone after',
    async () => {
      const { page, context, errors } = await signIn(e2e.browser, e2e.app.url, 'ada', PASSWORD);
      try {
        await open(page, 'Vyacheslav Gladkov', 'Vyacheslav Gladkov');
        await pickDuplicate(page, 'Gladkov Vyacheslav');
        await confirmMerge(page, 'Gladkov Vyacheslav', 'initials');
        await idle(page);
        expect(await nodeId(page, DUP3)).toBeNull();

        await page.getByTestId('admin-open').click();
        await page.getByTestId('admin-tab-audit').click();
        await page.getByTestId('audit-filter-action').fill('node.merge');
        const rows = page.getByTestId('audit-entry');
        const row = (name: string) => rows.filter({ hasText: 'node.merge' }).filter({ hasText: name });
        // The one undone from the status line says so, and offers nothing.
        await row('Slava Gladkov').getByTestId('audit-entry-undone').filter({ hasText: 'Undone by ed' }).waitFor({
          timeout: 30_000,
        });
        expect(await row('Slava Gladkov').getByTestId('audit-undo-merge').count()).toBe(0);
        await shot(page, 'entity-merge-06-audit');
        await row('Gladkov Vyacheslav').getByTestId('audit-undo-merge').click();
        await page.getByTestId('undo-merge-confirm').click();
        await page.getByTestId('undo-merge-error').filter({ hasText: 'reason' }).waitFor();
        await page.getByTestId('undo-merge-reason').fill('another person');
        await page.getByTestId('undo-merge-confirm').click();
        await page.getByTestId('undo-merge-dialog').waitFor({ state: 'detached', timeout: 30_000 });
        await row('Gladkov Vyacheslav')
          .getByTestId('audit-entry-undone')
          .filter({ hasText: 'Undone by ada' })
          .waitFor({ timeout: 30_000 });
        expect(await row('Gladkov Vyacheslav').getByTestId('audit-undo-merge').count()).toBe(0);
        await shot(page, 'entity-merge-07-audit-undone');
        await page.getByTestId('admin-close').click();
        await idle(page);
        // Back in the graph and on the canvas, with its relationship.
        expect(await nodeId(page, DUP3)).not.toBeNull();
        expect(await dupEdgeDrawn(page, DUP3)).toBe(true);
        expect(errors).toEqual([]);
      } finally {
        await context.close();
      }
    },
    T,
  );

  it(
    'merged while only the duplicate is on the canvas: the governor takes its place, with the moved relationship',
    async () => {
      const { page, context, errors } = await signIn(e2e.browser, e2e.app.url, 'ed', PASSWORD);
      try {
        await page.evaluate(() => window.__newsgraph!.explorer.setStartMode('empty'));
        await open(page, 'Vlad Gladkov', 'Vlad Gladkov');
        await page.evaluate(() => window.__newsgraph!.explorer.select(null));
        expect(await nodeId(page, DUP4)).not.toBeNull();
        expect(await nodeId(page, 'vyacheslav-gladkov')).toBeNull();
        await mergeIntoGovernor(page, DUP4, 'a misspelling');
        expect(await nodeId(page, DUP4)).toBeNull();
        const governor = await nodeId(page, 'vyacheslav-gladkov');
        expect(governor).not.toBeNull();
        expect(await page.evaluate((g) => window.__newsgraph!.explorer.graph.hasNode(g), governor!)).toBe(true);
        expect(await drawnEdge(page, await movedEdge(3))).toBe(true);
        await shot(page, 'entity-merge-08-survivor-in-place');
        expect(errors).toEqual([]);
      } finally {
        await context.close();
      }
    },
    T,
  );

  it(
    'undone from the audit view after the governor that took its place was hidden: back where it was',
    async () => {
      const { page, context, errors } = await signIn(e2e.browser, e2e.app.url, 'ada', PASSWORD);
      try {
        await page.evaluate(() => window.__newsgraph!.explorer.setStartMode('empty'));
        await open(page, 'Viacheslav Gladkov', 'Viacheslav Gladkov');
        await page.evaluate(() => window.__newsgraph!.explorer.select(null));
        const dup = (await nodeId(page, DUP5))!;
        const place = (await nodeId(page, 'belgorod-region'))!;
        const at = await page.evaluate((d) => {
          const a = window.__newsgraph!.explorer.graph.getNodeAttributes(d);
          return { x: a.x, y: a.y };
        }, dup);
        await mergeIntoGovernor(page, DUP5, 'a transliteration');
        const governor = (await nodeId(page, 'vyacheslav-gladkov'))!;
        const moved = await movedEdge(4);
        expect(await drawnEdge(page, moved)).toBe(true);
        await page.evaluate((g) => window.__newsgraph!.explorer.hide([g]), governor);
        await idle(page);
        // Where each node is drawn as it joins the canvas.
        await page.evaluate(() => {
          const w = window as unknown as { joined: Record<string, { x: number; y: number }> };
          w.joined = {};
          window.__newsgraph!.explorer.graph.on('nodeAdded', ({ key, attributes: a }) => {
            w.joined[key] = { x: a.x, y: a.y };
          });
        });

        await page.getByTestId('admin-open').click();
        await page.getByTestId('admin-tab-audit').click();
        await page.getByTestId('audit-filter-action').fill('node.merge');
        // By its reason: the governor's list of aliases is too long for the row to show the new one.
        const row = page.getByTestId('audit-entry').filter({ hasText: 'Reason: a transliteration' });
        await row.getByTestId('audit-undo-merge').click();
        await page.getByTestId('undo-merge-reason').fill('another spelling of another man');
        await page.getByTestId('undo-merge-confirm').click();
        await page.getByTestId('undo-merge-dialog').waitFor({ state: 'detached', timeout: 30_000 });
        await row.getByTestId('audit-entry-undone').waitFor({ timeout: 30_000 });
        await page.getByTestId('admin-close').click();
        await idle(page);

        // Back (a new node, maybe with the old element id) where it was drawn, linked to the region.
        const back = await nodeId(page, DUP5);
        expect(back).not.toBeNull();
        const joined = await page.evaluate(
          () => (window as unknown as { joined: Record<string, { x: number; y: number }> }).joined,
        );
        expect(joined[back!]).toEqual(at);
        expect(
          await page.evaluate(([d, p]) => window.__newsgraph!.explorer.graph.areNeighbors(d, p), [back!, place]),
        ).toBe(true);
        // The governor stays hidden, without the relationship that moved back.
        expect(await page.evaluate((g) => window.__newsgraph!.explorer.graphState.hidden.has(g), governor)).toBe(true);
        expect(await page.evaluate((m) => window.__newsgraph!.explorer.graphState.edges.has(m), moved)).toBe(false);
        await shot(page, 'entity-merge-09-undone-in-place');
        expect(errors).toEqual([]);
      } finally {
        await context.close();
      }
    },
    T,
  );
  it(
    "an undone merge rebuilt from the address draws what the undo drew, not the duplicate's whole neighbourhood",
    async () => {
      const { page, context, errors } = await signIn(e2e.browser, e2e.app.url, 'ada', PASSWORD);
      try {
        // The duplicate and the region only (its other place is never drawn), by a query a link replays.
        const q = encodeURIComponent(`MATCH (d {id: '${DUP6}'})-[r:GOVERNOR_OF]->(p) RETURN d, r, p`);
        await page.goto(`${e2e.app.url}/?cypher=${q}&run=1`);
        await page.waitForFunction((k) => !!window.__newsgraph?.nodeId(k), DUP6, { timeout: 90_000 });
        await idle(page);
        await page.evaluate(() => window.__newsgraph!.explorer.setDrawer({ open: false }));
        expect(await canvasKeys(page)).toEqual(['belgorod-region', DUP6].sort());
        await mergeIntoGovernor(page, DUP6, 'initials again');
        // The governor took its place with both moved relationships; going back a step takes them away.
        expect(await nodeId(page, FAR)).not.toBeNull();
        await page.evaluate(() => window.__newsgraph!.explorer.back());
        await idle(page);
        expect(await canvasKeys(page)).toEqual(['belgorod-region']);

        await undoFromAudit(page, 'initials again', 'another man');
        const live = await canvasKeys(page);
        expect(live).toEqual(['belgorod-region', DUP6].sort());
        expect(await dupEdgeDrawn(page, DUP6)).toBe(true);

        // The address rebuilds the same canvas: the duplicate with its relationship to the region.
        expect(page.url()).toMatch(/[?&](v|vid)=/);
        await page.reload();
        await page.waitForFunction((k) => !!window.__newsgraph?.nodeId(k), DUP6, { timeout: 90_000 });
        await idle(page);
        expect(await canvasKeys(page)).toEqual(live);
        expect(await dupEdgeDrawn(page, DUP6)).toBe(true);
        await shot(page, 'entity-merge-10-undone-reloaded');
        expect(errors).toEqual([]);
      } finally {
        await context.close();
      }
    },
    T,
  );
  it(
    "a duplicate's expansion in the address, merged since, is replayed on the survivor without an error",
    async () => {
      const { page, context, errors } = await signIn(e2e.browser, e2e.app.url, 'ada', PASSWORD);
      try {
        const q = encodeURIComponent(`MATCH (d {id: '${DUP7}'}) RETURN d`);
        await page.goto(`${e2e.app.url}/?cypher=${q}&run=1`);
        await page.waitForFunction((k) => !!window.__newsgraph?.nodeId(k), DUP7, { timeout: 90_000 });
        await idle(page);
        await page.evaluate(() => window.__newsgraph!.explorer.setDrawer({ open: false }));
        await page.evaluate((k) => window.__newsgraph!.explorer.expand(k), DUP7);
        await page.waitForFunction((k) => !!window.__newsgraph?.nodeId(k), NEAR, { timeout: 30_000 });
        await idle(page);
        await page.evaluate((k) => window.__newsgraph!.explorer.focusRef(k), DUP7);
        await idle(page);
        // Copied before the merge: this address names the duplicate (expanded, focused), re-pointed nowhere.
        const copied = page.url();
        await mergeIntoGovernor(page, DUP7, 'nickname');
        expect(await nodeId(page, DUP7)).toBeNull();

        await page.reload();
        const after = await replayed(page);
        expect(after.status).not.toBe('error');
        expect(after.expanded).toEqual(['vyacheslav-gladkov']);
        expect(await nodeId(page, DUP7)).toBeNull();
        const drawn = await canvasKeys(page);

        // The link copied before: its expansion is drawn on the governor, and the status line says so quietly.
        await page.goto(copied);
        const old = await replayed(page);
        expect(old.status).toBe('info');
        expect(old.text).toContain('This link named Slava Gladkov, since merged into Vyacheslav Gladkov');
        expect(old.expanded).toEqual(['vyacheslav-gladkov']);
        expect(old.focus).toBe('vyacheslav-gladkov');
        // What the live session's re-pointed link draws (not the duplicate), but the merge's own later step.
        expect((await canvasKeys(page)).filter((k) => !drawn.includes(k))).toEqual([]);
        expect(errors).toEqual([]);
      } finally {
        await context.close();
      }
    },
    T,
  );
});
