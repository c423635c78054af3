/**
 * Neo4j stopped mid-session: the explorer shows a banner (and keeps what is on screen), retries
 * by itself, and clears the banner once Neo4j is back on the same folder and port. Uses its own
 * managed Neo4j in a temporary folder, so the shared test database is never stopped.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import neo4j from 'neo4j-driver';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { seedDatabase } from '../../src/dataset/index';
import { startManaged, type ManagedHandle } from '../../src/runtime/managed/instance';
import { freePort } from '../../src/runtime/managed/ports';
import type { Neo4jTarget } from '../../src/runtime/connection';
import type { RunningServer } from '../../src/server/http/server';
import { idle, launchChromium, newPage, openExplorer, shot, snapshot } from '../support/browser';
import { startApp } from './support/app';

let home: string;
let port: number;
let handle: ManagedHandle | undefined;
let app: RunningServer | undefined;
let browser: Browser | undefined;

const start = () => startManaged({ home, port, heap: '512m', pagecache: '128m', reuse: false });

beforeAll(async () => {
  home = mkdtempSync(join(tmpdir(), 'newsgraph-e2e-outage-'));
  port = await freePort();
  handle = await start();
  const target: Neo4jTarget = {
    uri: handle.info.uri!,
    username: handle.info.username,
    password: handle.info.password!,
    database: handle.info.database,
  };
  const driver = neo4j.driver(target.uri, neo4j.auth.basic(target.username, target.password));
  try {
    await seedDatabase(driver, target.database, { reset: true });
  } finally {
    await driver.close();
  }
  app = await startApp(target);
  browser = await launchChromium();
}, 600_000);

afterAll(async () => {
  await browser?.close();
  await app?.close();
  await handle?.stop(30_000);
  rmSync(home, { recursive: true, force: true });
}, 120_000);

it('with Neo4j stopped mid-session the banner appears, the graph stays, and the banner clears once Neo4j is back', async () => {
  const { page, context } = await newPage(browser!);
  await openExplorer(page, app!.url);
  const before = await snapshot(page);
  expect(before.nodes).toBeGreaterThan(100);
  expect(await page.getByTestId('banner-unavailable').count()).toBe(0);

  await handle!.stop(30_000);
  // Any request now fails: a search is the most natural one.
  const box = page.getByTestId('search');
  await box.click();
  await box.fill('Gladkov');
  const banner = page.getByTestId('banner-unavailable');
  await banner.waitFor({ timeout: 60_000 });
  expect(await banner.textContent()).toMatch(/Neo4j is unavailable|Cannot reach/);
  expect(await banner.textContent()).toMatch(/reconnects by itself/);
  // It retries within seconds (1–5 s backoff), not on the 20 s background check.
  expect(await banner.textContent()).toMatch(/next try in [1-5] s|trying…/);
  // Nothing on screen was lost.
  expect((await snapshot(page)).nodes).toBe(before.nodes);
  await shot(page, '11a-neo4j-down-banner');

  handle = await start();
  await banner.waitFor({ state: 'detached', timeout: 120_000 });
  // Working again: search answers.
  await box.fill('');
  await box.fill('Zelensky');
  await page.locator('[data-testid=search-results] [role=option]').first().waitFor({ timeout: 60_000 });
  expect(await page.locator('[data-testid=search-results] [role=option]').first().textContent()).toContain('Zelensky');
  await page.keyboard.press('Enter');
  await page.getByTestId('detail-name').filter({ hasText: 'Zelensky' }).waitFor({ timeout: 60_000 });
  await idle(page);
  expect(await page.getByTestId('banner-unavailable').count()).toBe(0);
  await shot(page, '11b-neo4j-back');
  await context.close();
}, 400_000);
