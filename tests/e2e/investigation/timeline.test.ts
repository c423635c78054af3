/**
 * The timeline strip end to end: brushing a year (the legend counts what it keeps bright), and "as
 * reported by" a day. The built app served by the real server on the seeded test Neo4j, in Debian's
 * headless Chromium; every test leaves a screenshot in tests/e2e/screenshots/ (git-ignored).
 * Assertions read sigma's own display state (what it hides or dims), the DOM, and on-screen
 * geometry, not fixed sleeps or hard-coded pixels. The database is only read. The other
 * investigation views are in views.test.ts.
 */
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import type { TimelineResponse } from '../../../src/shared/api';
import { timeScale } from '../../../src/web/core/timeline/scale';
import { e2eSession, newPage, nodeId, shot } from '../../support/browser';
import { openViews, settled } from '../support/views';

const T = 240_000;
const e2e = e2eSession();
const open = (page: Page) => openViews(page, e2e.app.url);

/** Page x of a day on the timeline chart, computed with the strip's own scale. */
async function timelineX(page: Page, iso: string): Promise<{ x: number; y: number }> {
  const t = (await (await fetch(`${e2e.app.url}/api/timeline?granularity=month`)).json()) as TimelineResponse;
  const days = [...t.events.flatMap((e) => [e.start, e.end]), ...t.articles.map((a) => a.published)].sort();
  const box = (await page.getByTestId('timeline-chart').boundingBox())!;
  const scale = timeScale(days[0]!, days[days.length - 1]!, box.width);
  return { x: box.x + scale.x(iso), y: box.y + box.height / 2 };
}

interface NodeInfo {
  id: string;
  key: string | null;
  labels: string[];
  props: Record<string, unknown>;
}
async function graphNodes(page: Page): Promise<NodeInfo[]> {
  return page.evaluate(() =>
    [...window.__newsgraph!.explorer.graphState.nodes.values()].map((n) => ({
      id: n.id,
      key: n.key,
      labels: n.labels,
      props: n.properties as Record<string, unknown>,
    })),
  );
}
const span = (p: Record<string, unknown>) => {
  const d = (v: unknown) => (typeof v === 'string' ? v.slice(0, 10) : null);
  const from = d(p.date) ?? d(p.date_from) ?? d(p.date_to);
  const to = d(p.date) ?? d(p.date_to) ?? d(p.date_from);
  return from && to ? { from, to } : null;
};

