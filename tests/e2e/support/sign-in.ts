/**
 * Signing in through the explorer's own form, on a server with accounts: a fresh browser context
 * (its own cookies), the form filled, and the graph loaded as that user.
 */
import type { Browser, Page } from 'playwright-core';
import { idle, newPage } from '../../support/browser';

export async function signIn(browser: Browser, url: string, name: string, password: string) {
  const { page, context, errors } = await newPage(browser);
  await page.goto(url);
  await signInOnPage(page, name, password);
  return { page, context, errors };
}

/** Fills the sign-in form the page shows and waits until the graph (over `minNodes` nodes) is loaded as that user. */
export async function signInOnPage(page: Page, name: string, password: string, minNodes = 100): Promise<void> {
  await page.getByTestId('signin-form').waitFor({ timeout: 90_000 });
  await page.getByTestId('signin-name').fill(name);
  await page.getByTestId('signin-password').fill(password);
  await page.getByTestId('signin-submit').click();
  await page.getByTestId('signin-form').waitFor({ state: 'detached', timeout: 90_000 });
  await page.waitForFunction((n) => window.__newsgraph!.snapshot().nodes > n, minNodes, { timeout: 90_000 });
  await idle(page);
}
