/**
 * Signing in through the explorer's own form, on a server with accounts: a fresh browser context
 * (its own cookies), the form filled, and the graph loaded as that user.
 */
import type { Browser } from 'playwright-core';
import { idle, newPage } from '../../support/browser';

export async function signIn(browser: Browser, url: string, name: string, password: string) {
  const { page, context, errors } = await newPage(browser);
  await page.goto(url);
  await page.getByTestId('signin-form').waitFor({ timeout: 90_000 });
  await page.getByTestId('signin-name').fill(name);
  await page.getByTestId('signin-password').fill(password);
  await page.getByTestId('signin-submit').click();
  await page.waitForFunction(() => window.__newsgraph!.snapshot().nodes > 100, null, { timeout: 90_000 });
  await idle(page);
  return { page, context, errors };
}
