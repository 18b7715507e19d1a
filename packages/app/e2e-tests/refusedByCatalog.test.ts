/*
 * "Nothing refused silently": a catalog-info.yaml that the catalog refuses (it declares a Group,
 * which registered locations may not: catalog.rules in app-config.yaml) shows its reason to the
 * person registering it, on the "Register existing component" page (the catalog's dry run) and,
 * once registered, on the "Refused by the catalog" page.
 *
 * Needs the fake GitHub and the portal's e2e config layer, as proposeChange.test.ts does;
 * `./strata test e2e` starts both (scripts/strata/test.sh).
 */
import { test, expect, Page } from '@playwright/test';
import { signInAsGuest, watchBrowserErrors } from './helpers';

const LOCATION =
  'https://github.com/dataflow/e2e-refused/blob/main/catalog-info.yaml';
const REFUSED = 'group:default/e2e-shadow-admins';
const REASON = 'is not of an allowed kind for that location';

/** The signed-in guest's Backstage token, for calling the catalog API directly. */
async function guestToken(page: Page): Promise<string> {
  const response = await page.request.get('/api/auth/guest/refresh', {
    headers: { 'x-requested-with': 'XMLHttpRequest' },
  });
  expect(response.status()).toBe(200);
  return (await response.json()).backstageIdentity.token;
}

test('a refused catalog file shows why, when registering and on the refused-entities page', async ({
  page,
}) => {
  // Includes waiting for the catalog to process the registered location.
  test.setTimeout(180_000);
  const errors = watchBrowserErrors(page);
  await signInAsGuest(page);

  // Register existing component: the dry run's refusal is shown under the URL.
  await page.goto('/catalog-import');
  await page.getByLabel('URL').fill(LOCATION);
  await page.getByRole('button', { name: 'Analyze' }).click();
  await expect(page.getByText(REASON)).toBeVisible();
  await expect(page.getByText(REASON)).toContainText(REFUSED);
  // The dry run answers 400; the browser logs the failed request.
  errors.length = 0;

  // Registered anyway (as an old registration or another client would): the catalog keeps the
  // location, refuses its content, and the refused-entities page says why.
  const created = await page.request.post('/api/catalog/locations', {
    headers: { authorization: `Bearer ${await guestToken(page)}` },
    data: { type: 'url', target: LOCATION },
  });
  expect([201, 409]).toContain(created.status());

  await page
    .getByTestId('sidebar-root')
    .getByRole('link', { name: 'Refused by the catalog' })
    .click();
  await expect(page).toHaveURL(/\/catalog-unprocessed-entities/);
  // One refused entity (its list of reasons has list items of its own).
  const refusal = page
    .getByRole('listitem', { name: /^Refused: / })
    .filter({ hasText: REFUSED })
    .filter({ hasText: REASON });
  // The catalog processes the new location within seconds; reload until it has.
  await expect(async () => {
    await page.reload();
    await expect(refusal).toBeVisible({ timeout: 5_000 });
  }).toPass({ timeout: 60_000 });
  await expect(refusal).toContainText('Never accepted');
  await expect(refusal).toContainText(`Read from ${LOCATION}`);
  expect(errors).toEqual([]);
});
