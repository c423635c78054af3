/**
 * Adding an article in the explorer, end to end: the wire report (our own text) dropped into the
 * Add-article dialog is extracted and staged; the review list shows each item's quote as an exact
 * slice of the stored text at its offsets; accepting writes the graph, the new person shows in
 * the explorer with its quote; undoing every accept gives back exactly the seeded graph. The app
 * runs on a private data folder (its own staging store) with the pure-JS name finder (no JVM). An
 * event proposed under the name of an earlier one of its article carries a caution under its row.
 */
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { idle, newPage, nodeId, shot } from '../../support/browser';
import { graphFingerprint } from '../../support/seeded';
import { openStagedReview, submitArticle } from '../support/add-article';
import { ingestSession } from '../support/ingest-session';

const FIXTURE = join(__dirname, '../../fixtures/ingest/wire-report.html');
const T = 300_000;
const e2e = ingestSession('e2e-ingest-');

/** Two strikes on one town on one day, so both events are proposed under one name (our own text). */
const TWO_STRIKES = `Two strikes near Moscow

A drone struck a fuel depot near Moscow on Saturday, officials said.

Later on Saturday, a drone struck a warehouse near Moscow, the officials said.
`;

const row = (page: Page, id: string) => page.locator(`[data-testid=ingest-row][data-candidate="${id}"]`);

/** Clicks an action on a row and waits for the answer (the batch) to be shown. */
async function act(page: Page, id: string, action: string, state: string): Promise<void> {
  await row(page, id).locator(`[data-testid=ingest-${action}]`).click();
  await page.waitForSelector(`[data-testid=ingest-row][data-candidate="${id}"][data-state="${state}"]`);
  await idle(page);
}

