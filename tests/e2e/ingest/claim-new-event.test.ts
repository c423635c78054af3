/**
 * A claim about an event nobody has recorded, end to end in Chromium: "New event…" in the claim's
 * edit form takes a name and a kind (Save disabled for a name without a letter or digit); a name the graph has for an event is refused with a message
 * that names it and a button that puts that event in About instead (saved and accepted, the claim is
 * about it in Neo4j; undone); named anew and saved, the article gains an event row named as given and the claim is about it;
 * accepting the claim accepts both, written to Neo4j with the claim's quote; one undo removes both; rejected and
 * reopened, the claim (its event gone with the reject) says it needs an event and cannot be accepted.
 * The text is our own; the app runs on a private data folder with the pure-JS name finder.
 */
import { describe, expect, it } from 'vitest';
import { idle, newPage, shot } from '../../support/browser';
import { testCypher } from '../../support/neo4j';
import { saveDetails, submitArticle } from '../support/add-article';
import { ingestSession } from '../support/ingest-session';

const T = 300_000;
const e2e = ingestSession('e2e-claim-new-event-');
const TITLE = 'Fire at a fuel depot outside Belgorod';
const TEXT = `${TITLE}\n\nVyacheslav Gladkov said on Telegram that a fire at a fuel depot outside Belgorod was put out overnight and nobody was hurt.`;
const NAME = 'Fire at the Belgorod fuel depot';

