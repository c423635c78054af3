/**
 * Roles end to end, on one server with accounts: the admin adds an editor and a viewer in the
 * Administration dialog; the editor adds the wire report (our own text) in the Add-article dialog
 * and accepts one person; the viewer finds that person with the quote behind it, is offered no
 * way to add or review, and the API refuses the viewer's writes even with a valid session and
 * CSRF token; the admin's audit view shows the editor's accept. Pure-JS name finder (no JVM).
 */
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { openAppStore } from '../../src/runtime/store/app-store';
import { Accounts } from '../../src/server/auth/accounts';
import { idle, nodeId, shot } from '../support/browser';
import { graphFingerprint } from '../support/seeded';
import { submitArticle } from './support/add-article';
import { search } from './support/explorer';
import { ingestSession } from './support/ingest-session';
import { signIn } from './support/sign-in';

const FIXTURE = join(__dirname, '../fixtures/ingest/wire-report.html');
const T = 300_000;
const PASSWORD = 'correct horse battery';
/** What the editor accepts of the wire report: a new person, the region it links, and his office. */
const PERSON = { candidate: 'e4', region: 'e1', office: 'r1', name: 'Anton Veresov', key: 'anton-veresov' };
// The accept stays in the graph for the viewer and the audit; the session gives other files the
// seeded graph back.
const e2e = ingestSession('newsgraph-e2e-roles-', async (dataDir) => {
  const store = openAppStore(dataDir);
  await new Accounts(store).add('ada', 'admin', PASSWORD);
  store.close();
});
// Learned by the editor's test, used by the viewer's and the admin's.
let batchId = '';
let quote = '';

