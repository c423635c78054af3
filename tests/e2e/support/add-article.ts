/**
 * The Add-article dialog as the ingest e2e tests drive it: open it, fill it in (a pasted text or a
 * dropped file, and the details the text does not carry), submit it and wait for the review; open
 * a staged article's review again; save the review's Article details.
 */
import type { Page } from 'playwright-core';
import { idle, openExplorer } from '../../support/browser';

/** What goes into the dialog: a pasted `text` or a dropped `file`, and the optional details. */
export interface ArticleInput {
  readonly text?: string;
  /** The path of a file to drop instead of pasting a text. */
  readonly file?: string;
  readonly title?: string;
  readonly outlet?: string;
  /** YYYY-MM-DD. */
  readonly published?: string;
  readonly url?: string;
}

export interface SubmitOptions {
  /** The app's address: the explorer is opened there first (else the page is on it already). */
  readonly explorer?: string;
}

/** Opens the Add-article dialog, on the explorer at `explorer` when given. */
export async function openAddArticle(page: Page, explorer?: string): Promise<void> {
  if (explorer) await openExplorer(page, explorer);
  await page.click('[data-testid=add-article]');
}

/** Fills in the open dialog: the details given first, then the text or the file. */
export async function fillArticle(page: Page, article: ArticleInput): Promise<void> {
  for (const key of ['title', 'outlet', 'published', 'url'] as const) {
    const value = article[key];
    if (value !== undefined) await page.fill(`[data-testid=ingest-meta-${key}]`, value);
  }
  if (article.text !== undefined) await page.fill('[data-testid=ingest-text]', article.text);
  if (article.file !== undefined) {
    await page.setInputFiles('[data-testid=ingest-file]', article.file);
    await page.waitForSelector('[data-testid=ingest-file-name]');
  }
}

/** Waits for a staged article's review (extraction may take a while) and the app to be idle; gives its batch id. */
export async function reviewShown(page: Page): Promise<string> {
  await page.waitForSelector('[data-testid=ingest-review]', { timeout: 120_000 });
  await idle(page);
  return (await page.getAttribute('[data-testid=ingest-review]', 'data-batch'))!;
}

/** Opens the dialog, fills it in, submits it and waits for the review; gives the staged batch's id. */
export async function submitArticle(page: Page, article: ArticleInput, options: SubmitOptions = {}): Promise<string> {
  await openAddArticle(page, options.explorer);
  await fillArticle(page, article);
  await page.click('[data-testid=ingest-submit]');
  return reviewShown(page);
}

/** Opens the dialog and the review of the (first) staged article listed there; gives its batch id. */
export async function openStagedReview(page: Page, explorer?: string): Promise<string> {
  await openAddArticle(page, explorer);
  await page.click('[data-testid=ingest-batch]');
  return reviewShown(page);
}

/** Saves the review's Article details as filled in and waits until no field is marked any more. */
export async function saveDetails(page: Page): Promise<void> {
  await page.getByTestId('ingest-details').getByTestId('ingest-details-save').click();
  await page.waitForFunction(
    () => document.querySelectorAll('[data-testid=ingest-details] [aria-invalid=true]').length === 0,
  );
  await idle(page);
}
