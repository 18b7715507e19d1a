import { test, expect, Page } from '@playwright/test';

/** Collects console errors and uncaught exceptions so each test can assert there were none. */
function watchBrowserErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on('pageerror', error => errors.push(`uncaught: ${error.message}`));
  page.on('console', msg => {
    if (msg.type() === 'error') errors.push(`console: ${msg.text()}`);
  });
  return errors;
}

async function signInAsGuest(page: Page) {
  await page.goto('/');
  await page.getByRole('button', { name: 'Enter' }).click();
  await expect(
    page.getByRole('navigation', { name: 'sidebar nav' }),
  ).toBeVisible();
}

// The catalog table shows each service's metadata.title.
const demoServices = [
  'Admin',
  'API Gateway',
  'Audit',
  'Auth',
  'Billing',
  'Connector Service',
  'ETL Workers',
  'Notification',
  'Pipeline Service',
  'Reporting',
  'Search',
  'User Management',
];

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
  for (const name of demoServices) {
    await expect(page.getByRole('link', { name, exact: true })).toBeVisible();
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
