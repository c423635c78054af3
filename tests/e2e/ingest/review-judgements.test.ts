/**
 * Reviewing a pasted article the way a person does, end to end in Chromium: keyboard-only review
 * (↑/↓ move, a accepts, u undoes, r rejects, e edits), a merge into an existing entity, the
 * caution on one-edit pairs (Zelenskyi/Zelensky: the same man; Podolyar/Podolyan: not), "unsure"
 * and "not the same" judgements, a free-form edit of a claim (its event, its quote trimmed and
 * checked as an exact slice), and the contradiction that claim raises with the graph (two injured
 * here, three in the seeded claim), confirmed and undone. The text is our own; the app runs on a
 * private data folder with the pure-JS name finder.
 */
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { idle, newPage, shot } from '../../support/browser';
import { testDriver, testNeo4j } from '../../support/neo4j';
import { graphFingerprint } from '../../support/seeded';
import { submitArticle } from '../support/add-article';
import { ingestSession } from '../support/ingest-session';

const TEXT = `Two people were injured when a Su-34 warplane accidentally released a bomb over Belgorod late Thursday, Vyacheslav Gladkov, the governor of the region, said on Friday.

Volodymyr Zelenskyi said in his nightly address that Russia was bombing its own cities. Mikhail Podolyar, a local councillor in Belgorod, said residents had heard two loud blasts.

The Russian Defence Ministry said a munition had been released in an emergency.`;
const EVENT = 'su-34-belgorod-accidental-release-2023-04-20';
const SEEDED_CLAIM = 'claim-gladkov-su34-three-injured';
const T = 400_000;
const e2e = ingestSession('e2e-review-');

async function cypher(q: string, params: Record<string, unknown> = {}): Promise<Record<string, unknown>[]> {
  const driver = testDriver();
  try {
    const r = await driver.executeQuery(q, params, { database: testNeo4j().database });
    return r.records.map((x) => x.toObject());
  } finally {
    await driver.close();
  }
}

/** The row whose title is exactly this ("Name · Mikhail Podolyar", "Claim by Vyacheslav Gladkov"). */
const row = (page: Page, title: string) =>
  page.locator('[data-testid=ingest-row]', {
    has: page.locator('.ingest-row-title', { hasText: new RegExp(`^${title}$`) }),
  });

async function stateIs(page: Page, title: string, state: string): Promise<void> {
  await row(page, title)
    .and(page.locator(`[data-state="${state}"]`))
    .waitFor({ timeout: 60_000 });
  await idle(page);
}

/** The current row of the list (keyboard review acts on it). */
const current = (page: Page) =>
  page.locator('[data-testid=ingest-row][aria-selected=true]').getAttribute('data-candidate');

async function stateOf(page: Page, id: string, state: string): Promise<void> {
  await page.waitForSelector(`[data-testid=ingest-row][data-candidate="${id}"][data-state="${state}"]`, {
    timeout: 60_000,
  });
  await idle(page);
}