describe('a claim about a new event in the review (e2e, headless Chromium)', () => {
  it(
    'names the event in the claim form, refuses a graph event’s name offering that event instead, accepts both in one, undoes both',
    async () => {
      const { page, errors } = await newPage(e2e.browser);
      await submitArticle(page, { text: TEXT }, { explorer: e2e.app.url });
      const details = page.getByTestId('ingest-details');
      await details.getByTestId('ingest-details-outlet-unknown').check();
      await details.getByTestId('ingest-details-published').fill('2024-06-02');
      await saveDetails(page);
      expect(await page.locator('[data-testid=ingest-row][data-kind=event]').count()).toBe(0);

      const claim = page.locator('[data-testid=ingest-row][data-kind=claim]');
      const id = (await claim.getAttribute('data-candidate'))!;
      await claim.getByTestId('ingest-edit').click();
      const input = (k: string) => claim.getByTestId(`ingest-edit-${k}`);
      const error = () => claim.getByTestId('ingest-edit-error').textContent();
      await input('claimant').fill('vyacheslav-gladkov');
      await input('about').fill('');
      expect(await error()).toBe('give the event(s) the claim is about, or name a new event');
      await input('new-event').click();
      const fields = claim.getByTestId('ingest-new-event');
      expect(await fields.textContent()).toMatch(/Accepting the claim writes the event too/);
      await input('newEventName').fill(NAME);
      expect(await error()).toBe('say what kind of event the new one is (strike, meeting…)');
      expect(await input('save').isDisabled()).toBe(true);
      // Punctuation alone: refused before any round trip, in the server's words.
      await input('newEventName').fill('— … !');
      await input('newEventKind').fill('fire');
      expect(await error()).toBe("the new event's name needs a letter or a digit");
      expect(await input('save').isDisabled()).toBe(true);

      // A name the graph has for an event: refused, the message says which event to put in About.
      const [seeded] = (
        await testCypher(
          'MATCH (e:Event) WHERE e.accepted_by IS NULL RETURN e.id AS id, e.name AS name ORDER BY e.id LIMIT 1',
        )
      ).map((r) => r.toObject() as { id: string; name: string });
      await input('newEventName').fill(seeded!.name);
      await input('newEventKind').fill('fire');
      expect(await claim.getByTestId('ingest-edit-error').count()).toBe(0);
      await input('save').click();
      await page.waitForFunction(
        (eid) => document.querySelector('[data-testid=ingest-message]')?.textContent?.includes(`put ${eid} in About`),
        seeded!.id,
      );
      expect(await page.getByTestId('ingest-message').textContent()).toContain(`"${seeded!.name}" is in the graph`);
      expect(await page.locator('[data-testid=ingest-row][data-kind=event]').count()).toBe(0);

      // "Use <name> (<id>)": that event in About, the new-event fields gone; saved and accepted, the claim is about it.
      const use = input('use-existing');
      expect(await use.textContent()).toBe(`Use ${seeded!.name} (${seeded!.id})`);
      await use.click();
      expect(await input('about').inputValue()).toBe(seeded!.id);
      expect(await fields.count()).toBe(0);
      await input('save').click();
      await page.waitForSelector(`[data-testid=ingest-row][data-candidate="${id}"][data-state="edited"]`);
      await idle(page);
      expect(await page.locator('[data-testid=ingest-row][data-kind=event]').count()).toBe(0);
      const aboutSeeded = () =>
        testCypher(
          `MATCH (:Person {id: 'vyacheslav-gladkov'})-[:MADE]->(c:Claim)-[a:ABOUT]->(e:Event {id: $eid})
           WHERE c.accepted_by IS NOT NULL RETURN a.quote AS about`,
          { eid: seeded!.id },
        ).then((rs) => rs.map((r) => r.toObject()));
      await claim.getByTestId('ingest-accept').click();
      await page.waitForSelector(`[data-testid=ingest-row][data-candidate="${id}"][data-state="accepted"]`, {
        timeout: 60_000,
      });
      expect(await aboutSeeded()).toEqual([{ about: await claim.getByTestId('ingest-quote-text').textContent() }]);
      await claim.getByTestId('ingest-undo').click();
      await page.waitForSelector(`[data-testid=ingest-row][data-candidate="${id}"][data-state="edited"]`, {
        timeout: 60_000,
      });
      expect(await aboutSeeded()).toEqual([]);

      // Or a new event after all: About emptied, named under "New event…".
      await claim.getByTestId('ingest-edit').click();
      await input('about').fill('');
      await input('new-event').click();
      await input('newEventKind').fill('fire');
      await input('newEventName').fill(NAME);
      await shot(page, 'ingest-claim-new-event');
      await input('save').click();
      await page.waitForSelector(`[data-testid=ingest-row][data-candidate="${id}"][data-state="edited"]`);
      await idle(page);
      const event = page.locator('[data-testid=ingest-row][data-kind=event]');
      expect(await event.count()).toBe(1);
      expect(await event.locator('.ingest-row-title').textContent()).toBe(`Event · fire · ${NAME} (named in review)`);
      expect(await event.getAttribute('data-state')).toBe('edited');
      expect(await claim.getByTestId('ingest-blocked').count()).toBe(0);
      const quote = await claim.getByTestId('ingest-quote-text').textContent();

      await claim.getByTestId('ingest-accept').click();
      await page.waitForSelector(`[data-testid=ingest-row][data-candidate="${id}"][data-state="accepted"]`, {
        timeout: 60_000,
      });
      expect(await event.getAttribute('data-state')).toBe('accepted');
      const rows = await testCypher(
        `MATCH (:Person {id: 'vyacheslav-gladkov'})-[:MADE]->(c:Claim)-[a:ABOUT]->(e:Event {name: $name})
         WHERE c.accepted_by IS NOT NULL
         MATCH (:Article)-[m:MENTIONS]->(e)
         RETURN e.kind AS kind, e.accepted_by AS by, a.quote AS about, m.quote AS mention`,
        { name: NAME },
      );
      expect(rows.map((r) => r.toObject())).toEqual([{ kind: 'fire', by: 'local', about: quote, mention: quote }]);

      await claim.getByTestId('ingest-undo').click();
      await page.waitForSelector(`[data-testid=ingest-row][data-candidate="${id}"][data-state="edited"]`, {
        timeout: 60_000,
      });
      expect(await event.getAttribute('data-state')).toBe('edited');
      expect(await testCypher('MATCH (e:Event {name: $name}) RETURN e', { name: NAME })).toEqual([]);

      // Rejected, the event it named leaves the article; reopened, the claim says it needs an event and cannot be accepted.
      await claim.getByTestId('ingest-reject').click();
      await page.waitForSelector(`[data-testid=ingest-row][data-candidate="${id}"][data-state="rejected"]`);
      expect(await event.count()).toBe(0);
      await claim.getByTestId('ingest-reopen').click();
      await page.waitForSelector(`[data-testid=ingest-row][data-candidate="${id}"][data-state="edited"]`);
      expect(await claim.getByTestId('ingest-blocked').textContent()).toMatch(
        /^this claim needs an event: About is empty .* put the event it is about in About, or name a new event\.$/,
      );
      expect(await claim.getByTestId('ingest-accept').isDisabled()).toBe(true);
      expect(errors).toEqual([]);
    },
    T,
  );
});
