/**
 * End to end, habits from other graph tools that used to trip a new user: a name typed in
 * Cyrillic finds its Latin spelling; a phrase of a claim finds the claim, shown around the words that matched; part of an article's title finds the article, with
 * its outlet and date, and Articles is a search filter; the search's label chips say they narrow the search; the
 * evidence reader says where the quote sits in words (not character offsets) and whether the
 * original article's address is known; the detail panel writes machine keys as words; the
 * explorer can start from an empty scene that search grows, and remembers that choice; Find
 * paths can skip claims, mentions or articles and steps through the paths one by one, and after
 * "no path" offers to try again following mentions.
 */
import { describe, expect, it } from 'vitest';
import { e2eSession, idle, newPage, nodeId, openExplorer, shot, snapshot } from '../support/browser';
import { search } from './support/explorer';

const T = 240_000;
const e2e = e2eSession();

describe('friction removed (e2e)', () => {
  it(
    '"Гладков" finds Vyacheslav Gladkov; the label chips are captioned as search filters; an over-long paste stays whole and the box says search uses its start',
    async () => {
      const { page } = await newPage(e2e.browser);
      await openExplorer(page, e2e.app.url);
      await expect(page.getByTestId('search-filters-caption').textContent()).resolves.toMatch(/^Search only/);
      await search(page, 'Гладков');
      const first = page.locator('[data-testid=search-results] [role=option]').first();
      await expect(first.textContent()).resolves.toMatch(/Vyacheslav Gladkov/);
      await shot(page, 'friction-cyrillic-search');
      // Pasted text longer than the API takes: the box keeps it whole, says it searches the first
      // 200 characters, and the list answers "No match", not the contract's "q: must be at most…".
      const box = page.getByTestId('search');
      const long = `Gladkov ${'x'.repeat(300)}`;
      await box.fill(long);
      await expect(box.inputValue()).resolves.toBe(long);
      await expect(page.getByTestId('search-cut-note').textContent()).resolves.toBe(
        'Search uses the first 200 characters.',
      );
      const answer = page.locator('[data-testid=search-results] li.empty');
      await answer.waitFor({ timeout: 30_000 });
      await expect(answer.textContent()).resolves.toMatch(/^No match/);
    },
    T,
  );

  it(
    'a phrase of a claim finds it, shown as a claim with who made it; picking it opens the claim in the detail panel',
    async () => {
      const { page, context, errors } = await newPage(e2e.browser);
      await openExplorer(page, e2e.app.url);
      await search(page, 'residential Belgorod with cluster-armed missiles');
      const first = page.locator('[data-testid=search-results] [role=option]').first();
      await expect(first.getAttribute('data-kind')).resolves.toBe('claim');
      await expect(first.textContent()).resolves.toMatch(
        /^Russia accused Ukraine of hitting residential Belgorod.*Claim by Government of Russia$/,
      );
      await shot(page, 'friction-claim-search');
      // A long statement matched near its end is shown around the words that matched, cut at both ends.
      await search(page, 'Gubkin street building fits the footage');
      const late = page.locator('[data-testid=search-results] [role=option][data-kind=claim] .caption').first();
      await expect(late.getAttribute('title')).resolves.toMatch(/^Gladkov said a school/);
      await expect(late.textContent()).resolves.toMatch(/^….*Gubkin street building fits the footage\)\.$/);
      await search(page, 'residential Belgorod with cluster-armed missiles');
      await first.click();
      await page
        .getByTestId('detail-name')
        .filter({ hasText: 'Russia accused Ukraine of hitting residential Belgorod' })
        .waitFor({ timeout: 60_000 });
      await idle(page);
      // The claim node itself, as the graph shows a claim: selected, with its status to edit.
      const claim = await nodeId(page, 'claim-russia-ukraine-cluster-attack-belgorod-2022-07');
      expect((await snapshot(page)).focus).toBe(claim);
      await page.getByTestId('edit-claim-status').waitFor();
      // Its provenance is read once, in the Evidence section: one quote (it is on each of the claim's
      // links too), with its article; the property list shows no article ids or offsets.
      await page.getByTestId('evidence').waitFor({ timeout: 30_000 });
      expect(await page.getByTestId('evidence-item').count()).toBe(1);
      expect(await page.getByTestId('evidence-item').getByTestId('source').textContent()).toMatch(/Kremlin accuses/i);
      const keys = await page.locator('dl.props dt').allTextContents();
      expect(keys.filter((k) => /^(Article|Start|End|Evidence)/.test(k))).toEqual([]);
      expect(errors).toEqual([]);
      await context.close();
    },
    T,
  );

  it(
    "part of an article's title finds it, shown with its outlet and date; Articles narrows the search; picking it opens the article",
    async () => {
      const { page, context, errors } = await newPage(e2e.browser);
      await openExplorer(page, e2e.app.url);
      await search(page, 'mistakenly bombs');
      const first = page.locator('[data-testid=search-results] [role=option]').first();
      await expect(first.getAttribute('data-kind')).resolves.toBe('article');
      await expect(first.textContent()).resolves.toBe(
        'Russia Mistakenly Bombs Own CityArticle · The Wall Street Journal · 21 April 2023',
      );
      await shot(page, 'friction-article-search');
      // The Articles chip: an outlet's name then finds its articles only, not the outlet itself.
      await page.getByTestId('filter-Article').click();
      // The chip took the focus; the box clicked again at once keeps its list open for what is typed.
      await page.getByTestId('search').click();
      await page.getByTestId('search').fill('Daily Express');
      const options = page.locator('[data-testid=search-results] [role=option]');
      await expect
        .poll(() => options.allTextContents(), { timeout: 30_000 })
        .toEqual([
          'Russia hits own building in Belgorod with misfired missile attackArticle · Daily Express (inferred) · 10–14 October 2022',
        ]);
      await page.getByTestId('filter-Article').click();
      await page.locator('[data-testid=search][aria-expanded=false]').waitFor({ timeout: 10_000 });
      await search(page, 'mistakenly bombs');
      await options.first().click();
      await page
        .getByTestId('detail-name')
        .filter({ hasText: 'Russia Mistakenly Bombs Own City' })
        .waitFor({ timeout: 60_000 });
      await idle(page);
      const article = await nodeId(page, 'wsj-2023-04-21-russia-mistakenly-bombs-own-city');
      expect((await snapshot(page)).focus).toBe(article);
      expect(errors).toEqual([]);
      await context.close();
    },
    T,
  );

  it(
    'while a new search is pending the list says "Searching…" and offers none of the previous hits',
    async () => {
      const { page } = await newPage(e2e.browser);
      await openExplorer(page, e2e.app.url);
      await search(page, 'Gladkov');
      const options = page.locator('[data-testid=search-results] [role=option]');
      await expect(options.first().textContent()).resolves.toMatch(/Gladkov/);
      // The next answer is held back until the list has been read.
      let release = () => {};
      const held = new Promise<void>((r) => (release = r));
      await page.route('**/api/search**', async (route) => {
        await held;
        await route.continue();
      });
      await page.getByTestId('search').fill('Zelensky');
      await page.locator('[data-testid=search-results] .searching').waitFor({ timeout: 10_000 });
      expect(await options.count()).toBe(0);
      release();
      await expect.poll(() => options.first().textContent(), { timeout: 30_000 }).toMatch(/Zelensky/);
    },
    T,
  );

  it(
    'the evidence reader gives the position in words and says whether the original is linked; panels write keys as words',
    async () => {
      const { page } = await newPage(e2e.browser);
      await openExplorer(page, e2e.app.url);
      await page.evaluate(() =>
        window.__newsgraph!.explorer.openReader('express-2022-10-13-russia-hits-own-building-in-belgorod', 1384, 1441),
      );
      const reader = page.getByTestId('evidence-reader');
      await reader.locator('[data-testid=reader-text]').waitFor({ timeout: 30_000 });
      const meta = (await reader.getByTestId('reader-meta').textContent()) ?? '';
      expect(meta).toMatch(/of the way into the article|at the (start|end) of the article/);
      expect(meta).not.toMatch(/characters \d/);
      await expect(reader.getByTestId('reader-original').textContent()).resolves.toMatch(
        /original article|No address of the original/,
      );
      await shot(page, 'friction-evidence-reader');
      await page.keyboard.press('Escape');

      // Values stored as keys ("city", "russia") read as words ("City", "Russia") in the detail panel.
      const belgorod = (await nodeId(page, 'belgorod'))!;
      await page.evaluate((id) => window.__newsgraph!.explorer.select(id), belgorod);
      await idle(page);
      const props = page.locator('.props');
      await props.waitFor({ timeout: 30_000 });
      const values = await props.locator('dd').allTextContents();
      expect(values.length).toBeGreaterThan(0);
      expect(values.filter((v) => /^[a-z][a-z0-9]*([-_][a-z0-9]+)*$/.test(v))).toEqual([]);
      await shot(page, 'friction-detail-values');
    },
    T,
  );

  it(
    '"Start with: one node" empties the scene, is remembered on reload, and search grows the view from one node',
    async () => {
      const { page } = await newPage(e2e.browser);
      await openExplorer(page, e2e.app.url);
      expect((await snapshot(page)).nodes).toBeGreaterThan(100);
      await page.getByTestId('start-mode').selectOption('empty');
      await idle(page);
      expect((await snapshot(page)).nodes).toBe(0);

      // Reloaded (same browser storage): still empty, the choice shown.
      await openExplorer(page, e2e.app.url);
      expect((await snapshot(page)).nodes).toBe(0);
      await expect(page.getByTestId('start-mode').inputValue()).resolves.toBe('empty');

      // Search puts the node in the scene with its neighbourhood.
      await search(page, 'Gladkov');
      await page.locator('[data-testid=search-results] [role=option]').first().click();
      await idle(page);
      const grown = await snapshot(page);
      expect(grown.nodes).toBeGreaterThan(1);
      expect(grown.nodes).toBeLessThan(100);
      expect(grown.focus).toBe(await nodeId(page, 'vyacheslav-gladkov'));
      await shot(page, 'friction-start-from-one-node');

      // Back to the overview, remembered too.
      await page.getByTestId('start-mode').selectOption('overview');
      await idle(page);
      expect((await snapshot(page)).nodes).toBeGreaterThan(100);
      await openExplorer(page, e2e.app.url);
      expect((await snapshot(page)).nodes).toBeGreaterThan(100);
    },
    T,
  );

  it(
    'Find paths: skip toggles, the paths one by one, the finding said once (in the path bar)',
    async () => {
      const { page } = await newPage(e2e.browser);
      await openExplorer(page, e2e.app.url);
      const [gladkov, peskov] = [(await nodeId(page, 'vyacheslav-gladkov'))!, (await nodeId(page, 'dmitry-peskov'))!];
      await page.evaluate(
        ([a, b]) => {
          const e = window.__newsgraph!.explorer;
          e.select(a!);
          e.select(b!, true);
        },
        [gladkov, peskov],
      );
      await expect(page.getByTestId('path-skip-mentions').isChecked()).resolves.toBe(true);
      await expect(page.getByTestId('path-skip-claims').isChecked()).resolves.toBe(false);
      await page.getByTestId('find-paths').click();
      await page.getByTestId('path-steps').waitFor({ timeout: 60_000 });
      await idle(page);
      const all = await page.evaluate(() => {
        const p = window.__newsgraph!.explorer.state.path!;
        return { count: p.count, drawn: p.nodes.size, first: [...p.paths[0]!.nodes].sort() };
      });
      expect(all.count).toBeGreaterThan(1);
      expect(all.drawn).toBeGreaterThan(all.first.length);
      // Said once: the path bar, not the status line too.
      const status = await page
        .getByTestId('status')
        .textContent({ timeout: 1000 })
        .catch(() => '');
      expect(status ?? '').not.toMatch(/shortest path/);
      await page.getByTestId('path-next').click();
      await expect(page.getByTestId('path-step').textContent()).resolves.toBe(`1 of ${all.count}`);
      const one = await page.evaluate(() => [...window.__newsgraph!.explorer.state.path!.nodes].sort());
      expect(one).toEqual(all.first);
      await shot(page, 'friction-path-steps');

      // Skipping claims too: the paths found go through no claim.
      await page.getByTestId('clear-path').click();
      await page.getByTestId('path-skip-claims').check();
      await page.getByTestId('find-paths').click();
      await page.getByTestId('pathbar').filter({ hasText: 'shortest path' }).waitFor({ timeout: 60_000 });
      await idle(page);
      const labels = await page.evaluate(() => {
        const e = window.__newsgraph!.explorer;
        return [...e.state.path!.nodes].flatMap((id) => e.graphState.nodes.get(id)?.labels ?? []);
      });
      expect(labels.length).toBeGreaterThan(2);
      expect(labels).not.toContain('Claim');
    },
    T,
  );

  it(
    'Find paths: "no path" without mentions offers one click that searches again following them',
    async () => {
      const { page, errors } = await newPage(e2e.browser);
      await openExplorer(page, e2e.app.url);
      // Macron is only mentioned by articles: no path reaches him unless mentions are followed.
      const [gladkov, macron] = [(await nodeId(page, 'vyacheslav-gladkov'))!, (await nodeId(page, 'emmanuel-macron'))!];
      expect(macron).toBeTruthy();
      await page.evaluate(
        ([a, b]) => {
          const e = window.__newsgraph!.explorer;
          e.select(a!);
          e.select(b!, true);
        },
        [gladkov, macron],
      );
      await page.getByTestId('find-paths').click();
      const bar = page.getByTestId('pathbar');
      await bar.filter({ hasText: 'No path' }).waitFor({ timeout: 60_000 });
      await expect(page.getByTestId('find-paths-to-hint').textContent()).resolves.toMatch(/Try again including/);
      await page.getByTestId('path-retry-mentions').click();
      await bar.filter({ hasText: 'shortest path' }).waitFor({ timeout: 60_000 });
      await idle(page);
      const found = await page.evaluate(() => {
        const e = window.__newsgraph!.explorer;
        const p = e.state.path!;
        return {
          ends: [p.from, p.to],
          exclude: p.exclude,
          labels: [...p.nodes].flatMap((id) => e.graphState.nodes.get(id)?.labels ?? []),
        };
      });
      expect(found.ends).toEqual([gladkov, macron]);
      expect(found.exclude).toEqual([]);
      expect(found.labels).toContain('Article');
      await expect(page.getByTestId('path-retry-mentions').count()).resolves.toBe(0);
      expect(errors).toEqual([]);
    },
    T,
  );
});
