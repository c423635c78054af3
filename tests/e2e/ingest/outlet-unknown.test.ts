/**
 * "Outlet unknown" in the review's Article details: a pasted article whose text names no publisher
 * can be accepted without inventing an outlet; it is published by a placeholder organization of its
 * own, which corroboration counts as an unnamed outlet. The app runs on a private data folder with
 * the pure-JS name finder (no JVM).
 */
import { describe, expect, it } from 'vitest';
import { newPage } from '../../support/browser';
import { testCypher } from '../../support/neo4j';
import { saveDetails, submitArticle } from '../support/add-article';
import { ingestSession } from '../support/ingest-session';

const T = 300_000;
const e2e = ingestSession('e2e-outlet-unknown-');
const TITLE = 'Shelling reported near Kupiansk';
const TEXT = `${TITLE}\n\nOleh Syniehubov said a shell hit a warehouse in Kharkiv overnight, and nobody was hurt.`;

describe('outlet unknown in the review (e2e, headless Chromium)', () => {
  it(
    'an article without an outlet is accepted as published by a placeholder, counted as unnamed',
    async () => {
      const { page, errors } = await newPage(e2e.browser);
      await submitArticle(page, { text: TEXT }, { explorer: e2e.app.url });
      const details = page.locator('[data-testid=ingest-details]');
      const marked = () => details.locator('[aria-invalid=true]').evaluateAll((els) => els.map((e) => e.id).sort());
      expect(await marked()).toEqual(['ingest-details-outlet', 'ingest-details-published']);

      await details.locator('[data-testid=ingest-details-outlet-unknown]').check();
      expect(await details.locator('[data-testid=ingest-details-outlet]').isDisabled()).toBe(true);
      await details.locator('[data-testid=ingest-details-published]').fill('2024-05-15');
      await saveDetails(page);
      // Kept on the server: the box stays checked in the answer's view.
      expect(await details.locator('[data-testid=ingest-details-outlet-unknown]').isChecked()).toBe(true);

      const kharkiv = page.locator('[data-testid=ingest-row]', { hasText: 'Place · Kharkiv' }).first();
      const id = (await kharkiv.getAttribute('data-candidate'))!;
      await kharkiv.locator('[data-testid=ingest-accept]').click();
      await page.waitForSelector(`[data-testid=ingest-row][data-candidate="${id}"][data-state="accepted"]`);

      const rows = await testCypher(
        `MATCH (a:Article {title: $title})-[r:PUBLISHED_BY]->(o:Organization)
         RETURN o.placeholder AS placeholder, a.outlet_id = o.id AS linked, r.outlets AS outlets,
                r.unnamed_outlets AS unnamed`,
        { title: TITLE },
      );
      expect(rows.map((r) => r.toObject())).toEqual([{ placeholder: true, linked: true, outlets: 0, unnamed: 1 }]);
      expect(errors).toEqual([]);
    },
    T,
  );
});
