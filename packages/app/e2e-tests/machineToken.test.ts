/*
 * The local machine token (`./strata token`, app-config.machine-access.yaml) as an API client
 * uses it: it reads what it is allowed to read, and nothing else.
 */
import { test, expect } from '@playwright/test';

const token = process.env.STRATA_E2E_MACHINE_TOKEN ?? '';

test.beforeAll(() => {
  expect(token, 'scripts/strata/test.sh passes ./strata token').not.toBe('');
});

const bearer = (value: string) => ({ authorization: `Bearer ${value}` });

test('with ./strata token, an API client reads the catalog', async ({
  request,
}) => {
  const response = await request.get(
    '/api/catalog/entities/by-name/component/default/billing',
    { headers: bearer(token) },
  );
  expect(response.status()).toBe(200);
  expect((await response.json()).metadata.name).toBe('billing');
});

test('the machine token may not change the catalog (read-only there)', async ({
  request,
}) => {
  const response = await request.post('/api/catalog/locations', {
    headers: bearer(token),
    data: { type: 'url', target: 'https://example.com/catalog-info.yaml' },
  });
  expect(response.status()).toBe(403);
});

test('the machine token does not open plugins it is not restricted to', async ({
  request,
}) => {
  const response = await request.get('/api/scaffolder/v2/actions', {
    headers: bearer(token),
  });
  expect(response.status()).toBe(403);
});

test('a wrong token is refused', async ({ request }) => {
  const response = await request.get(
    '/api/catalog/entities/by-name/component/default/billing',
    { headers: bearer(`${token}x`) },
  );
  expect(response.status()).toBe(401);
});

test('with ./strata token, a script reads a team’s DORA figures from the demo history', async ({
  request,
}) => {
  // The embedded default loads the demo's 90 days through the events API on start, with this
  // same token; reading needs the plugin to ask the catalog on the token's behalf.
  const response = await request.get(
    '/api/deployments/v1/dora?owner=group:default/billing&window=30d',
    { headers: bearer(token) },
  );
  expect(response.status(), await response.text()).toBe(200);
  const report = await response.json();
  expect(report.scope.services).toContain('component:default/billing');
  expect(report.deployments).toBeGreaterThan(0);
});
