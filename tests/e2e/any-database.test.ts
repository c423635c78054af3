/**
 * The explorer on a database it did not seed (a small film graph in a Neo4j of the test's own):
 * captions and a legend from the derived perspective with every label of a multi-label node,
 * relationship hover and click, a style edit that survives a reload, the timeline from a date
 * property and the map from a point property, Add article disabled with the reason, long values
 * (cut on the canvas, whole in the detail and in exports).
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { MultiDirectedGraph } from 'graphology';
import { parse as parseGexf } from 'graphology-gexf';
import neo4j from 'neo4j-driver';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { RunningServer } from '../../src/server/http/server';
import { frames, idle, launchChromium, newPage, nodePoint, openExplorer, shot } from '../support/browser';
import { OwnNeo4j } from '../support/own-neo4j';
import { startApp } from './support/app';
import { apiJson } from './support/explorer';

const own = new OwnNeo4j();
const dataDir = mkdtempSync(join(tmpdir(), 'newsgraph-e2e-anydb-'));
let app: RunningServer | undefined;
let browser: Browser | undefined;

/**
 * A long text (36,000 characters) on the studio and on its MADE_BY relationship: list payloads cut it, the
 * detail panel shows a few lines of it and a "Show all" button, exports hold it whole.
 */
const NOTES = 'Studio lot history. '.repeat(1_800);

const FILMS = `
CREATE (matrix:Movie {title: 'The Matrix', released: 1999, shotAt: point({latitude: -33.8688, longitude: 151.2093})}),
       (speed:Movie {title: 'Speed', released: 1994, shotAt: point({latitude: 34.05, longitude: -118.24})}),
       (keanu:Person:Actor:Director {name: 'Keanu Reeves', born: date('1964-09-02')}),
       (carrie:Person:Actor {name: 'Carrie-Anne Moss', born: date('1967-08-21')}),
       (wb:Studio {id: 500, code: 'WB-HQ', founded: date('1923-04-04'), notes: $notes}),
       (keanu)-[:ACTED_IN {roles: ['Neo']}]->(matrix),
       (keanu)-[:ACTED_IN {roles: ['Jack Traven']}]->(speed),
       (carrie)-[:ACTED_IN {roles: ['Trinity']}]->(matrix),
       (matrix)-[:MADE_BY {notes: $notes}]->(wb)`;

beforeAll(async () => {
  await own.start();
  const driver = neo4j.driver(own.target.uri, neo4j.auth.basic(own.target.username, own.target.password));
  try {
    await driver.executeQuery(FILMS, { notes: NOTES }, { database: own.target.database });
  } finally {
    await driver.close();
  }
  // The app's own store in a temporary folder: the derived perspective and the style edit live there.
  app = await startApp(own.target, { NEWSGRAPH_DATA_DIR: dataDir });
  browser = await launchChromium();
}, 600_000);

afterAll(async () => {
  await browser?.close();
  await app?.close();
  await own.dispose();
  rmSync(dataDir, { recursive: true, force: true });
}, 120_000);

const idOf = async (q: string) =>
  (await apiJson<{ hits: { node: { id: string } }[] }>(app!, `/api/search?q=${encodeURIComponent(q)}`)).hits[0]!.node
    .id;

