/**
 * End to end, the query drawer's smaller defects: a backwards date range is said so before
 * anything runs; a 100k-character query gets its own message, not "check the parameters";
 * completion offers keywords and functions; a query's warnings are written out; the CSV follows
 * the table's sort. Completion offers keywords, functions, relationship types after '[r:' and
 * the keys of a variable's label, in a popup read whole where it reaches past the editor's column.
 */
import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { e2eSession, idle, newPage, openExplorer, shot } from '../support/browser';
import { box } from './support/layout';

const T = 240_000;
const e2e = e2eSession();

async function typeQuery(page: Page, text: string): Promise<void> {
  await page.locator('.cm-content').click();
  await page.keyboard.press('Control+A');
  await page.keyboard.press('Delete');
  await page.keyboard.insertText(text);
}

/**
 * The labels the completion popup offers now. The popup is read whole: its box inside the window,
 * and each of its corners is the popup on screen (no scrolling box it sits in cuts it).
 */
async function completions(page: Page): Promise<string[]> {
  const list = page.locator('.cm-tooltip-autocomplete');
  await list.waitFor({ timeout: 30_000 });
  const seen = await list.evaluate((el) => {
    const b = el.getBoundingClientRect();
    // 3 px in from each corner: its rounded border is not the popup's own point.
    const at = (x: number, y: number) => el.contains(document.elementFromPoint(x, y));
    const corners = [
      at(b.left + 3, b.top + 3),
      at(b.right - 3, b.top + 3),
      at(b.left + 3, b.bottom - 3),
      at(b.right - 3, b.bottom - 3),
    ];
    const inside = b.left >= 0 && b.top >= 0 && b.right <= innerWidth && b.bottom <= innerHeight;
    return { corners, inside, box: [b.left, b.top, b.right, b.bottom].map(Math.round) };
  });
  expect(seen, JSON.stringify(seen.box)).toMatchObject({ corners: [true, true, true, true], inside: true });
  return list.locator('li').evaluateAll((els) => els.map((e) => e.textContent ?? ''));
}

