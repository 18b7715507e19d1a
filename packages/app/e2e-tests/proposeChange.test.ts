/*
 * "An edit in the UI yields a pull request on GitHub": a service read from a (fake) GitHub
 * repository gets a new owner through the "Propose a change" dialog, and the pull request, its
 * branch and its commit are checked on the fake's side.
 *
 * Needs the fake GitHub and the portal's e2e config layer (e2e-tests/app-config.e2e.yaml);
 * `./strata test e2e` starts both (scripts/strata/test.sh). By hand, with the same token in both:
 *
 *   FAKE_GITHUB_TOKEN=t node --require @backstage/cli-node/config/nodeTransform.cjs \
 *     plugins/catalog-edits-backend/src/tests/fakeGithubServer.ts \
 *     --port 7078 --repos packages/app/e2e-tests/fakeGithub/repos
 *   STRATA_E2E_GITHUB_TOKEN=t ./strata start --config packages/app/e2e-tests/app-config.e2e.yaml
 *   PLAYWRIGHT_URL=http://localhost:7007 yarn test:e2e
 */
import { test, expect, Page } from '@playwright/test';
import { signInAsGuest, watchBrowserErrors } from './helpers';

const FAKE_GITHUB = `http://127.0.0.1:${
  process.env.STRATA_E2E_GITHUB_PORT ?? '7078'
}`;
const REPO = 'dataflow/e2e-orders';
const LOCATION = `https://github.com/${REPO}/blob/main/catalog-info.yaml`;
const ENTITY_PAGE = '/catalog/default/component/e2e-orders';
const OLD_OWNER = 'group:default/billing';
const NEW_OWNER = 'group:default/growth-reporting';

type FakeRepoState = {
  branches: Array<{
    name: string;
    sha: string;
    message: string;
    files: Record<string, string>;
  }>;
  pulls: Array<{
    number: number;
    title: string;
    body: string;
    head: string;
    base: string;
    html_url: string;
  }>;
};

/** The fake's branches, files and pull requests (its test-only inspection route). */
async function fakeRepo(page: Page): Promise<FakeRepoState> {
  const response = await page.request
    .get(`${FAKE_GITHUB}/__fake/repos/${REPO}`)
    .catch(error => {
      throw new Error(
        `The fake GitHub is not reachable at ${FAKE_GITHUB} (./strata test e2e starts it): ${error}`,
      );
    });
  expect(response.status()).toBe(200);
  return response.json();
}

/** The signed-in guest's Backstage token, for calling the catalog API directly. */
async function guestToken(page: Page): Promise<string> {
  const response = await page.request.get('/api/auth/guest/refresh', {
    headers: { 'x-requested-with': 'XMLHttpRequest' },
  });
  expect(response.status()).toBe(200);
  return (await response.json()).backstageIdentity.token;
}

/**
 * Registers the repository's catalog-info.yaml (as "Register existing component" does) and waits,
 * bounded, until the catalog has read the service from the fake GitHub. Already registered by an
 * earlier run against the same portal is fine.
 */
async function registerOrdersService(page: Page, token: string) {
  const headers = { authorization: `Bearer ${token}` };
  const created = await page.request.post('/api/catalog/locations', {
    headers,
    data: { type: 'url', target: LOCATION },
  });
  expect([201, 409]).toContain(created.status());
  await expect
    .poll(
      async () =>
        (
          await page.request.get(
            '/api/catalog/entities/by-name/component/default/e2e-orders',
            { headers },
          )
        ).status(),
      { timeout: 90_000, message: 'the catalog ingests e2e-orders' },
    )
    .toBe(200);
}

async function catalogOwner(page: Page, token: string): Promise<string> {
  const response = await page.request.get(
    '/api/catalog/entities/by-name/component/default/e2e-orders',
    { headers: { authorization: `Bearer ${token}` } },
  );
  expect(response.status()).toBe(200);
  return (await response.json()).spec.owner;
}

async function expectOwnerOnPage(page: Page, name: string, title: string) {
  const owner = page.getByRole('link', { name: title, exact: true }).first();
  await expect(owner).toBeVisible();
  await expect(owner).toHaveAttribute(
    'href',
    new RegExp(`/catalog/default/group/${name}$`),
  );
}