it('captions, a legend with every label, edge hover and click, timeline and map from the data', async () => {
  const { page, errors } = await newPage(browser!);
  await openExplorer(page, app!.url);
  for (const l of ['Person', 'Actor', 'Director', 'Movie', 'Studio'])
    await expect.poll(() => page.getByTestId(`legend-${l}`).count(), { timeout: 30_000 }).toBe(1);
  expect(await page.getByTestId('legend').innerText()).not.toMatch(/People|Places|Events/);
  expect(await page.getByTestId('search').getAttribute('placeholder')).not.toMatch(/people|places|events/i);
  await expect.poll(() => page.getByTestId('timeline').count()).toBe(1);
  expect(await page.getByTestId('timeline').innerText()).not.toMatch(/No dated/);
  expect(await page.getByTestId('view-map').isDisabled()).toBe(false);
  // News-only views stay away: no claims board, no single-source filter.
  expect(await page.getByTestId('view-claims').count()).toBe(0);
  expect(await page.getByTestId('single-source-toggle').count()).toBe(0);
  // Adding articles is offered to the local admin but disabled with the server's refusal: ingest
  // never writes to a database newsgraph did not set up, so say so before a paste, not after.
  const add = page.getByTestId('add-article');
  await expect.poll(() => add.getAttribute('aria-disabled')).toBe('true');
  expect(await add.getAttribute('title')).toMatch(/has no newsgraph schema .* ingest will not write to it/);
  const describedBy = await add.getAttribute('aria-describedby');
  expect(await page.locator(`#${describedBy}`).innerText()).toMatch(/has no newsgraph schema/);
  await add.click({ force: true }); // aria-disabled stays clickable (and focusable); it must open nothing
  await idle(page);
  expect(await page.locator('[aria-modal="true"]').count()).toBe(0);
  await shot(page, 'any-database-overview');

  // Hover the middle of Keanu → The Matrix (ACTED_IN, roles Neo), then click it.
  const [a, b] = [await nodePoint(page, await idOf('Keanu Reeves')), await nodePoint(page, await idOf('The Matrix'))];
  // Relationships are thin: sweep across the line near its middle until sigma picks it.
  let mid = { x: (a.x + b.x) / 2, y: (a.y + b.y) / 2 };
  const card = page.getByTestId('edge-card');
  // Offsets go across the line (along its normal), so any direction of the edge is swept.
  const len = Math.hypot(b.x - a.x, b.y - a.y) || 1;
  const [nx, ny] = [-(b.y - a.y) / len, (b.x - a.x) / len];
  // Another node may lie on the line (a node under the pointer wins over a relationship), so the
  // sweep goes out from the middle to a fifth of the way from either end; after each move the
  // card gets a frame to appear before the pointer leaves the spot that drew it.
  const along = [0.5, 0.45, 0.55, 0.4, 0.6, 0.35, 0.65, 0.3, 0.7, 0.25, 0.75, 0.2, 0.8];
  sweep: for (const t of along)
    for (const d of [0, -1, 1, -2, 2, -3, 3]) {
      mid = { x: a.x + (b.x - a.x) * t + d * nx, y: a.y + (b.y - a.y) * t + d * ny };
      await page.mouse.move(mid.x, mid.y, { steps: 2 });
      await frames(page, 1);
      if (await card.isVisible()) break sweep;
    }
  await card.waitFor({ timeout: 15_000 });
  expect(await page.getByTestId('edge-card').innerText()).toMatch(/ACTED_IN[\s\S]*Neo/);
  await shot(page, 'any-database-edge-hover');
  await page.mouse.click(mid.x, mid.y);
  await page.getByTestId('relationship-detail').waitFor({ timeout: 15_000 });
  expect(await page.getByTestId('relationship-caption').innerText()).toContain('Neo');
  expect(await page.getByTestId('relationship-from').innerText()).toContain('Keanu Reeves');
  await shot(page, 'any-database-relationship-detail');

  await page.getByTestId('view-map').click();
  await idle(page);
  await shot(page, 'any-database-map');
  expect(errors).toEqual([]);
}, 240_000);

it('a style edit (caption template) is saved for the database and survives a reload', async () => {
  const { page, errors } = await newPage(browser!);
  await openExplorer(page, app!.url);
  await page.getByTestId('style-label-Movie').click();
  await page.getByTestId('style-panel').waitFor();
  await page.getByTestId('style-caption-template').fill('{title} ({released})');
  await page.getByTestId('style-save').click();
  await expect
    .poll(async () => {
      const p = await apiJson<{ origin: string; perspective: { labels: { label: string; caption: string }[] } }>(
        app!,
        '/api/perspective',
      );
      return [p.origin, p.perspective.labels.find((l) => l.label === 'Movie')?.caption];
    })
    .toEqual(['saved', '{title} ({released})']);
  await page.reload();
  await idle(page);
  await page.getByTestId('style-label-Movie').click();
  expect(await page.getByTestId('style-caption-template').inputValue()).toBe('{title} ({released})');
  const captions = await apiJson<{ hits: { node: { caption: string } }[] }>(app!, '/api/search?q=speed');
  expect(captions.hits[0]!.node.caption).toBe('Speed (1994)');
  await shot(page, 'any-database-style-saved');
  expect(errors).toEqual([]);
}, 240_000);

