/**
 * The map from an empty scene grown from one node (Gladkov): with Belgorod region the only place
 * located, the first map view still shows the Russia–Ukraine border near it (it used to frame a
 * few km of land, the border over 500 px away, no outline in sight).
 */
import { describe, expect, it } from 'vitest';
import { e2eSession, frames, idle, newPage, nodeId, openExplorer, shot, snapshot } from '../../support/browser';
import { search } from '../support/explorer';
import { mapLines } from '../support/views';

const T = 240_000;
const e2e = e2eSession();

describe('map from an empty scene', () => {
  it(
    'Gladkov grown from an empty scene: Belgorod region on the map, the border near it drawn',
    async () => {
      const { page } = await newPage(e2e.browser);
      await openExplorer(page, e2e.app.url);
      await page.getByTestId('start-mode').selectOption('empty');
      await idle(page);
      await search(page, 'Gladkov');
      await page.locator('[data-testid=search-results] [role=option]').first().click();
      await idle(page);
      const gladkov = (await nodeId(page, 'vyacheslav-gladkov'))!;
      await page.evaluate((id) => window.__newsgraph!.explorer.expand(id), gladkov);
      await idle(page);
      expect((await snapshot(page)).nodes).toBeLessThan(40);
      await page.getByTestId('view-map').click();
      await page.waitForFunction(() => window.__newsgraph!.views.state().mapStatus.state === 'on', null, {
        timeout: 60_000,
      });
      await idle(page);
      await frames(page, 3);
      const region = (await nodeId(page, 'belgorod-region'))!;
      const probe = (await page.evaluate(
        ([a]) => window.__newsgraph!.views.mapProbe([a!], 'Russia', 'Ukraine'),
        [region],
      ))!;
      await shot(page, 'map-empty-scene');
      const [r] = probe;
      expect(Math.abs(r!.screen.x - r!.projected!.x)).toBeLessThan(1.5);
      expect(Math.abs(r!.screen.y - r!.projected!.y)).toBeLessThan(1.5);
      expect(r!.borderPx).toBeLessThan(250); // the border is in the view, near the region
      expect(await mapLines(page)).toBeGreaterThan(0.002);
    },
    T,
  );
});
