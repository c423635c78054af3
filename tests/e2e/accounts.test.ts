/**
 * A server with accounts in the browser: the explorer asks to sign in (not for a token), a wrong
 * password is refused with the server's message, the right one loads the graph; the session cookie
 * is out of the page's reach (HttpOnly); the page's own writes need the session's CSRF token, and a
 * viewer's are refused whatever it sends.
 */
import { describe, expect, it } from 'vitest';
import { idle, newPage, nodeId, shot, snapshot } from '../support/browser';
import { accountsSession, PASSWORD } from './support/accounts';
import { signIn as signInAs, signInOnPage } from './support/sign-in';

const T = 240_000;
const e2e = accountsSession('newsgraph-e2e-accounts-', { ada: 'admin', vic: 'viewer' });

/** A write from the page's own JavaScript, with or without the session's CSRF token. */
const pageWrite = async (withCsrf: boolean): Promise<{ status: number; code: string }> => {
  const headers: Record<string, string> = { 'content-type': 'application/json' };
  if (withCsrf) {
    const s = (await (await fetch('/api/session')).json()) as { csrfToken: string };
    headers['x-csrf-token'] = s.csrfToken;
  }
  const r = await fetch('/api/users', {
    method: 'POST',
    headers,
    body: JSON.stringify({ name: `u${Date.now()}`, role: 'viewer', password: 'correct horse battery' }),
  });
  return { status: r.status, code: ((await r.json()) as { error?: { code: string } }).error?.code ?? 'OK' };
};

const signIn = (name: string) => signInAs(e2e.browser, e2e.app.url, name, PASSWORD);

