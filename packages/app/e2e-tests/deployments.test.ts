/*
 * Run: what is deployed where, and DORA. The portal's cluster is the fake Kubernetes API that
 * `./strata test e2e` starts (plugins/deployments-backend/src/kubernetes/__testUtils__/e2eCluster.ts):
 * billing runs a healthy `billing` Deployment and a crash-looping `billing-worker`. The DORA
 * figures come from the demo history `./strata start` loads through the events API.
 */
import { test, expect } from '@playwright/test';
import { signInAsGuest, watchBrowserErrors } from './helpers';

test('the Deployments card explains the crash-looping workload first, beside the healthy one', async ({
  page,
}) => {
  test.setTimeout(120_000);
  const errors = watchBrowserErrors(page);
  await signInAsGuest(page);
  await page.goto('/catalog/default/component/billing');

  const card = page.getByTestId('deployments-card');
  await card.scrollIntoViewIfNeeded();
  const cluster = card.getByTestId('deployments-cluster-prod-eu');
  // The watch cache syncs within seconds of start; the card re-reads every 30 s.
  await expect(cluster).toHaveAttribute('data-cluster-state', 'ok', {
    timeout: 60_000,
  });

  const worker = cluster.getByTestId(
    'deployments-workload-payments-billing-worker',
  );
  const healthy = cluster.getByTestId('deployments-workload-payments-billing');
  await expect(worker).toBeVisible();
  await expect(healthy).toBeVisible();

  // Problems first: the crash-looping workload is listed before the healthy one.
  const workloads = cluster.locator('[data-testid^="deployments-workload-"]');
  await expect(workloads.first()).toHaveAttribute(
    'data-testid',
    'deployments-workload-payments-billing-worker',
  );

  const problem = worker
    .getByTestId('deployments-problem')
    .and(worker.locator('[data-problem-kind="crash-loop"]'));
  await expect(problem).toContainText(/crash-looping/);
  await expect(problem).toContainText(/exit code 1/);
  await expect(healthy.getByTestId('deployments-problem')).toHaveCount(0);
  expect(errors).toEqual([]);
});

test('the DORA page shows a team’s four figures with their bands from the demo history', async ({
  page,
}) => {
  const errors = watchBrowserErrors(page);
  await signInAsGuest(page);
  // 90 days: billing (the demo's low performer) has restored incidents in any such window, so
  // all four figures have a band (a window without incidents has none for time to restore).
  await page.goto('/dora?team=group:default/billing&window=90d');

  const figures = page.getByTestId('dora-figures');
  await expect(figures).toBeVisible();
  for (const figure of [
    'deploymentFrequency',
    'leadTime',
    'changeFailureRate',
    'timeToRestore',
  ]) {
    const tile = figures.getByTestId(`dora-figure-${figure}`);
    await expect(tile.getByTestId('dora-value')).not.toBeEmpty();
    await expect(tile.getByTestId('dora-band')).toHaveText(
      /elite|high|medium|low/i,
    );
  }
  await expect(page.getByTestId('dora-no-data')).toHaveCount(0);
  expect(errors).toEqual([]);
});