describe('the query drawer (e2e)', () => {
  it(
    'the editor traps Tab (it indents): its hint says Ctrl+M then Tab leaves it, and Ctrl+M then Tab does',
    async () => {
      const { page } = await newPage(e2e.browser);
      await openExplorer(page, e2e.app.url);
      await page.evaluate(() => window.__newsgraph!.explorer.openCypher('MATCH (n) RETURN n LIMIT 1'));
      await page.locator('.cm-content').waitFor({ timeout: 60_000 });
      const hint = (await page.getByTestId('cypher-hint').textContent())!.replace(/\s+/g, ' ');
      expect(hint).toMatch(/Ctrl\+M then Tab leaves the editor/);
      expect(hint).toMatch(/Esc closes the drawer/);
      const inEditor = () => page.evaluate(() => !!document.activeElement?.closest('.cm-editor'));
      await page.locator('.cm-content').click();
      await page.keyboard.press('Tab');
      expect(await inEditor()).toBe(true);
      await page.keyboard.press('Control+m');
      await page.keyboard.press('Tab');
      expect(await inEditor()).toBe(false);
      expect(await page.evaluate(() => document.activeElement !== document.body)).toBe(true);
      // Still in the drawer: the way out of the editor is not a way out of the drawer.
      expect(await page.evaluate(() => !!document.activeElement?.closest('.drawer'))).toBe(true);
    },
    T,
  );

  it(
    'a backwards From/To range is refused with the reason, before anything runs',
    async () => {
      const { page } = await newPage(e2e.browser);
      await openExplorer(page, e2e.app.url);
      await page.getByTestId('query-events-in-place').click({ timeout: 60_000 });
      await page.getByTestId('param-from').fill('2024-01-01');
      await page.getByTestId('param-to').fill('2023-01-01');
      await page.getByTestId('run').click();
      const err = page.getByTestId('query-error');
      await err.waitFor({ timeout: 30_000 });
      expect(await err.textContent()).toMatch(/backwards/);
      await shot(page, 'query-drawer-backwards-range');
    },
    T,
  );

  it(
    'ad-hoc Cypher: keyword and function completion, warnings in words, a 100k-character query explained, CSV in table order',
    async () => {
      const { page } = await newPage(e2e.browser);
      await openExplorer(page, e2e.app.url);
      await page.getByRole('button', { name: 'Cypher', exact: true }).click();
      await page.locator('.cm-content').waitFor({ timeout: 60_000 });

      await typeQuery(page, 'MATCH (n:Person) WH');
      await page.keyboard.press('Control+Space');
      expect(await completions(page)).toEqual(expect.arrayContaining([expect.stringMatching(/^WHERE/)]));
      await page.keyboard.press('Escape');
      await typeQuery(page, 'RETURN toUp');
      await page.keyboard.press('Control+Space');
      expect(await completions(page)).toEqual(expect.arrayContaining([expect.stringMatching(/^toUpper/)]));
      await page.keyboard.press('Escape');
      // After '[r:' the relationship types of the database; after 'p.' the keys of p's label only.
      await typeQuery(page, 'MATCH (a)-[r:');
      await page.keyboard.press('Control+Space');
      expect(await completions(page)).toEqual(
        expect.arrayContaining([expect.stringMatching(/^MADE/), expect.stringMatching(/^OCCURRED_IN/)]),
      );
      await page.keyboard.press('Escape');
      // At the end of a long line: the popup reaches past the editor's column, over the result pane.
      await typeQuery(page, "MATCH (p:Person) WHERE p.name STARTS WITH 'A' AND p.");
      await page.keyboard.press('Control+Space');
      const keys = await completions(page);
      const [popup, column] = [await box(page, '.cm-tooltip-autocomplete'), await box(page, '.editor-wrap')];
      expect(popup.right, JSON.stringify({ popup, column })).toBeGreaterThan(column.right);
      expect(keys).toEqual(
        expect.arrayContaining([expect.stringMatching(/^nationality/), expect.stringMatching(/^role/)]),
      );
      expect(keys.filter((k) => /^date_basis/.test(k))).toEqual([]);
      await shot(page, 'query-drawer-property-completion');
      await page.keyboard.press('Escape');

      // A cartesian product: Neo4j warns, and the warning is written out.
      await typeQuery(page, 'MATCH (a:Weapon), (b:Weapon) RETURN a.name AS a, b.name AS b LIMIT 3');
      await page.keyboard.press('Control+Enter');
      const warnings = page.getByTestId('query-warnings');
      await warnings.waitFor({ timeout: 60_000 });
      expect(await warnings.textContent()).toMatch(/cartesian/i);

      // The table sorted by name, descending: the CSV has the rows in that order.
      await typeQuery(page, 'MATCH (p:Person) RETURN p.name AS name ORDER BY p.id LIMIT 8');
      await page.keyboard.press('Control+Enter');
      await page.locator('[data-testid=result-table] tbody tr').nth(7).waitFor({ timeout: 60_000 });
      await idle(page);
      const th = page.locator('[data-testid=result-table] th').first();
      await th.click();
      await th.click();
      expect(await th.getAttribute('aria-sort')).toBe('descending');
      const [csv] = await Promise.all([
        page.waitForEvent('download', { timeout: 60_000 }),
        page.getByTestId('download-csv').click(),
      ]);
      const rows = readFileSync((await csv.path())!, 'utf8')
        .trim()
        .split(/\r?\n/)
        .slice(1)
        // The first field (the name); the columns after it say what was asked, the same on every row.
        .map((r) => r.split(',')[0]!.replace(/^"|"$/g, ''));
      expect(rows).toHaveLength(8);
      expect(rows).toEqual(
        [...rows].sort((a, b) => b.localeCompare(a, undefined, { numeric: true, sensitivity: 'base' })),
      );

      // 100,000 characters: said so, not "check the parameters".
      await typeQuery(page, `RETURN 1 AS one // ${'x'.repeat(100_000)}`);
      await page.keyboard.press('Control+Enter');
      const err = page.getByTestId('query-error');
      await err.waitFor({ timeout: 60_000 });
      const text = (await err.textContent()) ?? '';
      expect(text).toMatch(/100,0\d\d characters long/);
      expect(text).not.toMatch(/parameters/i);
      await shot(page, 'query-drawer-long-query');
    },
    T,
  );
});