describe('signing in to a server with accounts', () => {
  it(
    'asks to sign in, refuses a wrong password with the reason, then loads the graph',
    async () => {
      const { page, context, errors } = await newPage(e2e.browser);
      // Before sign-in the page asks who is signed in, once, and calls nothing that would answer 401.
      const refused: string[] = [];
      page.on('response', (r) => void (r.status() === 401 && refused.push(new URL(r.url()).pathname)));
      try {
        await page.goto(e2e.app.url);
        await page.getByTestId('signin-form').waitFor({ timeout: 90_000 });
        await idle(page);
        expect(refused).toEqual([]);
        expect(await page.getByTestId('token-input').count()).toBe(0);
        await page.getByTestId('signin-name').fill('vic');
        await page.getByTestId('signin-password').fill('not the password');
        await page.getByTestId('signin-submit').click();
        await page.getByTestId('signin-error').waitFor({ timeout: 60_000 });
        expect(await page.getByTestId('signin-error').textContent()).toMatch(/Wrong name or password/);
        await shot(page, 'accounts-01-wrong-password');
        await page.getByTestId('signin-password').fill(PASSWORD);
        await page.getByTestId('signin-submit').click();
        await page.waitForFunction(() => window.__newsgraph!.snapshot().nodes > 100, null, { timeout: 90_000 });
        await idle(page);
        expect(await page.getByTestId('signin-form').count()).toBe(0);
        const me = await page.evaluate(async () => (await (await fetch('/api/session')).json()) as { user: unknown });
        expect(me.user).toEqual({ name: 'vic', role: 'viewer', via: 'session' });
        // HttpOnly: the page's scripts never see the session cookie.
        expect(await page.evaluate(() => document.cookie)).not.toContain('newsgraph_session');
        expect(await page.evaluate(pageWrite, true)).toEqual({ status: 403, code: 'FORBIDDEN' });
        // A viewer gets no administration controls.
        await page.getByTestId('account-user').filter({ hasText: 'vic (viewer)' }).waitFor({ timeout: 30_000 });
        expect(await page.getByTestId('admin-open').count()).toBe(0);
        await shot(page, 'accounts-02-signed-in-viewer');
        expect(errors).toEqual([]);
      } finally {
        await context.close();
      }
    },
    T,
  );

  it(
    'an admin’s writes from the page need the session’s CSRF token',
    async () => {
      const { page, context, errors } = await signIn('ada');
      try {
        expect(await page.evaluate(pageWrite, false)).toEqual({ status: 403, code: 'CSRF' });
        expect(await page.evaluate(pageWrite, true)).toEqual({ status: 200, code: 'OK' });
        expect(errors).toEqual([]);
      } finally {
        await context.close();
      }
    },
    T,
  );

  it(
    'an admin adds an editor and a viewer in the admin dialog, and the audit view shows who did it',
    async () => {
      const { page, context, errors } = await signIn('ada');
      try {
        // After a reload the page learns its CSRF token from the server (it was not signed in by this page).
        await page.reload();
        await page.waitForFunction(() => window.__newsgraph!.snapshot().nodes > 100, null, { timeout: 90_000 });
        await idle(page);
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
        await shot(page, 'accounts-03-admin-users');
        await page.getByTestId('admin-tab-audit').click();
        await page.getByTestId('audit-filter-action').fill('user.add');
        const rows = page.getByTestId('audit-entry');
        // The unfiltered list may show first: wait for the filtered one.
        await expect
          .poll(
            async () => {
              const t = await rows.allTextContents();
              return t.some((x) => x.includes('vera')) && t.every((x) => x.includes('user.add'));
            },
            { timeout: 30_000 },
          )
          .toBe(true);
        const texts = await rows.allTextContents();
        expect(texts.some((t) => /ada.*user\.add.*eddie.*editor/.test(t))).toBe(true);
        expect(texts.every((t) => t.includes('user.add'))).toBe(true);
        await shot(page, 'accounts-04-audit-view');
        expect(errors).toEqual([]);
      } finally {
        await context.close();
      }
    },
    T,
  );

  it(
    'a shared link survives signing in first: focus, a run saved query and a saved view are rebuilt after sign-in',
    async () => {
      // A view to share by id: the signed-in admin saves Gladkov's expansion (its recipe is the link's v=).
      const { page: a, context: ac } = await signIn('ada');
      let vid: string;
      try {
        await a.evaluate(() => window.__newsgraph!.explorer.expand('vyacheslav-gladkov'));
        await idle(a);
        const recipe = new URL((await snapshot(a)).url, e2e.app.url).searchParams.get('v')!;
        expect(recipe).toMatch(/^1\./);
        vid = await a.evaluate(async (r) => {
          const s = (await (await fetch('/api/session')).json()) as { csrfToken: string };
          const res = await fetch('/api/views', {
            method: 'POST',
            headers: { 'content-type': 'application/json', 'x-csrf-token': s.csrfToken },
            body: JSON.stringify({ recipe: r }),
          });
          return ((await res.json()) as { id: string }).id;
        }, recipe);
      } finally {
        await ac.close();
      }
      const links = {
        focus: '/?focus=vyacheslav-gladkov',
        query: '/?query=most-connected&run=1',
        vid: `/?vid=${vid}`,
      };
      for (const [kind, link] of Object.entries(links)) {
        const { page, context, errors } = await newPage(e2e.browser);
        try {
          await page.goto(`${e2e.app.url}${link}`);
          await page.getByTestId('signin-form').waitFor({ timeout: 90_000 });
          await idle(page);
          // Signed out, the address is left as it was opened.
          expect(new URL(page.url()).search, kind).toBe(link.slice(1));
          await signInOnPage(page, 'vic', PASSWORD, 0);
          const s = await snapshot(page);
          if (kind === 'focus') {
            expect(s.focus).toBe(await nodeId(page, 'vyacheslav-gladkov'));
            expect(s.url).toContain('focus=vyacheslav-gladkov');
          } else if (kind === 'query') {
            const d = await page.evaluate(() => window.__newsgraph!.explorer.state.drawer);
            expect([d.query, d.ran, d.error]).toEqual(['most-connected', true, null]);
            expect(s.url).toContain('query=most-connected');
          } else {
            expect(s.expanded).toEqual([await nodeId(page, 'vyacheslav-gladkov')]);
          }
          await shot(page, `accounts-05-link-after-signin-${kind}`);
          expect(errors).toEqual([]);
        } finally {
          await context.close();
        }
      }
    },
    T,
  );

  it(
    'after signing in the timeline strip fits its pane',
    async () => {
      const { page, context, errors } = await signIn('vic');
      try {
        const fit = () =>
          page.evaluate(() => {
            const strip = document.querySelector<HTMLElement>('[data-testid=timeline]')!;
            const chart = document.querySelector<SVGSVGElement>('[data-testid=timeline-chart]')!;
            return { chart: chart.getBoundingClientRect().width, pane: strip.clientWidth };
          });
        await page.getByTestId('timeline-chart').waitFor({ timeout: 30_000 });
        await expect.poll(async () => (await fit()).chart, { timeout: 10_000 }).toBeLessThanOrEqual((await fit()).pane);
        // And it follows its pane when the window narrows.
        await page.setViewportSize({ width: 1100, height: 800 });
        await expect
          .poll(
            async () => {
              const f = await fit();
              return f.chart <= f.pane;
            },
            { timeout: 10_000 },
          )
          .toBe(true);
        expect(errors).toEqual([]);
      } finally {
        await context.close();
      }
    },
    T,
  );

  it(
    'the top bar’s controls (add article, admin) show while the graph is still loading',
    async () => {
      const { page, context, errors } = await signIn('ada');
      try {
        // The overview is held back: the admin's controls must show without it.
        let release = () => {};
        const held = new Promise<void>((r) => (release = r));
        await page.route('**/api/overview', async (route) => {
          await held;
          await route.continue();
        });
        await page.reload();
        try {
          await page.getByTestId('admin-open').waitFor({ timeout: 30_000 });
          expect(await page.getByTestId('add-article').count()).toBe(1);
          expect(await page.evaluate(() => window.__newsgraph!.explorer.state.loading)).toBe(true);
        } finally {
          release();
        }
        await page.waitForFunction(() => window.__newsgraph!.snapshot().nodes > 100, null, { timeout: 90_000 });
        await idle(page);
        expect(await page.getByTestId('admin-open').count()).toBe(1);
        expect(errors).toEqual([]);
      } finally {
        await context.close();
      }
    },
    T,
  );
});