test('changing the owner in the UI opens a pull request on GitHub and leaves the catalog as it is', async ({
  page,
}) => {
  // Waiting for the catalog to read a newly registered location can take a processing cycle.
  test.setTimeout(180_000);
  const errors = watchBrowserErrors(page);
  const before = await fakeRepo(page);
  const main = before.branches.find(b => b.name === 'main');
  const original = main!.files['catalog-info.yaml'];
  expect(original).toContain(`owner: ${OLD_OWNER} # on-call: #billing-oncall`);

  await signInAsGuest(page);
  const token = await guestToken(page);
  await registerOrdersService(page, token);

  await page.goto(ENTITY_PAGE);
  await expect(
    page.getByRole('heading', { name: 'E2E Orders' }).first(),
  ).toBeVisible();
  await expectOwnerOnPage(page, 'billing', 'Billing Team');
  // The cards of a service registered seconds ago answer (no "not indexed yet" 404).
  await expect(page.getByTestId('oncall-owner')).toBeVisible();
  await expect(
    page.getByTestId('scorecard-level').or(page.getByTestId('scorecard-none')),
  ).toBeVisible();
  await expect(page.getByText(/^Could not load/)).toHaveCount(0);

  // The dialog: change the owner to another team, then open the pull request.
  await page.getByRole('button', { name: 'Propose a change' }).click();
  const dialog = page.getByRole('dialog');
  await expect(dialog).toContainText(
    'Propose a change to component:default/e2e-orders',
  );
  await dialog.getByLabel('Change', { exact: true }).selectOption('setOwner');
  // The options are the catalog's groups, loaded when the dialog opens.
  await dialog.getByLabel('New owner').selectOption(NEW_OWNER);
  await dialog.getByRole('button', { name: 'Open pull request' }).click();

  // The card links to the pull request the backend opened.
  await expect(dialog).toBeHidden();
  await expect(page.getByText('Pull request opened:')).toBeVisible();
  // Backstage's Link adds ", Opens in a new window" to an external link's name: match the href.
  const link = page.locator(`a[href^="https://github.com/${REPO}/pull/"]`);
  await expect(link).toBeVisible();
  const pullUrl = (await link.getAttribute('href'))!;
  expect(pullUrl).toMatch(
    new RegExp(`^https://github\\.com/${REPO}/pull/\\d+$`),
  );
  await expect(link).toContainText(pullUrl);

  // On GitHub: the pull request, its branch and the committed file.
  const after = await fakeRepo(page);
  const pull = after.pulls.find(p => p.html_url === pullUrl);
  expect(pull).toBeDefined();
  expect(pull!.base).toBe('main');
  expect(pull!.head).toMatch(/^strata\/setOwner-e2e-orders-[0-9a-f]{6}$/);
  expect(pull!.title).toBe(
    `component:default/e2e-orders: set owner to ${NEW_OWNER}`,
  );
  expect(pull!.body).toMatch(/proposed from the Strata portal by `user:/);
  expect(pull!.body).toContain('`spec.owner`');
  expect(pull!.body).toContain(`set owner to ${NEW_OWNER}`);

  const branch = after.branches.find(b => b.name === pull!.head);
  expect(branch).toBeDefined();
  expect(branch!.sha).not.toBe(main!.sha);
  expect(branch!.message).toContain(`set owner to ${NEW_OWNER}`);
  const committed = branch!.files['catalog-info.yaml'];
  // Only the owner's value changed: every comment, blank line and the second document stay.
  expect(committed).toBe(
    original.replace(
      `owner: ${OLD_OWNER} # on-call`,
      `owner: ${NEW_OWNER} # on-call`,
    ),
  );
  expect(committed).toContain(`owner: ${NEW_OWNER} # on-call: #billing-oncall`);
  for (const comment of original.split('\n').filter(l => l.startsWith('#'))) {
    expect(committed).toContain(comment);
  }
  expect(committed).toContain(
    '- resource:default/e2e-orders-db # its own database',
  );

  // Nothing is merged: main is as it was, and so is the catalog, which reads main.
  const mainAfter = after.branches.find(b => b.name === 'main');
  expect(mainAfter!.sha).toBe(main!.sha);
  expect(mainAfter!.files['catalog-info.yaml']).toBe(original);
  expect(await catalogOwner(page, token)).toBe(OLD_OWNER);
  await page.reload();
  await expect(
    page.getByRole('heading', { name: 'E2E Orders' }).first(),
  ).toBeVisible();
  await expectOwnerOnPage(page, 'billing', 'Billing Team');

  // The integration's token (a throw-away value per run) never reaches the browser.
  const githubToken = process.env.STRATA_E2E_GITHUB_TOKEN;
  if (githubToken) {
    expect(await page.content()).not.toContain(githubToken);
  }
  // Registered seconds ago, yet no request failed: the On-call lookup is read from the catalog
  // until the ownership index has the service, the Scorecard is checked on demand until the next
  // governance evaluation does.
  expect(errors).toEqual([]);
});
