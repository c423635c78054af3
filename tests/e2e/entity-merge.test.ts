/**
 * Merging a duplicate from the detail panel, end to end: a second spelling of the governor ("V.
 * Gladkov", a second article's) is on the canvas; an editor opens Vyacheslav Gladkov, picks the
 * duplicate through search, gives a reason and confirms: the duplicate leaves the canvas, and the
 * governor's aliases show its name; a link to the duplicate then offers the governor instead. On a
 * server with accounts.
 */
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { openAppStore } from '../../src/runtime/store/app-store';
import { Accounts } from '../../src/server/auth/accounts';
import { idle, nodeId, shot } from '../support/browser';
import { testDriver, testNeo4j } from '../support/neo4j';
import { search } from './support/explorer';
import { ingestSession } from './support/ingest-session';
import { signIn } from './support/sign-in';

const T = 240_000;
const PASSWORD = 'correct horse battery';
const DUP = 'v-gladkov-duplicate';
/** A second duplicate, merged and then the merge undone from the status line. */
const DUP2 = 'slava-gladkov-duplicate';
// The session gives other files the seeded graph back (the merge changes it).
const e2e = ingestSession('newsgraph-e2e-entity-merge-', async (dataDir) => {
  const store = openAppStore(dataDir);
  const accounts = new Accounts(store);
  await accounts.add('ada', 'admin', PASSWORD); // the first account must be an admin
  await accounts.add('ed', 'editor', PASSWORD);
  store.close();
});

beforeAll(async () => {
  const driver = testDriver();
  try {
    await driver.executeQuery(
      `MATCH (g:Person {id: 'vyacheslav-gladkov'}), (place {id: 'belgorod-region'})
       CREATE (d:Entity:Person {id: $dup, name: 'V. Gladkov', aliases: [], description: 'Belgorod governor.', dataset: g.dataset})
       CREATE (d)-[:GOVERNOR_OF {evidence_quotes: ['governor of the region'], evidence_starts: [823], evidence_ends: [865]}]->(place)
       CREATE (:Entity:Person {id: $dup2, name: 'Slava Gladkov', aliases: [], description: 'A nickname.', dataset: g.dataset})
             -[:GOVERNOR_OF {evidence_starts: [1]}]->(place)`,
      { dup: DUP, dup2: DUP2 },
      { database: testNeo4j().database },
    );
  } finally {
    await driver.close();
  }
}, 60_000);

/** Selects the search's hit named `name` and waits for its detail. */
async function open(page: Page, text: string, name: string): Promise<void> {
  await search(page, text);
  await page.locator('[data-testid=search-results] [role=option]', { hasText: name }).first().click();
  await page.getByTestId('detail-name').filter({ hasText: name }).waitFor({ timeout: 60_000 });
  await page.getByTestId('reltypes').waitFor({ timeout: 60_000 });
  await idle(page);
}

