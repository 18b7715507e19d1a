/*
 * Create: a newcomer makes a service from the Node.js template and lands on its catalog page.
 *
 * The portal under test publishes to a local Git repository (publishTo: local) under the run's
 * throw-away STRATA_DATA_DIR, so nothing leaves the machine. Screenshots of the filled Review
 * step and of the finished task go to $STRATA_E2E_SHOTS when it is set (never into the repo).
 */
import { test, expect, Page } from '@playwright/test';
import path from 'node:path';
import { signInAsGuest, watchBrowserErrors } from './helpers';

const TEMPLATE_TITLE = 'Node.js service (TypeScript)';
// A demo team and system (examples/dataflow): the form offers them by title.
const OWNER = {
  title: 'Growth & Reporting',
  ref: 'group:default/growth-reporting',
};
const SYSTEM = { title: 'Insights', ref: 'system:default/insights' };

// Tall enough for the Review step and the finished task in one screen, so screenshots are of the
// viewport: a fullPage screenshot resizes the page mid-test, and the one run that logged a 404
// (the sidebar avatar's lookup of the guest's catalog entity) did so right after one.
test.use({ viewport: { width: 1280, height: 1000 } });

async function screenshot(page: Page, name: string) {
  const dir = process.env.STRATA_E2E_SHOTS;
  if (dir) {
    await page.screenshot({ path: path.join(dir, name) });
  }
}

async function openNodeServiceTemplate(page: Page) {
  await page.goto('/create');
  const choose = page
    .locator('.MuiCard-root')
    .filter({ has: page.getByRole('heading', { name: TEMPLATE_TITLE }) })
    .getByRole('button', { name: 'Choose' });
  // Fail within the expect timeout, not the long test timeout, when the template is missing.
  await expect(choose).toBeVisible();
  await choose.click();
  await expect(page).toHaveURL(/\/create\/templates\/default\/node-service/);
  await expect(page.locator('#root_name')).toBeVisible();
}

/** Picks a catalog entity in an OwnerPicker/EntityPicker by typing part of its title. */
async function pickEntity(page: Page, fieldId: string, title: string) {
  const input = page.locator(`#${fieldId}`);
  await input.click();
  await input.fill(title.split(' ')[0]);
  const option = page.getByRole('option', { name: title });
  await expect(option).toBeVisible();
  await option.click();
}

test('a new service is created from the Node.js template and opens in the catalog', async ({
  page,
}) => {
  // Building and registering a service takes longer than a page check.
  test.setTimeout(240_000);
  const errors = watchBrowserErrors(page);
  const name = `e2e-svc-${Date.now().toString(36)}`;
  await signInAsGuest(page);
  await openNodeServiceTemplate(page);

  // Page 1: the service.
  await page.locator('#root_name').fill(name);
  await expect(page.getByText(`${name} is available`)).toBeVisible();
  await page.locator('#root_description').fill('Exports reports, made by e2e');
  await pickEntity(page, 'root_owner', OWNER.title);
  await pickEntity(page, 'root_system', SYSTEM.title);

  // Through the remaining pages with their defaults (no events; publishTo stays local).
  const review = page.getByRole('button', { name: 'Review' });
  for (let pages = 0; pages < 5 && !(await review.isVisible()); pages++) {
    await page.getByRole('button', { name: 'Next' }).click();
  }
  await review.click();

  // Review shows what will be created.
  const create = page.getByRole('button', { name: 'Create' });
  await expect(create).toBeVisible();
  for (const [label, value] of [
    ['Name', name],
    ['Owner', OWNER.ref],
    ['System', SYSTEM.ref],
    [
      'Where should the repository live?',
      'Local Git repository on this Strata (offline)',
    ],
  ]) {
    await expect(
      page.getByRole('row', { name: `${label} ${value}`, exact: true }),
    ).toBeVisible();
  }
  await screenshot(page, 'create-review.png');
  await create.click();

  // The task page: every step runs, then the output links appear.
  await expect(page).toHaveURL(/\/create\/tasks\//);
  // The output link (a button wrapping the link to the entity page).
  const openInCatalog = page.getByRole('link', { name: 'Open in catalog' });
  await expect(openInCatalog).toBeVisible({ timeout: 180_000 });
  await screenshot(page, 'create-task-finished.png');
  await openInCatalog.click();

  // The catalog processes the new location in the background: reload until the page is there.
  await expect(page).toHaveURL(
    new RegExp(`/catalog/default/component/${name}$`),
  );
  await expect(async () => {
    await page.reload();
    await expect(
      page.getByRole('heading', { name, exact: true }).first(),
    ).toBeVisible({ timeout: 5_000 });
  }).toPass({ timeout: 90_000 });
  const owner = page.locator(
    'a[href="/catalog/default/group/growth-reporting"]',
  );
  await expect(owner.first()).toBeVisible();
  await expect(owner.first()).toContainText(OWNER.title);
  expect(errors).toEqual([]);
});

test('a taken service name is explained and blocks the next page', async ({
  page,
}) => {
  const errors = watchBrowserErrors(page);
  await signInAsGuest(page);
  await openNodeServiceTemplate(page);

  await page.locator('#root_name').fill('pipeline-service');
  const taken =
    'pipeline-service is taken by component:default/pipeline-service (owner group:default/pipelines)';
  await expect(page.getByText(taken).first()).toBeVisible();

  await page.locator('#root_description').fill('A second pipeline service');
  await pickEntity(page, 'root_owner', OWNER.title);
  await pickEntity(page, 'root_system', SYSTEM.title);
  await page.getByRole('button', { name: 'Next' }).click();

  // The field's validation refused: the form lists the error and stays on the first page.
  await expect(page.getByText(`'Name' ${taken}`)).toBeVisible();
  await expect(page.locator('#root_name')).toBeVisible();
  await expect(page.locator('#root_name')).toHaveAttribute(
    'aria-invalid',
    'true',
  );
  await expect(page.getByRole('button', { name: 'Create' })).toHaveCount(0);
  await screenshot(page, 'create-name-taken.png');
  expect(errors).toEqual([]);
});