describe('reviewing with judgements, edits and contradictions (e2e, headless Chromium)', () => {
  it(
    'keyboard review, merge, unsure, not the same, a claim edited, its contradiction confirmed and undone',
    async () => {
      const { page, errors } = await newPage(e2e.browser);
      // The paste path, with the details the text does not carry.
      const article = { text: TEXT, title: 'Bomb falls on Belgorod', outlet: 'Example Wire', published: '2023-04-21' };
      await submitArticle(page, article, { explorer: e2e.app.url });
      expect(await graphFingerprint()).toBe(e2e.seeded);
      await shot(page, 'review-judgements-01-pasted');

      // Keyboard only: the list has the focus, the first row (Su-34, e1) is current; the rows are
      // the names in the order they first appear (e2 Belgorod, e3 Gladkov, e4 Zelenskyi, e5 Russia).
      await page.getByTestId('ingest-list').focus();
      expect(await current(page)).toBe('e1');
      await page.keyboard.press('a');
      await stateOf(page, 'e1', 'accepted');
      await page.keyboard.press('ArrowDown');
      await page.keyboard.press('ArrowDown');
      expect(await current(page)).toBe('e3');
      await page.keyboard.press('a');
      await stateOf(page, 'e3', 'accepted');
      await page.keyboard.press('u');
      await stateOf(page, 'e3', 'pending');
      await page.keyboard.press('ArrowUp');
      expect(await current(page)).toBe('e2');
      await page.keyboard.press('a');
      await stateOf(page, 'e2', 'accepted');
      for (let i = 0; i < 3; i++) await page.keyboard.press('ArrowDown');
      expect(await current(page)).toBe('e5');
      await page.keyboard.press('r');
      await stateOf(page, 'e5', 'rejected');
      // e opens the editor with the typing in its first field; Escape gives the list the keys back.
      await page.keyboard.press('ArrowUp');
      await page.keyboard.press('e');
      const editor = row(page, 'Name · Volodymyr Zelenskyi').getByTestId('ingest-editor');
      await editor.waitFor();
      expect(await page.evaluate(() => document.activeElement?.getAttribute('data-testid'))).toBe('ingest-edit-name');
      await page.keyboard.press('Escape');
      await editor.waitFor({ state: 'detached' });
      await page.getByTestId('ingest-dialog').waitFor(); // the Escape closed the editor, not the dialog
      await page.keyboard.press('ArrowUp');
      expect(await current(page)).toBe('e3');
      await page.keyboard.press('a');
      await stateOf(page, 'e3', 'accepted');
      expect(await page.getByTestId('ingest-counts').textContent()).toMatch(/ 3 accepted · 1 rejected/);
      await shot(page, 'review-judgements-02-keyboard');

      // Merge into an existing entity: the defence ministry, under its British spelling.
      const ministry = row(page, 'Name · Russian Defence Ministry');
      expect(await ministry.getByTestId('ingest-merge-into').inputValue()).toBe('russian-defense-ministry');
      await ministry.getByTestId('ingest-merge').click();
      await stateIs(page, 'Name · Russian Defence Ministry', 'accepted');

      // One edit from Zelensky: a caution in plain sight; "unsure" keeps it, then a person says "same".
      const zel = row(page, 'Name · Volodymyr Zelenskyi');
      expect(await zel.getByTestId('ingest-caution').textContent()).toMatch(/1 edit from "Volodymyr Zelensky"/);
      await zel.getByTestId('ingest-unsure').click();
      await zel.getByTestId('ingest-judged-unsure').waitFor({ timeout: 60_000 });
      await idle(page);
      expect(await zel.getByTestId('ingest-unsure').isDisabled()).toBe(true);
      await zel.getByTestId('ingest-merge').click();
      await stateIs(page, 'Name · Volodymyr Zelenskyi', 'accepted');

      // One edit from Podolyak's alias "Podolyan", and a different man: "not the same" removes
      // the suggestion (the server's view of the batch no longer has it), then he is a new person.
      const pod = row(page, 'Name · Mikhail Podolyar');
      expect(await pod.getByTestId('ingest-caution').textContent()).toMatch(/1 edit from "Mikhail Podolyan"/);
      await shot(page, 'review-judgements-03-caution');
      await pod.getByTestId('ingest-not-same').click();
      await pod.getByTestId('ingest-merge-choice').waitFor({ state: 'detached', timeout: 60_000 });
      await idle(page);
      expect(await pod.textContent()).toMatch(/not proposing mykhailo-podolyak: judged not the same/);
      await pod.getByTestId('ingest-label').selectOption('Person');
      await pod.getByTestId('ingest-accept').click();
      await stateIs(page, 'Person · Mikhail Podolyar', 'accepted'); // the row shows the label it was written with
      const people = await cypher(
        "MATCH (p:Person) WHERE p.name IN ['Mikhail Podolyar', 'Mykhailo Podolyak'] RETURN p.id AS id ORDER BY id",
      );
      expect(people.map((p) => p.id)).toEqual(['mikhail-podolyar', 'mykhailo-podolyak']);

      // Edit Gladkov's claim: the event it is about (in the graph) and a shorter quote, checked as typed.
      const claim = row(page, 'Claim by Vyacheslav Gladkov');
      expect(await claim.getByTestId('ingest-blocked').textContent()).toMatch(/choose the event/);
      await claim.getByTestId('ingest-edit').click();
      await claim.getByTestId('ingest-edit-about').fill(EVENT);
      const quote = claim.getByTestId('ingest-edit-quote');
      await quote.fill('Three people were injured when a Su-34 warplane');
      expect(await claim.getByTestId('ingest-edit-quote-check').textContent()).toMatch(/not an exact slice/);
      expect(await claim.getByTestId('ingest-edit-save').isDisabled()).toBe(true);
      const short = 'Two people were injured when a Su-34 warplane accidentally released a bomb over Belgorod';
      await quote.fill(short);
      expect(await claim.getByTestId('ingest-edit-quote-check').textContent()).toMatch(/^14 words · exact slice \[0–/);
      await claim.getByTestId('ingest-edit-statement').fill('Gladkov said two people were hurt by the bomb.');
      await shot(page, 'review-judgements-04-edit');
      await claim.getByTestId('ingest-edit-save').click();
      await stateIs(page, 'Claim by Vyacheslav Gladkov', 'edited');
      const text = (await page.getByTestId('ingest-article').textContent())!;
      expect(await claim.getByTestId('ingest-quote-text').textContent()).toBe(short);
      expect(await claim.getByTestId('ingest-offsets').textContent()).toBe(`[0–${short.length}]`);
      expect(text.slice(0, short.length)).toBe(short);
      await claim.getByTestId('ingest-accept').click();
      await stateIs(page, 'Claim by Vyacheslav Gladkov', 'accepted');
      // Accepted, the row shows what was written: the edited quote.
      expect(await claim.getByTestId('ingest-quote-text').textContent()).toBe(short);
      const [written] = await cypher(
        `MATCH (c:Claim)-[:ABOUT]->(:Event {id: $event}) WHERE c.accepted_by IS NOT NULL
         RETURN c.id AS id, c.quote AS quote, c.statement AS statement`,
        { event: EVENT },
      );
      expect(written).toMatchObject({ quote: short, statement: 'Gladkov said two people were hurt by the bomb.' });

      // Its contradiction with the seeded claim (three injured) is proposed; a person confirms it.
      const proposal = page.getByTestId('ingest-contradiction').filter({ hasText: SEEDED_CLAIM });
      await proposal.waitFor({ timeout: 60_000 });
      expect(await proposal.textContent()).toMatch(/figures differ: 2 injured here, 3 injured/);
      expect(await proposal.textContent()).toContain(`${written!.id} ↔ ${SEEDED_CLAIM}`);
      await shot(page, 'review-judgements-05-contradiction');
      const contradicts = async () =>
        (
          await cypher(
            `MATCH (a:Claim {id: $a})-[r:CONTRADICTS]-(b:Claim {id: $b})
             RETURN count(r) AS n, collect(DISTINCT a.status) + collect(DISTINCT b.status) AS status`,
            { a: written!.id, b: SEEDED_CLAIM },
          )
        )[0]!;
      expect(Number((await contradicts()).n)).toBe(0);
      await proposal.getByTestId('ingest-contradiction-confirm').click();
      await page.getByTestId('ingest-contradiction-confirmed').waitFor({ timeout: 60_000 });
      await idle(page);
      expect(await proposal.count()).toBe(0);
      const linked = await contradicts();
      expect(Number(linked.n)).toBe(1);
      expect(linked.status).toEqual(['contested', 'contested']);
      await shot(page, 'review-judgements-06-confirmed');

      // Undone exactly: the link gone, the seeded claim's status back, the proposal offered again.
      await page.getByTestId('ingest-contradiction-undo').click();
      await proposal.waitFor({ timeout: 60_000 });
      await idle(page);
      expect(Number((await contradicts()).n)).toBe(0);
      const [seededClaim] = await cypher('MATCH (c:Claim {id: $id}) RETURN c.status AS status', { id: SEEDED_CLAIM });
      expect(seededClaim!.status).toBe('uncontested');
      expect(errors).toEqual([]);
    },
    T,
  );
});