describe('investigation views: the timeline (e2e, headless Chromium)', () => {
  it(
    'brushing 2023 leaves only 2023 events bright, in the graph and on the strip',
    async () => {
      const { page, context, errors } = await newPage(e2e.browser);
      await open(page);
      const a = await timelineX(page, '2023-01-01');
      const b = await timelineX(page, '2023-12-31');
      await page.mouse.move(a.x, a.y);
      await page.mouse.down();
      await page.mouse.move((a.x + b.x) / 2, a.y, { steps: 4 });
      await page.mouse.move(b.x, b.y, { steps: 4 });
      await page.mouse.up();
      await settled(page);
      const range = await page.evaluate(() => window.__newsgraph!.views.state().filters.range);
      expect(range).toEqual({ from: '2023-01-01', to: '2023-12-31' });

      const events = (await graphNodes(page)).filter((n) => n.labels.includes('Event') && span(n.props));
      expect(events.length).toBeGreaterThan(30);
      let bright = 0;
      for (const e of events) {
        const s = span(e.props)!;
        const in2023 = s.from <= '2023-12-31' && s.to >= '2023-01-01';
        const dimmed = await page.evaluate((id) => window.__newsgraph!.isDimmed(id), e.id);
        expect(dimmed, `${e.key} ${s.from}..${s.to}`).toBe(!in2023);
        if (in2023) bright++;
      }
      expect(bright).toBeGreaterThan(5);
      expect(bright).toBeLessThan(events.length);
      // The strip agrees: marks outside 2023 are drawn dim.
      const marks = await page
        .locator('[data-testid=timeline-event]')
        .evaluateAll((els) => els.map((e) => [e.getAttribute('data-key'), e.getAttribute('data-dim')]));
      const byKey = new Map(events.map((e) => [e.key, span(e.props)!]));
      for (const [key, dim] of marks) {
        const s = byKey.get(key ?? null);
        if (s) expect(dim, key!).toBe(s.from <= '2023-12-31' && s.to >= '2023-01-01' ? '0' : '1');
      }
      await expect(page.getByTestId('timeline-label').textContent()).resolves.toContain('1 Jan 2023');
      // The legend counts what the brush keeps bright, not everything loaded.
      const allEvents = (await graphNodes(page)).filter((n) => n.labels.includes('Event'));
      let brightEvents = 0;
      for (const e of allEvents)
        if (!(await page.evaluate((id) => window.__newsgraph!.isDimmed(id), e.id))) brightEvents++;
      expect(brightEvents).toBeLessThan(allEvents.length);
      await expect(page.getByTestId('legend-Event').getAttribute('data-count')).resolves.toBe(String(brightEvents));
      await shot(page, 'investigation-timeline-brush-2023');

      // Play steps the window through time.
      await page.getByTestId('timeline-play').click();
      await page.waitForFunction(() => window.__newsgraph!.views.state().filters.range?.from !== '2023-01-01', null, {
        timeout: 30_000,
      });
      await page.getByTestId('timeline-play').click(); // pause
      expect(await page.evaluate(() => window.__newsgraph!.views.state().playing)).toBe(false);
      expect(errors).toEqual([]);
      await context.close();
    },
    T,
  );

  it(
    '"as reported by 2022-12-31" hides facts only reported in 2023–2024',
    async () => {
      const { page, context, errors } = await newPage(e2e.browser);
      await open(page);
      const before = await page.evaluate(() => window.__newsgraph!.views.drawn());
      await page.getByTestId('time-reported').click();
      const p = await timelineX(page, '2022-12-31');
      await page.mouse.click(p.x, p.y);
      await settled(page);
      expect(await page.evaluate(() => window.__newsgraph!.views.state().filters.asOf)).toBe('2022-12-31');

      const published = new Map(
        (await graphNodes(page))
          .filter((n) => n.labels.includes('Article'))
          .map((n) => [n.props.id as string, n.props.published as string]),
      );
      const edges = await page.evaluate(() =>
        [...window.__newsgraph!.explorer.graphState.edges.values()].map((e) => ({
          id: e.id,
          type: e.type,
          ev:
            (e.properties.evidence_articles as string[] | undefined) ??
            (typeof e.properties.article === 'string' ? [e.properties.article] : null),
        })),
      );
      let laterOnly = 0;
      let knownThen = 0;
      for (const e of edges) {
        if (!e.ev) continue;
        const hidden = await page.evaluate((id) => window.__newsgraph!.views.isHidden(id, 'edge'), e.id);
        if (e.ev.every((a) => (published.get(a) ?? '9999') > '2022-12-31')) {
          laterOnly++;
          expect(hidden, `${e.type} ${e.id} is only reported after 2022`).toBe(true);
        } else if (!hidden) knownThen++;
      }
      expect(laterOnly).toBeGreaterThan(50);
      expect(knownThen).toBeGreaterThan(50);
      // Named facts: the Su-34 release (WSJ, 2023) is hidden; the Gubkin street strike (Express, 2022) is not.
      const su34 = (await nodeId(page, 'su-34-belgorod-accidental-release-2023-04-20'))!;
      const gubkin = (await nodeId(page, 'gubkin-street-strike-2022-10'))!;
      const wsj = (await nodeId(page, 'wsj-2023-04-21-russia-mistakenly-bombs-own-city'))!;
      expect(await page.evaluate((id) => window.__newsgraph!.views.isHidden(id), su34)).toBe(true);
      expect(await page.evaluate((id) => window.__newsgraph!.views.isHidden(id), wsj)).toBe(true);
      expect(await page.evaluate((id) => window.__newsgraph!.views.isHidden(id), gubkin)).toBe(false);
      const after = await page.evaluate(() => window.__newsgraph!.views.drawn());
      expect(after.edges).toBeLessThan(before.edges);
      expect(after.nodes).toBeLessThan(before.nodes);
      await expect(page.getByTestId('timeline-label').textContent()).resolves.toMatch(/Known on 31 December 2022/);
      await shot(page, 'investigation-as-reported-by-2022-12-31');
      expect(errors).toEqual([]);
      await context.close();
    },
    T,
  );
});
