/**
 * The map, the claims board with the evidence reader, and corroboration end to end: the built app
 * served by the real server on the seeded test Neo4j, in Debian's headless Chromium. Every test
 * leaves a screenshot in tests/e2e/screenshots/ (git-ignored). Assertions read sigma's own display
 * state (what it hides or dims), the DOM, and on-screen geometry — not fixed sleeps or hard-coded
 * pixels. The database is only read. The timeline strip is in timeline.test.ts.
 */
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { e2eSession, frames, newPage, nodeId, shot } from '../../support/browser';
import { mapInk, mapLines, openViews, settled } from '../support/views';

const T = 240_000;
const e2e = e2eSession();
const open = (page: Page) => openViews(page, e2e.app.url);

describe('investigation views (e2e, headless Chromium)', () => {
  it(
    'the map shows Belgorod north of Kharkiv, both near the border — with every non-localhost request blocked',
    async () => {
      const { page, context, errors } = await newPage(e2e.browser);
      const blocked: string[] = [];
      await context.route('**/*', (route) => {
        const host = new URL(route.request().url()).hostname;
        if (host === '127.0.0.1' || host === 'localhost') return route.continue();
        blocked.push(route.request().url());
        return route.abort();
      });
      await open(page);
      await page.getByTestId('view-map').click();
      await page.waitForFunction(() => window.__newsgraph!.views.state().mapStatus.state === 'on', null, {
        timeout: 60_000,
      });
      await settled(page);

      const belgorod = (await nodeId(page, 'belgorod'))!;
      const kharkiv = (await nodeId(page, 'kharkiv'))!;
      const probe = (await page.evaluate(
        ([a, b]) => window.__newsgraph!.views.mapProbe([a!, b!], 'Russia', 'Ukraine'),
        [belgorod, kharkiv],
      ))!;
      expect(probe).not.toBeNull();
      const [bel, kha] = probe as [(typeof probe)[0], (typeof probe)[0]];
      // Nodes sit exactly where their coordinates project under the outlines.
      for (const n of probe) {
        expect(Math.abs(n.screen.x - n.projected!.x), n.id).toBeLessThan(1.5);
        expect(Math.abs(n.screen.y - n.projected!.y), n.id).toBeLessThan(1.5);
      }
      // North is up: Belgorod is above Kharkiv on screen, roughly in the same column.
      expect(bel.screen.y).toBeLessThan(kha.screen.y);
      const apart = Math.hypot(bel.screen.x - kha.screen.x, bel.screen.y - kha.screen.y);
      expect(Math.abs(bel.screen.x - kha.screen.x)).toBeLessThan(apart);
      expect(apart).toBeGreaterThan(25); // distinguishable at the initial zoom
      // Both near the drawn Russia–Ukraine border: closer to it than to each other.
      expect(bel.borderPx).toBeLessThan(apart * 0.75);
      expect(kha.borderPx).toBeLessThan(apart * 0.75);
      // The outline layer draws, and its canvas is far from blank.
      expect(await page.evaluate(() => window.__newsgraph!.views.mapFrames())).toBeGreaterThan(0);
      expect(await mapInk(page)).toBeGreaterThan(0.9); // sea and land fill the layer
      expect(await mapLines(page)).toBeGreaterThan(0.002); // borders and coasts are drawn
      await shot(page, 'investigation-map');

      // Pan/zoom: outlines follow the nodes.
      await page.evaluate((id) => window.__newsgraph!.explorer.sigmaController!.camera.focusNode(id, 0.08), belgorod);
      // Idle waits out the camera's animation (whatever a loaded machine makes of its 450 ms), then the frames after it.
      await settled(page);
      const zoomed = (await page.evaluate(
        ([a]) => window.__newsgraph!.views.mapProbe([a!], 'Russia', 'Ukraine'),
        [belgorod],
      ))!;
      expect(Math.abs(zoomed[0]!.screen.x - zoomed[0]!.projected!.x)).toBeLessThan(1.5);
      expect(Math.abs(zoomed[0]!.screen.y - zoomed[0]!.projected!.y)).toBeLessThan(1.5);
      await shot(page, 'investigation-map-zoomed');

      // Hover shows the distance statements of the data.
      const box = (await page.locator('[data-testid=graph]').boundingBox())!;
      // Events sit at their place, so other discs can cover Belgorod's centre: aim at a point of
      // its disc where sigma's own picking finds Belgorod on top.
      const at = await page.evaluate(
        ([id, c]) => {
          const s = window.__newsgraph!.explorer.sigmaController!.sigma;
          const pick = (
            s as unknown as { getNodeAtPosition(p: { x: number; y: number }): string | null }
          ).getNodeAtPosition.bind(s);
          const d = s.getNodeDisplayData(id!)!;
          const r = s.scaleSize(d.size);
          for (let k = 0; k <= 6; k++)
            for (let a = 0; a < 16; a++) {
              const p = {
                x: c!.x + ((k * r) / 7) * Math.cos((a * Math.PI) / 8),
                y: c!.y + ((k * r) / 7) * Math.sin((a * Math.PI) / 8),
              };
              if (pick(p) === id) return p;
            }
          return c!;
        },
        [belgorod, zoomed[0]!.screen] as const,
      );
      await page.mouse.move(box.x + at.x - 30, box.y + at.y - 30);
      await page.mouse.move(box.x + at.x, box.y + at.y, { steps: 4 });
      await page.getByTestId('distance-card').waitFor({ timeout: 30_000 });
      await expect(page.getByTestId('distance-card').textContent()).resolves.toMatch(
        /18 miles from the Ukrainian border/,
      );
      await shot(page, 'investigation-map-hover-distance');
      await page.mouse.move(box.x + 5, box.y + 5);

      // Back to the force layout: the outlines go, nodes return to where they were.
      await page.getByTestId('view-graph').click();
      await page.waitForFunction(() => window.__newsgraph!.views.state().mapStatus.state === 'off', null, {
        timeout: 30_000,
      });
      await frames(page, 2);
      expect(await mapInk(page)).toBe(0);

      expect(blocked).toEqual([]); // nothing even tried to leave the machine
      expect(errors).toEqual([]);
      await context.close();
    },
    T,
  );

  it(
    'the claims board shows the Gubkin street claims on opposite sides, the reader opens their quotes, and Back returns to both',
    async () => {
      const { page, context, errors } = await newPage(e2e.browser);
      await open(page);
      await page.getByTestId('view-claims').click();
      const card = page.locator('[data-testid=claims-card][data-key="gubkin-street-strike-2022-10"]');
      // The board waits for a query over every claim (the first of a fresh database on a loaded machine).
      await card.waitFor({ timeout: 60_000 });
      await settled(page);
      const sideOf = async (claimKey: string) =>
        card
          .locator(`[data-testid=claim][data-key="${claimKey}"]`)
          .evaluate((el) => el.closest('[data-testid=claims-side]')!.getAttribute('data-side'));
      expect(await sideOf('claim-tass-gubkin-ukrainian-shelling')).toBe('russia');
      expect(await sideOf('claim-podolyak-gubkin-russian-misfire')).toBe('ukraine');
      expect(await sideOf('claim-ukraine-gubkin-russian-misfire')).toBe('ukraine');
      await expect(card.locator('[data-testid=claims-side]').count()).resolves.toBeGreaterThanOrEqual(2);
      // An independent outlet is not Russia's side for being Russian; a side from a country is said as such.
      const astra = page.locator('[data-testid=claim][data-key="claim-astra-missile-hit-belgorod-centre-2024-04"]');
      const astraSide = astra.locator('xpath=ancestor::*[@data-testid="claims-side"][1]');
      await expect(astraSide.getAttribute('data-side')).resolves.toBe('independent');
      await expect(astraSide.locator('h3').textContent()).resolves.toBe('Independent / media');
      await expect(
        card.locator('[data-key="claim-tass-gubkin-ukrainian-shelling"] [data-testid=side-by-country]').count(),
      ).resolves.toBe(1);
      // (on two cards: it is about two events)
      const experts = page.locator('[data-testid=claim][data-key="claim-experts-russia-spares-air-force"]').first();
      await expect(
        experts.locator('xpath=ancestor::*[@data-testid="claims-side"][1]').locator('h3').textContent(),
      ).resolves.toBe('No side known');
      await expect(
        card.locator('[data-key="claim-tass-gubkin-ukrainian-shelling"] [data-testid=claim-contradicts]').textContent(),
      ).resolves.toMatch(/Podolyak|Government of Ukraine/);
      // Contested events come first.
      const firstCard = await page.locator('[data-testid=claims-card]').first().getAttribute('class');
      expect(firstCard).toContain('contested');
      await card.scrollIntoViewIfNeeded();
      await shot(page, 'investigation-claims-board');
      // What the board covers is out of reach for the keyboard too, not only out of sight.
      for (const covered of [page.getByRole('button', { name: 'Zoom in' }), page.getByTestId('view-claims')])
        await expect(covered.isVisible()).resolves.toBe(false);
      await expect(page.getByTestId('claims-close').isVisible()).resolves.toBe(true);

      // "Only contested events" is a step of its own, in the link; the header counts what is shown.
      await page.getByTestId('contested-only').check();
      await card.waitFor({ timeout: 30_000 });
      await expect(page.getByTestId('claims-summary').textContent()).resolves.toMatch(/^\d+ of \d+ events/);
      await expect.poll(() => new URL(page.url()).searchParams.get('contested')).toBe('1');

      // The quote opens the evidence reader: the paragraph, the quote highlighted, entity links.
      await card.locator('[data-key="claim-tass-gubkin-ukrainian-shelling"] [data-testid=claim-quote]').click();
      const reader = page.getByTestId('evidence-reader');
      await reader.locator('[data-testid=reader-text]').waitFor({ timeout: 30_000 });
      await expect(
        reader
          .locator('[data-testid=reader-quote-mark]')
          .allTextContents()
          .then((t) => t.join('')),
      ).resolves.toMatch(/as a result of\s\[Ukrainian\] shelling/);
      await expect(reader.getByTestId('reader-meta').textContent()).resolves.toMatch(
        /Daily Express \(inferred\) · 10–14 October 2022/, // inferred outlet, date known as a range
      );
      const links = await reader
        .locator('[data-testid=reader-entity]')
        .evaluateAll((els) => els.map((e) => e.getAttribute('data-key')));
      expect(links).toEqual(expect.arrayContaining(['tass', 'ukraine', 'kharkiv', 'belgorod']));
      await shot(page, 'investigation-evidence-reader');

      // An entity link goes into the graph: the board closes, the node is selected.
      await reader.locator('[data-testid=reader-entity][data-key="tass"]').first().click();
      await settled(page);
      const tass = await nodeId(page, 'tass');
      expect(await page.evaluate(() => window.__newsgraph!.snapshot().focus)).toBe(tass);
      await expect(page.getByTestId('evidence-reader').count()).resolves.toBe(0);
      await expect(page.getByTestId('claims-board').count()).resolves.toBe(0);

      // Back: the board again with the quote open and the filter ticked; once more, the reader closes.
      await page.goBack();
      await page.getByTestId('evidence-reader').locator('[data-testid=reader-text]').waitFor({ timeout: 30_000 });
      await settled(page);
      await expect(page.getByTestId('claims-board').count()).resolves.toBe(1);
      await expect(page.getByTestId('contested-only').isChecked()).resolves.toBe(true);
      await page.goBack();
      await page.getByTestId('evidence-reader').waitFor({ state: 'detached', timeout: 30_000 });
      await settled(page);
      await expect(page.getByTestId('contested-only').isChecked()).resolves.toBe(true);
      // The link opens the same board, filtered, for a colleague.
      await page.goto(page.url());
      await card.waitFor({ timeout: 60_000 });
      await expect(page.getByTestId('contested-only').isChecked()).resolves.toBe(true);
      await expect(page.getByTestId('claims-summary').textContent()).resolves.toMatch(/^\d+ of \d+ events/);
      expect(errors).toEqual([]);
      await context.close();
    },
    T,
  );

  it(
    'the single-source filter changes the visible edge count; events with contradicting claims are marked',
    async () => {
      const { page, context, errors } = await newPage(e2e.browser);
      await open(page);
      const before = await page.evaluate(() => window.__newsgraph!.views.drawn());
      const single = await page.evaluate(
        () =>
          [...window.__newsgraph!.explorer.graphState.edges.values()].filter((e) => e.properties.sources === 1).length,
      );
      expect(single).toBeGreaterThan(0);
      await page.getByTestId('single-source-toggle').check();
      await settled(page);
      const after = await page.evaluate(() => window.__newsgraph!.views.drawn());
      expect(after.edges).toBe(before.edges - single);
      await expect(page.getByTestId('shown-counts').textContent()).resolves.toContain(`${after.edges} links`);
      await shot(page, 'investigation-single-source-hidden');
      await page.getByTestId('single-source-toggle').uncheck();
      await settled(page);
      expect((await page.evaluate(() => window.__newsgraph!.views.drawn())).edges).toBe(before.edges);

      // Contested marker on the Gubkin street strike (rings drawn on the marker layer).
      const gubkin = (await nodeId(page, 'gubkin-street-strike-2022-10'))!;
      expect(await page.evaluate(() => window.__newsgraph!.views.contested())).toContain(gubkin);
      await page.evaluate((id) => window.__newsgraph!.explorer.sigmaController!.camera.focusNode(id, 0.3), gubkin);
      await settled(page);
      expect(await page.evaluate(() => window.__newsgraph!.views.markers())).toBeGreaterThan(0);
      await shot(page, 'investigation-contested-marker');

      // Corroboration in the detail panel: Gladkov governs the Belgorod region per 4 articles.
      await page.evaluate(async () => window.__newsgraph!.explorer.focusRef('vyacheslav-gladkov'));
      await page.getByTestId('corroboration').first().waitFor({ timeout: 30_000 });
      const notes = await page.getByTestId('corroboration').allTextContents();
      expect(notes).toContain('4 articles · 4 outlets');
      await shot(page, 'investigation-detail-corroboration');
      // Zelensky leads Ukraine per 4 articles, one of them by a publisher nobody named: not a 4th outlet.
      await page.evaluate(async () => window.__newsgraph!.explorer.focusRef('volodymyr-zelensky'));
      await expect
        .poll(() => page.getByTestId('corroboration').allTextContents(), { timeout: 30_000 })
        .toContain('4 articles · 3 outlets + 1 unnamed');
      expect(errors).toEqual([]);
      await context.close();
    },
    T,
  );

  it(
    'Back from a node or a quote opened on the claims board shows the board scrolled where it was',
    async () => {
      const { page, context, errors } = await newPage(e2e.browser);
      // Short enough that the seeded board scrolls.
      await page.setViewportSize({ width: 1100, height: 640 });
      await open(page);
      await page.getByTestId('view-claims').click();
      const board = page.getByTestId('claims-board');
      await page.locator('[data-testid=claims-card]').first().waitFor({ timeout: 60_000 });
      await settled(page);
      const scrollTop = () => board.evaluate((el) => el.scrollTop);
      const room = await board.evaluate((el) => el.scrollHeight - el.clientHeight);
      expect(room).toBeGreaterThan(300);
      // Scrolled by the wheel, as a reader would, to about the middle.
      const box = (await board.boundingBox())!;
      await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
      await page.mouse.wheel(0, Math.round(room / 2));
      await expect.poll(scrollTop).toBeGreaterThan(room / 2 - 40);
      await settled(page);
      const top = await scrollTop();
      // The position is kept with the board's history entry as it is scrolled.
      await expect.poll(() => page.evaluate(() => (history.state as { boardScroll?: number }).boardScroll)).toBe(top);
      /** Clicks (with the mouse, where it is: no scrolling first) the first `selector` in the board's view. */
      const clickVisible = async (selector: string) => {
        const at = await board.evaluate((el, sel) => {
          const r = el.getBoundingClientRect();
          const from = el.querySelector('.cb-head')!.getBoundingClientRect().bottom + 4;
          for (const x of el.querySelectorAll<HTMLButtonElement>(sel)) {
            const q = x.getBoundingClientRect();
            // A point of it below the sticky header and above the board's bottom edge.
            const y = Math.max(q.top, from) + Math.min(8, q.height / 2);
            if (!x.disabled && y < q.bottom - 2 && y < r.bottom - 4)
              return { x: q.left + Math.min(q.width / 2, 20), y };
          }
          return null;
        }, selector);
        expect(at, selector).not.toBeNull();
        await page.mouse.click(at!.x, at!.y);
      };

      // A name (claimant or event) opens the node in the graph; Back shows the board as it was left.
      await clickVisible('.cb-claimant, .cb-event');
      await board.waitFor({ state: 'detached', timeout: 30_000 });
      await settled(page);
      await page.goBack();
      await page.locator('[data-testid=claims-card]').first().waitFor({ timeout: 60_000 });
      await settled(page);
      expect(Math.abs((await scrollTop()) - top)).toBeLessThanOrEqual(3);
      await shot(page, 'investigation-claims-board-back');

      // A quote opens the reader over the board; Back closes it, the board still where it was.
      await clickVisible('[data-testid=claim-quote]');
      await page.getByTestId('evidence-reader').locator('[data-testid=reader-text]').waitFor({ timeout: 30_000 });
      await settled(page);
      await page.goBack();
      await page.getByTestId('evidence-reader').waitFor({ state: 'detached', timeout: 30_000 });
      await settled(page);
      expect(Math.abs((await scrollTop()) - top)).toBeLessThanOrEqual(3);
      expect(errors).toEqual([]);
      await context.close();
    },
    T,
  );
});
