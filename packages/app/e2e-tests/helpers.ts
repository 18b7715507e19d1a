/*
 * What every browser test needs: signing in, and noticing browser errors.
 * Shared by the *.test.ts files in this folder.
 */
import { expect, Page } from '@playwright/test';

/** Collects console errors and uncaught exceptions so each test can assert there were none. */
export function watchBrowserErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on('pageerror', error => errors.push(`uncaught: ${error.message}`));
  page.on('console', msg => {
    if (msg.type() === 'error') errors.push(`console: ${msg.text()}`);
  });
  return errors;
}

export async function signInAsGuest(page: Page) {
  await page.goto('/');
  await page.getByRole('button', { name: 'Enter' }).click();
  await expect(
    page
      .getByTestId('sidebar-root')
      .getByRole('link', { name: 'Catalog', exact: true }),
  ).toBeVisible();
}