describe('merging a duplicate from the detail panel (e2e)', () => {
  it(
    'an editor merges the second spelling into the governor: it leaves the canvas, its name becomes an alias',
    async () => {
      const { page, context, errors } = await signIn(e2e.browser, e2e.app.url, 'ed', PASSWORD);
      try {
        await open(page, 'V. Gladkov', 'V. Gladkov');
        expect(await nodeId(page, DUP)).not.toBeNull();
        await open(page, 'Vyacheslav Gladkov', 'Vyacheslav Gladkov');

        await page.getByTestId('merge-entity').click();
        await page.getByTestId('merge-entity-dialog').waitFor();
        await page.getByTestId('merge-entity-q').fill('V. Gladkov');
        await page.getByTestId('merge-entity-hit').filter({ hasText: 'V. Gladkov' }).first().click();
        await page
          .getByTestId('merge-entity-chosen')
          .filter({ hasText: '1 relationship' })
          .waitFor({ timeout: 30_000 });
        // No reason: asked for one, nothing sent.
        await page.getByTestId('merge-entity-confirm').click();
        await page.getByTestId('merge-entity-error').filter({ hasText: 'reason' }).waitFor();
        await page.getByTestId('merge-entity-reason').fill('same governor, initial only');
        await shot(page, 'entity-merge-01-form');
        await page.getByTestId('merge-entity-confirm').click();
        await page.getByTestId('merge-entity-dialog').waitFor({ state: 'detached', timeout: 30_000 });

        await page.locator('.aliases .alias', { hasText: /^V\. Gladkov$/ }).waitFor({ timeout: 30_000 });
        await idle(page);
        expect(await nodeId(page, DUP)).toBeNull();
        expect(await nodeId(page, 'vyacheslav-gladkov')).not.toBeNull();
        await shot(page, 'entity-merge-02-merged');
        expect(errors).toEqual([]);
      } finally {
        await context.close();
      }
    },
    T,
  );

  it(
    'a link to the merged-away node says where it went and opens the survivor',
    async () => {
      const { page, context, errors } = await signIn(e2e.browser, e2e.app.url, 'ed', PASSWORD);
      try {
        await page.goto(`${e2e.app.url}/?focus=${DUP}`);
        const open = page.getByTestId('status-open');
        await open.filter({ hasText: 'Open Vyacheslav Gladkov' }).waitFor({ timeout: 90_000 });
        expect(await page.getByTestId('status').textContent()).toContain(
          'V. Gladkov was merged into Vyacheslav Gladkov.',
        );
        await shot(page, 'entity-merge-03-stale-link');
        await open.click();
        await page.getByTestId('detail-name').filter({ hasText: 'Vyacheslav Gladkov' }).waitFor({ timeout: 60_000 });
        expect(errors).toEqual([]);
      } finally {
        await context.close();
      }
    },
    T,
  );

  it(
    'the status line offers to undo a merge: with a reason, the duplicate comes back',
    async () => {
      const { page, context, errors } = await signIn(e2e.browser, e2e.app.url, 'ed', PASSWORD);
      try {
        await open(page, 'Vyacheslav Gladkov', 'Vyacheslav Gladkov');
        await page.getByTestId('merge-entity').click();
        await page.getByTestId('merge-entity-q').fill('Slava Gladkov');
        await page.getByTestId('merge-entity-hit').filter({ hasText: 'Slava Gladkov' }).first().click();
        await page.getByTestId('merge-entity-chosen').waitFor({ timeout: 30_000 });
        await page.getByTestId('merge-entity-reason').fill('a nickname');
        await page.getByTestId('merge-entity-confirm').click();
        await page.getByTestId('merge-entity-dialog').waitFor({ state: 'detached', timeout: 30_000 });
        await page.locator('.aliases .alias', { hasText: /^Slava Gladkov$/ }).waitFor({ timeout: 30_000 });

        await page.getByTestId('status-undo-merge').click();
        await page.getByTestId('undo-merge-reason').fill('a different person');
        await shot(page, 'entity-merge-04-undo');
        await page.getByTestId('undo-merge-confirm').click();
        await page.getByTestId('undo-merge-dialog').waitFor({ state: 'detached', timeout: 30_000 });
        await page.getByTestId('status').filter({ hasText: 'Slava Gladkov is back' }).waitFor({ timeout: 30_000 });
        await page.locator('.aliases .alias', { hasText: /^Slava Gladkov$/ }).waitFor({ state: 'detached' });
        const driver = testDriver();
        try {
          const back = await driver.executeQuery(
            'MATCH (d {id: $id})-[r:GOVERNOR_OF]->() RETURN count(r) AS n',
            { id: DUP2 },
            { database: testNeo4j().database },
          );
          expect(Number(back.records[0]!.get('n'))).toBe(1);
        } finally {
          await driver.close();
        }
        expect(errors).toEqual([]);
      } finally {
        await context.close();
      }
    },
    T,
  );
});