/** A request from the page's own JavaScript with its session cookie and the session's CSRF token. */
const pageRequest = async ([method, path, body]: [string, string, unknown]) => {
  const s = (await (await fetch('/api/session')).json()) as { csrfToken: string };
  const r = await fetch(path, {
    method,
    headers: { 'content-type': 'application/json', 'x-csrf-token': s.csrfToken },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const json = (await r.json()) as { error?: { code: string } };
  return { status: r.status, code: json.error?.code ?? 'OK', json: json as unknown };
};
const request = (page: Page, method: string, path: string, body?: unknown) =>
  page.evaluate(pageRequest, [method, path, body] as [string, string, unknown]);

/**
 * The write controls of the Cypher drawer and the style panel a signed-in user is offered: opens
 * the drawer's Cypher editor and the Person style panel (then closes it) and counts them.
 */
async function writeControls(page: Page): Promise<Record<string, number>> {
  await page.getByRole('button', { name: 'Cypher', exact: true }).click();
  await page.locator('.cm-content').waitFor({ timeout: 60_000 });
  await page.getByTestId('style-label-Person').click();
  await page.getByTestId('style-panel').waitFor();
  const counts = {
    saveQuery: await page.getByTestId('save-query-open').count(),
    styleSave: await page.getByTestId('style-save').count(),
    styleReset: await page.getByTestId('style-reset').count(),
    readOnlyNote: await page.getByTestId('style-readonly').count(),
  };
  await page.locator('[data-testid=style-panel] button[aria-label=Close]').click();
  await page.getByTestId('style-panel').waitFor({ state: 'detached' });
  return counts;
}

describe('an editor accepts, a viewer only looks, the admin sees who did it (e2e)', () => {
  it(
    'the admin adds an editor and a viewer',
    async () => {
      const { page, context, errors } = await signIn(e2e.browser, e2e.app.url, 'ada', PASSWORD);
      try {
        await page.getByTestId('admin-open').click();
        await page.getByTestId('admin-user-ada').waitFor({ timeout: 30_000 });
        for (const [name, role] of [
          ['eddie', 'editor'],
          ['vera', 'viewer'],
        ] as const) {
          await page.getByTestId('admin-add-name').fill(name);
          await page.getByTestId('admin-add-role').selectOption(role);
          await page.getByTestId('admin-add-password').fill(PASSWORD);
          await page.getByTestId('admin-add-submit').click();
          await page.getByTestId(`admin-user-${name}`).waitFor({ timeout: 30_000 });
          expect(await page.getByTestId(`admin-user-${name}`).locator('select').inputValue()).toBe(role);
        }
        expect(await page.getByTestId('admin-error').count()).toBe(0);
        expect(errors).toEqual([]);
      } finally {
        await context.close();
      }
    },
    T,
  );

  it(
    'the editor adds the article and accepts a person, the region it links and his office',
    async () => {
      const { page, context, errors } = await signIn(e2e.browser, e2e.app.url, 'eddie', PASSWORD);
      try {
        await page.getByTestId('account-user').filter({ hasText: 'eddie (editor)' }).waitFor({ timeout: 30_000 });
        expect(await page.getByTestId('admin-open').count()).toBe(0);
        // An editor may save queries and styles: offered.
        expect(await writeControls(page)).toEqual({ saveQuery: 1, styleSave: 1, styleReset: 1, readOnlyNote: 0 });
        await submitArticle(page, { file: FIXTURE });
        expect(await graphFingerprint()).toBe(e2e.seeded); // staged, not written

        const row = (id: string) => page.locator(`[data-testid=ingest-row][data-candidate="${id}"]`);
        expect(await row(PERSON.candidate).locator('.ingest-row-title').textContent()).toContain(PERSON.name);
        expect(await row(PERSON.office).locator('.ingest-row-title').textContent()).toContain(PERSON.name);
        // The quote the viewer must see: the one behind the person's office (a bare name carries no quote).
        quote = (await row(PERSON.office).getByTestId('ingest-quote-text').textContent())!;
        expect(quote).toContain(PERSON.name);
        // The region (a link to the seeded one), the new person, then the office between them.
        for (const id of [PERSON.region, PERSON.candidate, PERSON.office]) {
          await row(id).getByTestId('ingest-accept').click();
          await page.waitForSelector(`[data-testid=ingest-row][data-candidate="${id}"][data-state="accepted"]`, {
            timeout: 60_000,
          });
          await idle(page);
        }
        expect(await graphFingerprint()).not.toBe(e2e.seeded);
        expect(await page.getByTestId('ingest-counts').textContent()).toMatch(/ 3 accepted /);
        await shot(page, 'roles-01-editor-accepted');

        const batches = await request(page, 'GET', '/api/ingest/batches');
        expect(batches.status).toBe(200);
        const list = (batches.json as { batches: { id: string; createdBy: string }[] }).batches;
        expect(list).toHaveLength(1);
        expect(list[0]!.createdBy).toBe('eddie');
        batchId = list[0]!.id;
        expect(errors).toEqual([]);
      } finally {
        await context.close();
      }
    },
    T,
  );

  it(
    'the viewer finds the accepted person with its quote, is offered no writes, and the API refuses them',
    async () => {
      expect(batchId).not.toBe('');
      const { page, context, errors } = await signIn(e2e.browser, e2e.app.url, 'vera', PASSWORD);
      try {
        await page.getByTestId('account-user').filter({ hasText: 'vera (viewer)' }).waitFor({ timeout: 30_000 });
        // The role is known (the line above): nothing to add, review or administer.
        expect(await page.getByTestId('add-article').count()).toBe(0);
        expect(await page.getByTestId('admin-open').count()).toBe(0);
        expect(await page.locator('[data-testid=ingest-dialog], [data-testid=ingest-accept]').count()).toBe(0);
        // Nor to save a query or a style (the server refuses both to a viewer).
        expect(await writeControls(page)).toEqual({ saveQuery: 0, styleSave: 0, styleReset: 0, readOnlyNote: 1 });

        await search(page, 'Veresov');
        await page.locator('[data-testid=search-results] [role=option]', { hasText: PERSON.name }).first().click();
        await page.getByTestId('detail-name').filter({ hasText: PERSON.name }).waitFor({ timeout: 60_000 });
        await page.getByTestId('evidence').waitFor({ timeout: 60_000 });
        await idle(page);
        const evidence = await page.locator('[data-testid=evidence-item] [data-testid=quote]').allTextContents();
        expect(evidence.some((q) => q.includes(quote))).toBe(true);
        await shot(page, 'roles-02-viewer-sees-accept');

        // Writes with a valid session and CSRF token: refused for the role, the graph untouched.
        const id = await nodeId(page, PERSON.key);
        expect(id).not.toBeNull();
        const before = await graphFingerprint();
        const refused = { status: 403, code: 'FORBIDDEN' };
        const accept = `/api/ingest/batches/${encodeURIComponent(batchId)}/candidates/r1/accept`;
        expect(await request(page, 'POST', accept, {})).toMatchObject(refused);
        expect(
          await request(page, 'PATCH', `/api/nodes/${encodeURIComponent(id!)}`, {
            version: 0,
            set: { description: 'changed by a viewer' },
          }),
        ).toMatchObject(refused);
        expect(await request(page, 'GET', '/api/ingest/batches')).toMatchObject(refused);
        expect(await graphFingerprint()).toBe(before);
        expect(errors).toEqual([]);
      } finally {
        await context.close();
      }
    },
    T,
  );

  it(
    "the admin's audit view lists the editor's accepts, and nothing but a sign-in and refused writes by the viewer",
    async () => {
      expect(batchId).not.toBe('');
      const { page, context, errors } = await signIn(e2e.browser, e2e.app.url, 'ada', PASSWORD);
      try {
        await page.getByTestId('admin-open').click();
        await page.getByTestId('admin-tab-audit').click();
        await page.getByTestId('audit-filter-action').fill('ingest.accept');
        const rows = page.getByTestId('audit-entry');
        const target = (id: string) => `${batchId}/${id}`;
        // [when, who, via, what, target, change] of every listed entry.
        const read = () =>
          rows.evaluateAll((trs) => trs.map((tr) => [...tr.querySelectorAll('td')].map((td) => td.textContent ?? '')));
        // The unfiltered list may show first: wait for the filtered one (every row an accept).
        await expect
          .poll(
            async () => {
              const c = await read();
              return c.length > 0 && c.every((r) => r[3] === 'ingest.accept');
            },
            { timeout: 30_000 },
          )
          .toBe(true);
        const cells = await read();
        expect(cells.map((c) => c[1])).toEqual(cells.map(() => 'eddie'));
        // She accepted in her browser: every entry says it came through a session.
        expect(cells.map((c) => c[2])).toEqual(cells.map(() => 'session'));
        // The target reads as a name; its id is in the tooltip.
        const accepted = await page
          .getByTestId('audit-entry-target')
          .evaluateAll((tds) => tds.map((td) => td.getAttribute('title') ?? ''));
        for (const id of [PERSON.region, PERSON.candidate, PERSON.office]) expect(accepted).toContain(target(id));
        expect(cells.map((c) => c[4]).some((t) => (t ?? '').startsWith(`${batchId}/`))).toBe(false);
        await shot(page, 'roles-03-audit-editor-accept');
        // The viewer's refused attempts changed nothing: her entries are her sign-in and the two
        // refused writes (the refused read is not kept).
        const byViewer = await request(page, 'GET', '/api/audit?actor=vera');
        expect(byViewer.status).toBe(200);
        const entries = (byViewer.json as { entries: { action: string; target: string }[] }).entries;
        expect(entries.map((e) => `${e.action} ${e.action === 'write.refused' ? e.target : ''}`.trim())).toEqual([
          'write.refused PATCH /api/nodes/:id',
          'write.refused POST /api/ingest/batches/:id/candidates/:candidate/accept',
          'session.login',
        ]);
        expect(errors).toEqual([]);
      } finally {
        await context.close();
      }
    },
    T,
  );
});
