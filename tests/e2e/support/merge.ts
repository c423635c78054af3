/**
 * What the entity-merge e2e tests do and read: merges into the governor, the undo from the audit
 * view, and what the canvas and the database hold.
 */
import type { Page } from 'playwright-core';
import { idle } from '../../support/browser';
import { testDriver, testNeo4j } from '../../support/neo4j';
import { search } from './explorer';

/** The element id of the governor's GOVERNOR_OF relationship whose evidence starts at `start`. */
export async function movedEdge(start: number): Promise<string> {
  const driver = testDriver();
  try {
    const r = await driver.executeQuery(
      `MATCH ({id: 'vyacheslav-gladkov'})-[r:GOVERNOR_OF]->() WHERE r.evidence_starts = [$start] RETURN elementId(r) AS id`,
      { start },
      { database: testNeo4j().database },
    );
    return r.records[0]!.get('id') as string;
  } finally {
    await driver.close();
  }
}

/** The governor's version as stored (0 when absent). */
export async function governorVersion(): Promise<number> {
  const driver = testDriver();
  try {
    const r = await driver.executeQuery(
      `MATCH (n {id: 'vyacheslav-gladkov'}) RETURN coalesce(n.version, 0) AS v`,
      {},
      { database: testNeo4j().database },
    );
    return Number(r.records[0]!.get('v'));
  } finally {
    await driver.close();
  }
}

/** Merges `duplicate` into the governor as the merge dialog sends it (the governor need not be drawn). */
export async function mergeIntoGovernor(page: Page, duplicate: string, reason: string): Promise<void> {
  const version = await governorVersion();
  await page.evaluate(
    ([d, v, r]) =>
      window.__newsgraph!.merge('vyacheslav-gladkov', {
        duplicate: d as string,
        version: v as number,
        duplicateVersion: 0,
        reason: r as string,
      }),
    [duplicate, version, reason] as const,
  );
  await idle(page);
}

/** Whether relationship `id` is in the view's graph and drawn on the canvas. */
export function drawnEdge(page: Page, id: string): Promise<boolean> {
  return page.evaluate((e) => {
    const x = window.__newsgraph!.explorer;
    return x.state.history.present.state.edges.has(e) && x.graph.hasEdge(e);
  }, id);
}

/** Whether a relationship of the node with key `key` is drawn. */
export function dupEdgeDrawn(page: Page, key: string): Promise<boolean> {
  return page.evaluate((k) => {
    const x = window.__newsgraph!.explorer;
    const id = window.__newsgraph!.nodeId(k);
    return !!id && x.graph.hasNode(id) && x.graph.degree(id) > 0;
  }, key);
}

/** The keys of the nodes drawn on the canvas (not hidden), sorted. */
export function canvasKeys(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const x = window.__newsgraph!.explorer;
    const g = x.graphState;
    return x.graph
      .nodes()
      .filter((id) => !g.hidden.has(id))
      .map((id) => g.nodes.get(id)?.key ?? id)
      .sort();
  });
}

/**
 * Once a page opened from an address has drawn the governor: its status line, the nodes its
 * expansion steps name, and the focused node's key.
 */
export async function replayed(
  page: Page,
): Promise<{ status: string | null; text: string; expanded: string[]; focus: string | null }> {
  await page.waitForFunction(() => !!window.__newsgraph?.nodeId('vyacheslav-gladkov'), null, { timeout: 90_000 });
  await idle(page);
  return page.evaluate(() => {
    const x = window.__newsgraph!.explorer;
    const layers = x.state.history.present.state.layers;
    const expanded = layers.flatMap((l) => (l.source?.kind === 'expand' ? [l.source.ref] : []));
    const focus = x.state.focus ? (x.graphState.nodes.get(x.state.focus)?.key ?? x.state.focus) : null;
    return { status: x.state.status?.kind ?? null, text: x.state.status?.text ?? '', expanded, focus };
  });
}

/** Undoes the merge whose audit entry gives `reason` from the audit view (an admin's page). */
export async function undoFromAudit(page: Page, reason: string, why: string): Promise<void> {
  await page.getByTestId('admin-open').click();
  await page.getByTestId('admin-tab-audit').click();
  await page.getByTestId('audit-filter-action').fill('node.merge');
  const row = page.getByTestId('audit-entry').filter({ hasText: `Reason: ${reason}` });
  await row.getByTestId('audit-undo-merge').click();
  await page.getByTestId('undo-merge-reason').fill(why);
  await page.getByTestId('undo-merge-confirm').click();
  await page.getByTestId('undo-merge-dialog').waitFor({ state: 'detached', timeout: 30_000 });
  await row.getByTestId('audit-entry-undone').waitFor({ timeout: 30_000 });
  await page.getByTestId('admin-close').click();
  await idle(page);
}

/** Selects the search's hit named `name` and waits for its detail. */
export async function open(page: Page, text: string, name: string): Promise<void> {
  await search(page, text);
  await page.locator('[data-testid=search-results] [role=option]', { hasText: name }).first().click();
  await page.getByTestId('detail-name').filter({ hasText: name }).waitFor({ timeout: 60_000 });
  await page.getByTestId('reltypes').waitFor({ timeout: 60_000 });
  await idle(page);
}

/** Opens the merge dialog on the open entity and picks the duplicate named `name` through its search. */
export async function pickDuplicate(page: Page, name: string): Promise<void> {
  await page.getByTestId('merge-entity').click();
  await page.getByTestId('merge-entity-dialog').waitFor();
  await page.getByTestId('merge-entity-q').fill(name);
  await page.getByTestId('merge-entity-hit').filter({ hasText: name }).first().click();
  await page.getByTestId('merge-entity-chosen').waitFor({ timeout: 30_000 });
}

/** Gives the reason, confirms, and waits for the dialog to close and `name` to show as an alias. */
export async function confirmMerge(page: Page, name: string, reason: string, beforeConfirm?: () => Promise<unknown>) {
  await page.getByTestId('merge-entity-reason').fill(reason);
  await beforeConfirm?.();
  await page.getByTestId('merge-entity-confirm').click();
  await page.getByTestId('merge-entity-dialog').waitFor({ state: 'detached', timeout: 30_000 });
  const exact = new RegExp(`^${name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}$`);
  await page.locator('.aliases .alias', { hasText: exact }).waitFor({ timeout: 30_000 });
}
