import { test, expect } from '@playwright/test';
import { signInAsGuest, watchBrowserErrors } from './helpers';

// name → title; the catalog table shows the title, linked to the entity page.
const demoServices: Record<string, string> = {
  admin: 'Admin',
  'api-gateway': 'API Gateway',
  audit: 'Audit',
  auth: 'Auth',
  billing: 'Billing',
  'connector-service': 'Connector Service',
  'etl-workers': 'ETL Workers',
  notification: 'Notification',
  'pipeline-service': 'Pipeline Service',
  reporting: 'Reporting',
  search: 'Search',
  'user-management': 'User Management',
};

test('the home page loads with no console errors', async ({ page }) => {
  const errors = watchBrowserErrors(page);
  await signInAsGuest(page);
  await page.goto('/home');
  await expect(page.getByText('Welcome to Strata')).toBeVisible();
  await expect(page).toHaveTitle(/Strata/);
  expect(errors).toEqual([]);
});

test('the catalog lists the DataFlow demo services', async ({ page }) => {
  const errors = watchBrowserErrors(page);
  await signInAsGuest(page);
  await page.goto(
    '/?filters[kind]=component&filters[type]=service&filters[user]=all',
  );
  for (const [name, title] of Object.entries(demoServices)) {
    const link = page.locator(`a[href="/catalog/default/component/${name}"]`);
    await expect(link).toHaveText(title);
  }
  expect(errors).toEqual([]);
});

test('a service page opens with its owner', async ({ page }) => {
  const errors = watchBrowserErrors(page);
  await signInAsGuest(page);
  await page.goto(
    '/?filters[kind]=component&filters[type]=service&filters[user]=all',
  );
  await page
    .getByRole('link', { name: 'Pipeline Service', exact: true })
    .click();
  await expect(page).toHaveURL(
    /\/catalog\/default\/component\/pipeline-service/,
  );
  await expect(
    page.getByRole('heading', { name: 'Pipeline Service' }).first(),
  ).toBeVisible();
  // The About card names the owning team (its title), linked to the group's page.
  const owner = page.getByRole('link', { name: 'Pipelines' }).first();
  await expect(owner).toBeVisible();
  await expect(owner).toHaveAttribute(
    'href',
    /\/catalog\/default\/group\/pipelines/,
  );
  expect(errors).toEqual([]);
});

test('a service shows its shared database and both sides of its events', async ({
  page,
}) => {
  const errors = watchBrowserErrors(page);
  await signInAsGuest(page);
  await page.goto('/catalog/default/component/billing');
  await expect(
    page.getByRole('heading', { name: 'Data & events' }),
  ).toBeVisible();
  // legacy-db is the monolith's database, shared with Admin and User Management.
  await expect(page.getByText('Shared database')).toBeVisible();
  const sharedWith = page.getByText(/Also used by/);
  await expect(sharedWith).toContainText('Admin');
  await expect(sharedWith).toContainText('User Management');
  // Billing consumes pipeline.run.completed, which ETL Workers produce: the only link to
  // ETL Workers on this page is the card's "Producers" entry.
  await expect(
    page.locator('a[href="/catalog/default/component/etl-workers"]'),
  ).toBeVisible();
  expect(errors).toEqual([]);
});

test('a system page draws its architecture', async ({ page }) => {
  const errors = watchBrowserErrors(page);
  await signInAsGuest(page);
  await page.goto('/catalog/default/system/pipelines');
  await expect(page.getByText('Architecture')).toBeVisible();
  // The graph includes the system's databases and topics as nodes.
  await expect(page.locator('svg').getByText('Pipeline DB')).toBeVisible();
  expect(errors).toEqual([]);
});
