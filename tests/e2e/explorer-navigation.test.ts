/**
 * End to end on the seeded graph in headless Chromium: the browser's own
 * back/forward buttons walk the exploration (expansions with their "connect result nodes" links,
 * selections), also across a reload; entity pickers in the saved-query form offer the header's
 * suggestions and label-restricted search, keyboard-driven. The database is only read.
 */
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import type { QueriesListResponse } from '../../src/shared/api';
import { drawn, e2eSession, idle, newPage, nodeId, nodePoint, openExplorer, shot, snapshot } from '../support/browser';

const T = 240_000;
const e2e = e2eSession();

/** Edges of the loaded graph as "sourceKey -TYPE-> targetKey". */
function edgeNames(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const g = window.__newsgraph!.explorer.graphState;
    const key = (id: string) => g.nodes.get(id)?.key ?? id;
    return [...g.edges.values()].map((e) => `${key(e.source)} -${e.type}-> ${key(e.target)}`);
  });
}

async function settle(page: Page, check: () => Promise<boolean>): Promise<void> {
  await expect.poll(check, { timeout: 60_000 }).toBe(true);
  await idle(page);
}

describe('browser back/forward and entity pickers (e2e)', () => {
  it(
    'expansion connects to what is shown; the browser back button undoes it, forward restores it, also after a reload',
    async () => {
      const { page, context, errors } = await newPage(e2e.browser);
      // Start from Gladkov alone (an ad-hoc query replaces the graph).
      const q = encodeURIComponent("MATCH (p:Person {id: 'vyacheslav-gladkov'}) RETURN p");
      await openExplorer(page, `${e2e.app.url}/?cypher=${q}&run=1`);
      const gladkov = (await nodeId(page, 'vyacheslav-gladkov'))!;
      const start = await snapshot(page);
      expect(start.nodes).toBe(1);
      const historyLength = await page.evaluate(() => history.length);

      // Double-click expands (its first click also selects: a step of its own), and the links
      // among the new neighbours are drawn.
      const p = await nodePoint(page, gladkov);
      await page.mouse.dblclick(p.x, p.y);
      await settle(page, async () => (await snapshot(page)).expanded.length === 1);
      const expanded = await snapshot(page);
      expect(expanded.url).toContain('expand=vyacheslav-gladkov');
      const afterExpand = await page.evaluate(() => history.length);
      expect(afterExpand).toBeGreaterThan(historyLength);
      const names = await edgeNames(page);
      // From seed/data/relationships.yaml: both ends are neighbours of Gladkov, the edge is not his.
      expect(names).toContain('gladkov-report-to-putin-2023-01 -CONCERNS-> belgorod-region');
      expect(expanded.renderEdges).toBe(expanded.edges);
      await shot(page, '20a-expanded-connected');

      // Selecting a node is a step too.
      const region = (await nodeId(page, 'belgorod-region'))!;
      await page.evaluate((id) => window.__newsgraph!.explorer.select(id), region);
      await settle(page, async () => (await snapshot(page)).url.includes('focus=belgorod-region'));
      expect(await page.evaluate(() => history.length)).toBe(afterExpand + 1);

      // Back: the selection goes back to what it was, the expansion stays.
      await page.goBack();
      await settle(page, async () => (await snapshot(page)).focus === expanded.focus);
      let snap = await snapshot(page);
      expect([snap.nodes, snap.edges, snap.expanded]).toEqual([expanded.nodes, expanded.edges, [gladkov]]);
      expect(snap.url).toBe(expanded.url);

      // Back again: the expansion is undone, connecting edges included.
      await page.goBack();
      await settle(page, async () => (await snapshot(page)).nodes === 1);
      snap = await snapshot(page);
      expect([snap.nodes, snap.edges, snap.renderNodes, snap.renderEdges]).toEqual([1, 0, 1, 0]);
      expect(snap.expanded).toEqual([]);
      expect(snap.url).not.toContain('expand=');
      expect(snap.layers).toEqual(start.layers);
      await shot(page, '20b-browser-back');

      // Forward twice: the same expansion, then the same selection.
      await page.goForward();
      await settle(page, async () => (await snapshot(page)).expanded.length === 1);
      snap = await snapshot(page);
      expect([snap.nodes, snap.edges]).toEqual([expanded.nodes, expanded.edges]);
      expect(await edgeNames(page)).toContain('gladkov-report-to-putin-2023-01 -CONCERNS-> belgorod-region');
      await page.goForward();
      await settle(page, async () => (await snapshot(page)).focus === region);
      await page.getByTestId('detail-name').filter({ hasText: 'Belgorod region' }).waitFor({ timeout: 60_000 });

      // After a reload the exploration history is gone: back rebuilds the previous view from its URL.
      await page.reload();
      await drawn(page);
      expect((await snapshot(page)).focus).toBe(await nodeId(page, 'belgorod-region'));
      await page.goBack();
      await settle(page, async () => {
        const s = await snapshot(page);
        return s.expanded.length === 1 && !s.url.includes('focus=belgorod-region');
      });
      snap = await snapshot(page);
      expect([snap.nodes, snap.edges]).toEqual([expanded.nodes, expanded.edges]);
      expect(snap.url).toBe(expanded.url);
      expect(await edgeNames(page)).toContain('gladkov-report-to-putin-2023-01 -CONCERNS-> belgorod-region');
      await page.goBack();
      await settle(page, async () => (await snapshot(page)).nodes === 1);
      expect((await snapshot(page)).expanded).toEqual([]);
      await shot(page, '20c-browser-back-after-reload');
      expect(errors).toEqual([]);
      await context.close();
    },
    T,
  );

  it(
    'entity picker: suggestions on an empty box, label-restricted search, "Gladk" picked with the keyboard, run, rows',
    async () => {
      const { page, context, errors } = await newPage(e2e.browser);
      await openExplorer(page, e2e.app.url);
      const list = (await (await fetch(`${e2e.app.url}/api/queries`)).json()) as QueriesListResponse;

      // Claims about an event: an Event-only picker with a suggestion query.
      await page.getByTestId('query-claims-about-event').click();
      await page.getByTestId('param-form').waitFor({ timeout: 60_000 });
      const eventSuggestions = list.queries
        .find((x) => x.name === 'claims-about-event')!
        .params.find((x) => x.name === 'event')!.suggestions!;
      expect(eventSuggestions.length).toBeGreaterThan(1);
      const event = page.getByTestId('param-event');
      await event.click();
      await page.keyboard.press('Control+A');
      await page.keyboard.press('Delete');
      const options = page.locator('[data-testid=param-event-results] [role=option]');
      await expect.poll(() => options.count(), { timeout: 30_000 }).toBe(Math.min(eventSuggestions.length, 50));
      expect(await options.evaluateAll((els) => els.map((e) => e.getAttribute('data-source')))).toEqual(
        eventSuggestions.slice(0, 50).map(() => 'suggested'),
      );
      // Typing "Belgorod": events only, although the Belgorod region and city match by name.
      await event.fill('Belgorod');
      await page.locator('[data-testid=param-event-results] [data-source=search]').first().waitFor({ timeout: 30_000 });
      const labels = await options.evaluateAll((els) => els.map((e) => e.getAttribute('data-label')).filter(Boolean));
      expect(labels.length).toBeGreaterThan(0);
      expect(new Set(labels)).toEqual(new Set(['Event']));
      const values = await options.evaluateAll((els) => els.map((e) => e.getAttribute('data-value')));
      expect(values).not.toContain('belgorod-region');
      expect(values).not.toContain('belgorod');
      await page.keyboard.press('Escape');

      // Everything about a person: type "Gladk", move with the arrows, pick with Enter.
      await page.getByTestId('query-person-profile').click();
      const person = page.getByTestId('param-person');
      await person.click();
      await person.fill('Gladk');
      const personOptions = page.locator('[data-testid=param-person-results] [role=option]');
      await page
        .locator('[data-testid=param-person-results] [role=option][data-value=vyacheslav-gladkov]')
        .waitFor({ timeout: 30_000 });
      await expect
        .poll(
          () =>
            page
              .locator('[data-testid=param-person-results]')
              .getAttribute('aria-busy')
              .catch(() => null),
          { timeout: 30_000 },
        )
        .toBeNull();
      const count = await personOptions.count();
      const selected = () =>
        page.locator('[data-testid=param-person-results] [aria-selected=true]').getAttribute('data-value');
      const first = await selected();
      await page.keyboard.press('ArrowDown');
      if (count > 1) expect(await selected()).not.toBe(first);
      await page.keyboard.press('ArrowUp');
      expect(await selected()).toBe(first);
      for (let i = 0; i < count && (await selected()) !== 'vyacheslav-gladkov'; i++)
        await page.keyboard.press('ArrowDown');
      expect(await selected()).toBe('vyacheslav-gladkov');
      await shot(page, '21a-entity-picker-list');
      await page.keyboard.press('Enter');
      expect(await person.getAttribute('data-value')).toBe('vyacheslav-gladkov');
      expect(await person.inputValue()).toBe('Vyacheslav Gladkov');
      await page.getByTestId('param-person-results').waitFor({ state: 'detached' });
      await shot(page, '21b-entity-picker-picked');

      await page.getByTestId('run').click();
      await page.getByTestId('result-table').waitFor({ timeout: 60_000 });
      await idle(page);
      const rows = page.locator('[data-testid=result-table] tbody tr');
      expect(await rows.count()).toBeGreaterThan(0);
      expect(await page.getByTestId('result-table').textContent()).toMatch(/GOVERNOR_OF/);
      const snap = await snapshot(page);
      expect(snap.url).toContain('query=person-profile');
      expect(snap.url).toContain('p.person=vyacheslav-gladkov');
      expect(snap.url).toContain('run=1');
      expect(await nodeId(page, 'belgorod-region')).not.toBeNull();
      await shot(page, '21c-entity-picker-ran');
      expect(errors).toEqual([]);
      await context.close();
    },
    T,
  );
  it(
    'drag pins a node where it is dropped and the layout leaves it there; Hide removes a node; one Sigma through it all',
    async () => {
      const { page, context, errors } = await newPage(e2e.browser);
      await openExplorer(page, e2e.app.url);
      expect(await page.evaluate(() => window.__newsgraph!.sigmaInstances())).toBe(1);
      const kharkiv = (await nodeId(page, 'kharkiv'))!;
      await page.evaluate((id) => window.__newsgraph!.explorer.sigmaController!.camera.focusNode(id, 0.3), kharkiv);
      await idle(page);

      // Drag Kharkiv 80 px right and 50 px down, in small steps as a hand would.
      const from = await nodePoint(page, kharkiv);
      await page.mouse.move(from.x, from.y);
      await page.mouse.down();
      for (let i = 1; i <= 10; i++) await page.mouse.move(from.x + 8 * i, from.y + 5 * i);
      await page.mouse.up();
      await idle(page);
      const dropped = await nodePoint(page, kharkiv);
      expect(Math.abs(dropped.x - (from.x + 80))).toBeLessThan(4);
      expect(Math.abs(dropped.y - (from.y + 50))).toBeLessThan(4);
      expect((await snapshot(page)).pinned).toContain(kharkiv);
      const attrs = () => page.evaluate((id) => window.__newsgraph!.explorer.graph.getNodeAttributes(id), kharkiv);
      const pinnedAt = await attrs();
      expect(pinnedAt.fixed).toBe(true);

      // An expansion elsewhere runs the layout again: everything else may move, the pinned node does not.
      await page.evaluate(() => window.__newsgraph!.explorer.expand('vyacheslav-gladkov'));
      await idle(page);
      const after = await attrs();
      // (The worker hands positions back as 32-bit floats: equal to ~1e-6, which is not a move.)
      expect(after.x).toBeCloseTo(pinnedAt.x, 4);
      expect(after.y).toBeCloseTo(pinnedAt.y, 4);
      await shot(page, '22a-dragged-and-pinned');

      // Hide from the detail panel: gone from the render graph, listed as hidden, one step to undo.
      const region = (await nodeId(page, 'belgorod-region'))!;
      await page.evaluate((id) => window.__newsgraph!.explorer.select(id), region);
      await page.getByTestId('detail-name').filter({ hasText: 'Belgorod region' }).waitFor({ timeout: 30_000 });
      const before = await snapshot(page);
      await page.getByTestId('hide').click();
      await idle(page);
      const hidden = await snapshot(page);
      expect(hidden.hidden).toContain(region);
      expect(hidden.renderNodes).toBe(before.renderNodes - 1);
      expect(await page.evaluate((id) => window.__newsgraph!.explorer.graph.hasNode(id), region)).toBe(false);
      await page.evaluate(() => window.__newsgraph!.explorer.back());
      await idle(page);
      expect((await snapshot(page)).renderNodes).toBe(before.renderNodes);
      // Undo puts back the selection the hide took away: the node is selected, its detail shown.
      expect(await page.evaluate(() => window.__newsgraph!.explorer.state.selection)).toEqual([region]);
      await page.getByTestId('detail-name').filter({ hasText: 'Belgorod region' }).waitFor({ timeout: 30_000 });
      await shot(page, '22b-hidden-then-undone');

      // Theme, drawer and a query change React state everywhere; Sigma is never rebuilt.
      await page.getByTestId('theme').click();
      await page.getByTestId('drawer-toggle').click();
      await page.getByTestId('query-person-profile').click();
      await page.getByTestId('run').click();
      await page.getByTestId('result-table').waitFor({ timeout: 60_000 });
      await idle(page);
      expect(await page.evaluate(() => window.__newsgraph!.sigmaInstances())).toBe(1);
      expect(errors).toEqual([]);
      await context.close();
    },
    T,
  );
});