it('a long value shows a few lines and a keyboard toggle; decades of dates get a legible axis', async () => {
  const { page, errors } = await newPage(browser!);
  await openExplorer(page, app!.url);
  // 1923 (the studio) to 1999 on the axis: labels thinned to a step that keeps them apart.
  const boxes = await page.locator('.tl-chart .tick-label').evaluateAll((els) =>
    els.map((e) => {
      const r = e.getBoundingClientRect();
      return { left: r.left, right: r.right, text: e.textContent };
    }),
  );
  expect(boxes.length).toBeGreaterThan(2);
  for (let i = 1; i < boxes.length; i++)
    expect(boxes[i]!.left, JSON.stringify(boxes)).toBeGreaterThan(boxes[i - 1]!.right);

  await page.evaluate((id) => window.__newsgraph!.explorer.select(id), await idOf('WB-HQ'));
  await idle(page);
  const toggle = page.getByTestId('long-value-toggle');
  await toggle.waitFor({ timeout: 30_000 });
  expect(await toggle.innerText()).toBe('Show all (36,000 characters)');
  const value = page.getByTestId('long-value');
  const short = (await value.boundingBox())!.height;
  expect(short).toBeLessThan(200);
  // What follows the value (the relationships) stays close instead of ~30 screens further down.
  const rels = (await page.getByTestId('reltypes').boundingBox())!.y - (await value.boundingBox())!.y;
  expect(rels).toBeLessThan(600);
  await shot(page, 'any-database-long-value');
  // Keyboard: focus the button, Enter shows it all, Enter again shows less.
  await toggle.focus();
  await page.keyboard.press('Enter');
  await expect.poll(() => toggle.getAttribute('aria-expanded')).toBe('true');
  expect((await value.innerText()).length).toBeGreaterThanOrEqual(NOTES.trim().length);
  expect((await value.boundingBox())!.height).toBeGreaterThan(short * 10);
  await page.keyboard.press('Enter');
  await expect.poll(() => toggle.getAttribute('aria-expanded')).toBe('false');
  expect(await toggle.innerText()).toBe('Show all (36,000 characters)');
  expect(errors).toEqual([]);
}, 240_000);

it('a long relationship value: cut on the canvas, "Show all" in its detail, whole in the JSON and GEXF exports', async () => {
  const { page, errors } = await newPage(browser!);
  await openExplorer(page, app!.url);
  const made = await page.evaluate(() =>
    [...window.__newsgraph!.explorer.state.history.present.state.edges.values()].find((e) => e.type === 'MADE_BY'),
  );
  expect([made!.clipped, (made!.properties.notes as string).length]).toEqual([{ notes: NOTES.length }, 1_000]);
  await page.evaluate((id) => window.__newsgraph!.explorer.openRelationship(id), made!.id);
  const detail = page.getByTestId('relationship-detail');
  const toggle = detail.getByTestId('long-value-toggle');
  await toggle.waitFor({ timeout: 30_000 });
  expect(await toggle.innerText()).toBe('Show all (36,000 characters)');
  expect((await detail.getByTestId('long-value').boundingBox())!.height).toBeLessThan(200);
  await toggle.click();
  await expect.poll(() => toggle.getAttribute('aria-expanded')).toBe('true');
  expect((await detail.getByTestId('long-value').innerText()).length).toBeGreaterThanOrEqual(NOTES.trim().length);
  await shot(page, 'any-database-long-relationship-value');

  const wb = await idOf('WB-HQ');
  const download = async (what: string) => {
    await page.getByTestId('export-menu').click();
    const [file] = await Promise.all([
      page.waitForEvent('download', { timeout: 60_000 }),
      page.getByTestId(`export-${what}`).click(),
    ]);
    return readFileSync((await file.path())!, 'utf8');
  };
  const doc = JSON.parse(await download('json')) as {
    nodes: { id: string; properties: Record<string, unknown>; clipped?: unknown }[];
    edges: { id: string; properties: Record<string, unknown>; clipped?: unknown }[];
  };
  // Compared as booleans: a failure should not print 36,000 characters.
  expect([
    doc.nodes.find((n) => n.id === wb)!.properties.notes === NOTES,
    doc.edges.find((e) => e.id === made!.id)!.properties.notes === NOTES,
    [...doc.nodes, ...doc.edges].some((x) => x.clipped),
  ]).toEqual([true, true, false]);
  const g = parseGexf(MultiDirectedGraph, await download('gexf'));
  expect([g.getNodeAttribute(wb, 'p_notes') === NOTES, g.getEdgeAttribute(made!.id, 'p_notes') === NOTES]).toEqual([
    true,
    true,
  ]);
  expect(errors).toEqual([]);
}, 240_000);
