/**
 * A claim's date in the review, end to end in Chromium: the edit form shows the range the claim
 * was proposed with ("last week", resolved from the publication date given in Article details),
 * refuses a range that ends before it starts and a day given with a range before anything is sent,
 * the row shows the edited range, and it is what the accepted claim carries in Neo4j (as dates,
 * with its basis).
 * The text is our own; the app runs on a private data folder with the pure-JS name finder.
 */
import { describe, expect, it } from 'vitest';
import { idle, newPage, shot } from '../../support/browser';
import { testCypher } from '../../support/neo4j';
import { saveDetails, submitArticle } from '../support/add-article';
import { ingestSession } from '../support/ingest-session';

const T = 300_000;
const e2e = ingestSession('e2e-claim-date-');
const TITLE = 'Missile debris falls on Belgorod suburb';
const TEXT = `${TITLE}\n\nVyacheslav Gladkov said on Telegram that debris from a downed missile damaged two houses in Belgorod last week and nobody was hurt.`;
const EVENT = 'belgorod-missile-abnormal-drop-2024-04';
const BASIS = 'Gladkov named the days in a later post';

describe("a claim's date in the review (e2e, headless Chromium)", () => {
  it(
    'shows the proposed range, checks an edited one before sending it, and writes it on accept',
    async () => {
      const { page, errors } = await newPage(e2e.browser);
      await submitArticle(page, { text: TEXT }, { explorer: e2e.app.url });
      // The publication date resolves "last week"; no outlet is named in the text.
      const details = page.getByTestId('ingest-details');
      await details.getByTestId('ingest-details-outlet-unknown').check();
      await details.getByTestId('ingest-details-published').fill('2024-05-15');
      await saveDetails(page);

      const claim = page.locator('[data-testid=ingest-row][data-kind=claim]');
      const id = (await claim.getAttribute('data-candidate'))!;
      await claim.getByTestId('ingest-edit').click();
      const input = (k: string) => claim.getByTestId(`ingest-edit-${k}`);
      // The week before the publication's (Monday to Sunday), as proposed.
      expect(await input('date').inputValue()).toBe('');
      expect(await input('dateFrom').inputValue()).toBe('2024-05-06');
      expect(await input('dateTo').inputValue()).toBe('2024-05-12');
      expect(await input('dateBasis').inputValue()).toMatch(/last week/);

      // Who makes it and what it is about first: the form names the first problem it finds.
      await input('claimant').fill('vyacheslav-gladkov');
      await input('about').fill(EVENT);
      const error = () => claim.getByTestId('ingest-edit-error').textContent();
      const save = input('save');
      await input('dateFrom').fill('2024-05-10');
      await input('dateTo').fill('2024-05-08');
      expect(await error()).toBe('the date range ends before it starts (2024-05-10 is after 2024-05-08)');
      expect(await save.isDisabled()).toBe(true);
      await input('date').fill('2024-05-09');
      expect(await error()).toBe('give either a day or a from–to range, not both');
      await input('date').fill('');
      await input('dateFrom').fill('8 May');
      expect(await error()).toMatch(/"8 May" is not a date: write it YYYY-MM-DD/);
      await input('dateFrom').fill('2024-05-08');
      await input('dateTo').fill('2024-05-10');
      await input('dateBasis').fill(BASIS);
      expect(await claim.getByTestId('ingest-edit-error').count()).toBe(0);
      await shot(page, 'ingest-claim-date-edit');
      await save.click();
      await page.waitForSelector(`[data-testid=ingest-row][data-candidate="${id}"][data-state="edited"]`);
      await idle(page);
      expect(await claim.getByTestId('ingest-detail').textContent()).toMatch(/ · Date: 2024-05-08 – 2024-05-10$/);

      // Opened again, the form shows the range as saved on the server.
      await claim.getByTestId('ingest-edit').click();
      expect(await input('dateFrom').inputValue()).toBe('2024-05-08');
      expect(await input('dateTo').inputValue()).toBe('2024-05-10');
      expect(await input('dateBasis').inputValue()).toBe(BASIS);
      await claim.getByTestId('ingest-edit-cancel').click();

      await claim.getByTestId('ingest-accept').click();
      await page.waitForSelector(`[data-testid=ingest-row][data-candidate="${id}"][data-state="accepted"]`, {
        timeout: 60_000,
      });
      const rows = await testCypher(
        `MATCH (:Person {id: 'vyacheslav-gladkov'})-[:MADE]->(c:Claim)-[:ABOUT]->(:Event {id: $event})
         WHERE c.accepted_by IS NOT NULL
         RETURN toString(c.date_from) AS from, toString(c.date_to) AS to,
                [valueType(c.date_from), valueType(c.date_to)] AS types, c.date AS date, c.date_basis AS basis`,
        { event: EVENT },
      );
      expect(rows.map((r) => r.toObject())).toEqual([
        { from: '2024-05-08', to: '2024-05-10', types: ['DATE NOT NULL', 'DATE NOT NULL'], date: null, basis: BASIS },
      ]);
      expect(errors).toEqual([]);
    },
    T,
  );
});
