/*
 * Govern and operate on the demo organisation (examples/dataflow): the Governance page shows the
 * shared legacy database (legacy-db, used by user-management, billing and admin), and the
 * On-call card, first on a service's page, names the owner team and the primary of its rotation
 * (strata.dev/oncall-* annotations in examples/dataflow/org/groups.yaml).
 *
 * The governance backend evaluates shortly after start and the ownership index is built from
 * the catalog within seconds; until then their answers are errors (503/404). Each check reloads
 * the page until it holds; browser errors are then asserted on one more, clean load.
 */
import { test, expect, Page } from '@playwright/test';
import { signInAsGuest, watchBrowserErrors } from './helpers';

const STARTUP_WAIT = { timeout: 120_000, intervals: [2_000, 5_000, 10_000] };

/** Reloads `path` until `check` passes on it. */
async function untilShown(
  page: Page,
  path: string,
  check: () => Promise<void>,
) {
  await expect(async () => {
    await page.goto(path);
    await check();
  }).toPass(STARTUP_WAIT);
}

test('the Governance page shows the shared legacy database with its three services', async ({
  page,
}) => {
  test.setTimeout(240_000);
  const errors = watchBrowserErrors(page);
  await signInAsGuest(page);

  const finding = page
    .getByTestId('governance-finding')
    .and(page.locator('[data-rule="shared-database"]'))
    .filter({ hasText: 'legacy-db' });
  const check = async () => {
    await expect(finding).toHaveCount(1, { timeout: 10_000 });
    const entities = finding.getByTestId('governance-finding-entities');
    for (const service of ['user-management', 'billing', 'admin']) {
      await expect(
        entities.locator(`a[href="/catalog/default/component/${service}"]`),
      ).toHaveCount(1);
    }
    await expect(finding).toContainText('How to fix');
  };
  await untilShown(page, '/governance', check);

  // The rule filter narrows the list to that rule, through the backend.
  await page
    .getByTestId('governance-findings')
    .getByLabel('Rule', { exact: true })
    .selectOption('shared-database');
  await expect(page).toHaveURL(/rule=shared-database/);
  await expect(page.getByTestId('governance-findings-count')).toBeVisible();
  await expect(finding).toHaveCount(1);
  await expect(
    page
      .getByTestId('governance-finding')
      .and(page.locator(':not([data-rule="shared-database"])')),
  ).toHaveCount(0);

  // Once the backend has answered, a fresh load shows it without a browser error.
  errors.length = 0;
  await page.goto('/governance');
  await check();
  await expect(page.getByTestId('governance-organisation')).toBeVisible();
  expect(errors).toEqual([]);
});

test('the On-call card comes first on billing and names its team and the rotation’s primary', async ({
  page,
}) => {
  test.setTimeout(240_000);
  const errors = watchBrowserErrors(page);
  await signInAsGuest(page);

  const card = page.getByTestId('oncall-card');
  const check = async () => {
    await expect(
      card
        .getByTestId('oncall-owner')
        .locator('a[href="/catalog/default/group/billing"]'),
    ).toBeVisible({ timeout: 10_000 });
    // billing's rotation: strata.dev/oncall-primary: user:default/daniel-kowalski
    await expect(
      card
        .getByTestId('oncall-primary')
        .locator('a[href="/catalog/default/user/daniel-kowalski"]'),
    ).toBeVisible();
  };
  await untilShown(page, '/catalog/default/component/billing', check);
  // Escalation goes up billing's parents: engineering, then the organisation.
  await expect(
    card
      .getByTestId('oncall-escalation')
      .locator('a[href="/catalog/default/group/engineering"]'),
  ).toBeVisible();

  // First in the main column: above the other cards of the overview.
  const top = async (testId: string) =>
    (await page.getByTestId(testId).boundingBox())?.y ?? Number.NaN;
  const onCallTop = await top('oncall-card');
  for (const other of ['deployments-card', 'telemetry-slo-card']) {
    await expect(page.getByTestId(other)).toBeVisible();
    expect(onCallTop).toBeLessThan(await top(other));
  }

  errors.length = 0;
  await page.goto('/catalog/default/component/billing');
  await check();
  expect(errors).toEqual([]);
});