describe('add and review an article (e2e, headless Chromium)', () => {
  it(
    'a dropped file is staged, reviewed with quotes and offsets, accepted into the graph, and undone exactly',
    async () => {
      const { page, errors } = await newPage(e2e.browser);
      await submitArticle(page, { file: FIXTURE }, { explorer: e2e.app.url });
      expect(await graphFingerprint()).toBe(e2e.seeded); // staged, not written

      // Every listed item's quote is the stored text at its offsets.
      const text = (await page.locator('[data-testid=ingest-article]').textContent())!;
      const quotes = await page.$$eval('[data-testid=ingest-row]', (rows) =>
        rows.map((r) => ({
          quote: r.querySelector('[data-testid=ingest-quote-text]')!.textContent!,
          offsets: r.querySelector('[data-testid=ingest-offsets]')!.textContent!,
          kind: r.getAttribute('data-kind'),
        })),
      );
      expect(quotes.length).toBeGreaterThan(10);
      expect(new Set(quotes.map((q) => q.kind))).toEqual(new Set(['entity', 'relationship', 'claim', 'event', 'date']));
      for (const q of quotes) {
        const [start, end] = q.offsets.slice(1, -1).split('–').map(Number);
        expect(text.slice(start, end)).toBe(q.quote);
      }
      expect(await row(page, 'e4').locator('.ingest-row-title').textContent()).toContain('Anton Veresov');
      await shot(page, 'ingest-review');

      // Bulk accept of the high-confidence links, then the new governor and his GOVERNOR_OF, by hand.
      await page.click('[data-testid=ingest-bulk]');
      await page.waitForSelector('[data-testid=ingest-row][data-candidate="e1"][data-state="accepted"]');
      await idle(page);
      await act(page, 'e4', 'accept', 'accepted');
      await act(page, 'r1', 'accept', 'accepted');
      // An untyped name cannot be accepted until the reviewer says what it is.
      const lgov = page.locator('[data-testid=ingest-row]', { hasText: 'Name · Lgov' });
      const lgovId = (await lgov.getAttribute('data-candidate'))!;
      expect(await lgov.locator('[data-testid=ingest-accept]').isDisabled()).toBe(true);
      await lgov.locator('[data-testid=ingest-label]').selectOption('Place');
      await act(page, lgovId, 'accept', 'accepted');
      // A rejection is reversible and writes nothing.
      const afterAccepts = await graphFingerprint();
      expect(afterAccepts).not.toBe(e2e.seeded);
      await act(page, 'c1', 'reject', 'rejected');
      await act(page, 'c1', 'reopen', 'pending');
      expect(await graphFingerprint()).toBe(afterAccepts);
      const counts = await page.locator('[data-testid=ingest-counts]').textContent();
      // Five links in bulk (Ukraine of "Ukraine's Defence Ministry" among them), the governor, his office, Lgov.
      expect(counts).toMatch(/ 8 accepted /);

      // The new person in the explorer, with the quote behind it.
      await row(page, 'e4').locator('[data-testid=ingest-show]').click();
      await page.waitForSelector('[data-testid=ingest-dialog]', { state: 'detached' });
      await page.waitForFunction(
        () => document.querySelector('[data-testid=detail-name]')?.textContent === 'Anton Veresov',
        null,
        { timeout: 60_000 },
      );
      await idle(page);
      const evidence = await page.locator('[data-testid=evidence-item] [data-testid=quote]').allTextContents();
      expect(evidence.join(' ')).toContain('Anton Veresov');
      await shot(page, 'ingest-accepted-in-graph');

      // Undo, newest first, from the review list of the staged article (reopened from the dialog).
      await openStagedReview(page);
      // The review keys work at once, without a click on a card: ↓ to the newest accept, u undoes it.
      const current = () => page.locator('[data-testid=ingest-row][aria-selected=true]').getAttribute('data-candidate');
      for (let i = 0; i < 80 && (await current()) !== lgovId; i++) await page.keyboard.press('ArrowDown');
      expect(await current()).toBe(lgovId);
      await page.keyboard.press('u');
      await page.waitForSelector(`[data-testid=ingest-row][data-candidate="${lgovId}"][data-state="pending"]`);
      await idle(page);
      await act(page, 'r1', 'undo', 'pending');
      await act(page, 'e4', 'undo', 'pending');
      await act(page, 'e1', 'undo', 'pending');
      expect(await page.locator('[data-testid=ingest-counts]').textContent()).toMatch(/ 0 accepted /);
      expect(await graphFingerprint()).toBe(e2e.seeded);
      await shot(page, 'ingest-undone');
      // Closing after an undo redraws from the graph as it now is: the removed person is gone.
      expect(await nodeId(page, 'anton-veresov')).not.toBeNull();
      await page.click('[data-testid=ingest-close]');
      await page.waitForSelector('[data-testid=ingest-dialog]', { state: 'detached' });
      await page.waitForFunction(() => window.__newsgraph!.nodeId('anton-veresov') === null, null, { timeout: 60_000 });
      await idle(page);
      expect(await nodeId(page, 'vyacheslav-gladkov')).not.toBeNull();
      expect(errors).toEqual([]);
    },
    T,
  );

  it(
    'an event proposed under the name of an earlier one of its article says so under its row, and can still be accepted',
    async () => {
      const { page, errors } = await newPage(e2e.browser);
      const meta = { outlet: 'Example Wire', published: '2024-06-03' };
      await submitArticle(page, { text: TWO_STRIKES, ...meta }, { explorer: e2e.app.url });
      const events = page.locator('[data-testid=ingest-row][data-kind=event]');
      expect(await events.count()).toBe(2);
      expect(await events.nth(0).getByTestId('ingest-row-caution').count()).toBe(0);
      const first = await events.nth(0).getAttribute('data-candidate');
      const caution = events.nth(1).getByTestId('ingest-row-caution');
      expect(await caution.getAttribute('role')).toBe('note');
      expect(await caution.textContent()).toMatch(new RegExp(`same name as cand:${first}, "Strike in Moscow`));
      expect(await events.nth(1).getByTestId('ingest-accept').isDisabled()).toBe(false);
      expect(errors).toEqual([]);
    },
    T,
  );
});
