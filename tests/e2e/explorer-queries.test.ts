/**
 * The explorer end to end: saved queries with their parameter forms, the Cypher editor's errors,
 * deep links, and exports. Every test leaves a screenshot in tests/e2e/screenshots/ (git-ignored).
 * The database is only read (a write attempt is checked to leave nothing).
 */
import { describe, expect, it } from 'vitest';
import type { QueryResult } from '../../src/shared/api';
import { e2eSession, idle, newPage, nodeId, openExplorer, shot, snapshot } from '../support/browser';
import { apiJson, zoomTo } from './support/explorer';

const T = 240_000;
const e2e = e2eSession();

describe('explorer queries, links and exports (e2e, headless Chromium)', () => {
  it(
    'runs three saved queries with parameters (graph + table); a write in the editor shows the read-only error',
    async () => {
      const { page, context, errors } = await newPage(e2e.browser);
      await openExplorer(page, e2e.app.url);
      const overviewNodes = (await snapshot(page)).nodes;

      // 1. Everything about a person — entity picker fed by search.
      await page.getByTestId('query-person-profile').click();
      await page.getByTestId('param-form').waitFor({ timeout: 60_000 });
      const picker = page.getByTestId('param-person');
      await picker.click();
      await picker.fill('Zelensk');
      await page.locator('[data-testid=param-person-results] [role=option]').first().waitFor({ timeout: 30_000 });
      await page.keyboard.press('Enter');
      await page.getByText('volodymyr-zelensky', { exact: true }).waitFor();
      await page.getByTestId('run').click();
      await page.getByTestId('result-table').waitFor({ timeout: 60_000 });
      await idle(page);
      let snap = await snapshot(page);
      expect(await page.locator('[data-testid=result-table] tbody tr').count()).toBeGreaterThan(0);
      expect(snap.layers.map((l) => l.kind)).toEqual(['query']);
      expect(snap.nodes).toBeGreaterThan(1);
      expect(snap.nodes).toBeLessThan(overviewNodes);
      expect(await nodeId(page, 'volodymyr-zelensky')).not.toBeNull();
      expect(snap.url).toContain('p.person=volodymyr-zelensky');
      await shot(page, '06a-saved-person-profile');

      // 2. Events in a place between two dates — a date parameter changed in the form.
      await page.getByTestId('query-events-in-place').click();
      await page.getByTestId('param-from').fill('2023-01-01');
      // The person profile's table is not left beside this query's form.
      expect(await page.getByTestId('result-table').count()).toBe(0);
      await page.getByTestId('run').click();
      await expect
        .poll(() => page.locator('.result-head strong').textContent(), { timeout: 60_000 })
        .toMatch(/Events in a place/i);
      await idle(page);
      const rows2 = await page.locator('[data-testid=result-table] tbody tr').count();
      expect(rows2).toBeGreaterThan(0);
      // The status line counts what the table's summary counts (connecting links are named apart).
      const counts = /\d+ nodes?, \d+ relationships?/;
      const summaryCounts = (await page.getByTestId('summary').first().textContent())!.match(counts)![0];
      expect((await page.getByTestId('status').textContent())!.match(counts)?.[0]).toBe(summaryCounts);
      snap = await snapshot(page);
      expect(snap.nodes).toBeGreaterThan(0);
      expect(snap.url).toContain('p.from=2023-01-01');
      // The table sorts by a column on click.
      await page.locator('[data-testid=result-table] th').first().click();
      expect(await page.locator('[data-testid=result-table] th').first().getAttribute('aria-sort')).toBe('ascending');
      await shot(page, '06b-saved-events-in-place');

      // 3. Claims by status — a fixed-choice parameter.
      await page.getByTestId('query-claims-by-status').click();
      await page.getByTestId('param-status').selectOption('unanswered');
      await page.getByTestId('run').click();
      await expect
        .poll(() => page.locator('.result-head strong').textContent(), { timeout: 60_000 })
        .toMatch(/Claims by status/i);
      await idle(page);
      expect(await page.locator('[data-testid=result-table] tbody tr').count()).toBeGreaterThan(0);
      expect(await page.getByTestId('summary').first().textContent()).toMatch(/\d+ rows? · \d+ nodes?/);
      expect((await snapshot(page)).nodes).toBeGreaterThan(0);
      await shot(page, '06c-saved-claims-by-status');

      // A write in the Cypher editor: refused, shown as a human error, nothing written.
      await page.getByRole('button', { name: 'Cypher', exact: true }).click();
      await page.locator('.cm-content').waitFor({ timeout: 60_000 });
      await page.locator('.cm-content').click();
      await page.keyboard.press('Control+A');
      await page.keyboard.press('Delete');
      await page.keyboard.insertText('CREATE (n:Intruder {name: "x"}) RETURN n');
      // Run with the completion list open: running closes it (it is not left over the result).
      const completions = page.locator('.cm-tooltip-autocomplete');
      await page.keyboard.press('Control+Space');
      await completions.waitFor({ timeout: 10_000 });
      await page.keyboard.press('Control+Enter');
      const err = page.getByTestId('query-error');
      await err.waitFor({ timeout: 60_000 });
      await expect.poll(() => completions.count(), { timeout: 2_000 }).toBe(0);
      expect(await err.getAttribute('data-code')).toBe('QUERY_REJECTED');
      expect(await err.textContent()).toMatch(/read-only/i);
      // The sandbox's reason is a code, shown as one (not as a line of text under the message).
      expect(await err.getByTestId('error-codes').allTextContents()).toEqual(['WRITE']);
      await shot(page, '06d-write-refused');
      const check = await apiJson<QueryResult>(e2e.app, '/api/cypher', {
        query: 'MATCH (n:Intruder) RETURN count(n) AS n',
      });
      expect(check.table.rows[0]![0]).toBe(0);

      // A syntax error comes back with its position, shown under the line.
      await page.locator('.cm-content').click();
      await page.keyboard.press('Control+A');
      await page.keyboard.press('Delete');
      await page.keyboard.insertText('MATCH (n RETURN n');
      await page.keyboard.press('Control+Enter');
      await page.getByTestId('error-position').waitFor({ timeout: 60_000 });
      expect(await page.getByTestId('error-position').textContent()).toMatch(/Line 1, column \d+/);
      await shot(page, '06e-syntax-error-position');
      expect(errors).toEqual([]);
      await context.close();
    },
    T,
  );
  it(
    'a deep link restores the same focused node, expansion, query and parameters',
    async () => {
      const { page, context, errors } = await newPage(e2e.browser);
      await openExplorer(page, e2e.app.url);
      await page.getByTestId('query-person-profile').click();
      await page.getByTestId('param-form').waitFor({ timeout: 60_000 });
      // A person other than the default, so that a parameter lost on the way is seen.
      const person = page.getByTestId('param-person');
      await person.click();
      await person.fill('Zelensky');
      await page
        .locator('[data-testid=param-person-results] [role=option][data-value=volodymyr-zelensky]')
        .click({ timeout: 30_000 });
      expect(await person.getAttribute('data-value')).toBe('volodymyr-zelensky');
      await page.getByTestId('run').click();
      await page.getByTestId('result-table').waitFor({ timeout: 60_000 });
      await idle(page);
      const tableBefore = await page.getByTestId('result-table').textContent();
      expect(tableBefore).toMatch(/Zelensky/);
      const ukraine = await nodeId(page, 'ukraine');
      expect(ukraine).not.toBeNull();
      await page.evaluate((id) => window.__newsgraph!.explorer.select(id), ukraine!);
      await page.getByTestId('expand').click();
      await idle(page);
      await page
        .getByTestId('detail-name')
        .filter({ hasText: /^Ukraine$/ })
        .waitFor();
      const before = await snapshot(page);
      const rowsBefore = await page.locator('[data-testid=result-table] tbody tr').count();
      expect(before.url).toContain('query=person-profile');
      expect(before.url).toContain('p.person=volodymyr-zelensky');
      expect(before.url).toContain('focus=ukraine');
      expect(before.url).toContain('expand=ukraine');
      expect(before.url).toContain('run=1');
      const link = page.url();

      const second = await newPage(e2e.browser);
      await openExplorer(second.page, link);
      await second.page
        .getByTestId('detail-name')
        .filter({ hasText: /^Ukraine$/ })
        .waitFor({ timeout: 60_000 });
      await second.page.getByTestId('result-table').waitFor({ timeout: 60_000 });
      const after = await snapshot(second.page);
      expect(after.focus).toBe(before.focus);
      expect(after.expanded).toEqual(before.expanded);
      expect([after.nodes, after.edges]).toEqual([before.nodes, before.edges]);
      expect(after.url).toBe(before.url);
      expect(await second.page.locator('[data-testid=param-form] h3').textContent()).toBe(
        await page.locator('[data-testid=param-form] h3').textContent(),
      );
      expect(await second.page.locator('[data-testid=result-table] tbody tr').count()).toBe(rowsBefore);
      expect(await second.page.getByTestId('param-person').getAttribute('data-value')).toBe('volodymyr-zelensky');
      expect(await second.page.getByTestId('result-table').textContent()).toBe(tableBefore);
      await shot(second.page, '07-deep-link-restored');
      expect(errors).toEqual([]);
      expect(second.errors).toEqual([]);
      await second.context.close();
      await context.close();
    },
    T,
  );
  it(
    'a saved query whose result replaces the view is framed: every result node on screen, however the camera was zoomed before',
    async () => {
      const { page, errors } = await newPage(e2e.browser);
      await openExplorer(page, e2e.app.url);
      // Close in on one node first, as after reading its detail.
      await zoomTo(page, (await nodeId(page, 'vyacheslav-gladkov'))!);
      await page.getByTestId('query-contradicting-claims').click();
      await page.getByTestId('run').click();
      await page.getByTestId('result-table').waitFor({ timeout: 60_000 });
      await idle(page);
      const off = await page.evaluate(() => {
        const ctrl = window.__newsgraph!.explorer.sigmaController!;
        const el = document.querySelector('[data-testid=graph]')!;
        return ctrl.graph.nodes().filter((id) => {
          const p = ctrl.camera.nodeViewportPosition(id);
          return !p || p.x < 0 || p.y < 0 || p.x > el.clientWidth || p.y > el.clientHeight;
        });
      });
      expect((await snapshot(page)).nodes).toBeGreaterThan(2);
      expect(off).toEqual([]);
      await shot(page, '06d-saved-query-framed');
      expect(errors).toEqual([]);
    },
    T,
  );
});
