/*
 * Run: SLOs, traces and observed calls from the demo traffic (telemetry.demoTraffic.enabled in
 * app-config.e2e.yaml). The portal's own demo-traffic module sends the DataFlow organisation's
 * request flow as real OpenTelemetry spans into its receiver: pipeline-service breaches its
 * latency objective (99% under 500 ms) and pages, and etl-workers calls billing's API without
 * declaring it (plugins/telemetry-backend-module-demo-traffic, src/shape/scenario.ts).
 *
 * Traffic needs time after start: the first spans arrive a few seconds after the portal is
 * ready, and the cards re-read every minute. Each check reloads the page until it holds,
 * for up to two minutes.
 */
import { test, expect, Page } from '@playwright/test';
import { signInAsGuest, watchBrowserErrors } from './helpers';

const TRAFFIC_WAIT = { timeout: 120_000, intervals: [5_000, 10_000, 15_000] };

/**
 * Opens `path` and reloads it until `check` passes (a fresh read of the cards each time), for
 * up to two minutes of traffic. A loaded CI machine takes tens of seconds per page load, hence
 * the test timeouts well above that.
 */
async function untilTrafficShows(
  page: Page,
  path: string,
  check: () => Promise<void>,
) {
  await page.goto(path);
  let attempt = 0;
  await expect(async () => {
    if (attempt++ > 0) await page.reload();
    await check();
  }).toPass(TRAFFIC_WAIT);
}

test('the SLO card pages on pipeline-service’s latency objective, with its target', async ({
  page,
}) => {
  test.setTimeout(300_000);
  const errors = watchBrowserErrors(page);
  await signInAsGuest(page);

  const card = page.getByTestId('telemetry-slo-card');
  const latency = card
    .getByTestId('telemetry-slo')
    .and(page.locator('[data-slo="pipeline-service-latency"]'));
  await untilTrafficShows(
    page,
    '/catalog/default/component/pipeline-service',
    async () => {
      await expect(latency).toHaveAttribute('data-alert', 'page', {
        timeout: 15_000,
      });
    },
  );

  // The objective is named as the SLO file names it, and the alert says what it asks for.
  await expect(
    card.getByRole('region', {
      name: 'pipeline-service latency — p99 under 500 ms',
    }),
  ).toBeVisible();
  const alert = latency.getByTestId('telemetry-slo-alert');
  await expect(alert).toHaveAttribute('data-alert', 'page');
  await expect(alert).toContainText('Page');
  await expect(alert).toContainText(/burning fast/);
  await expect(latency.getByTestId('telemetry-slo-target')).toContainText(
    '99%',
  );
  // A quarter of its requests are slow: far more than the 1% budget.
  await expect(latency.getByTestId('telemetry-slo-budget')).toContainText(
    /Exhausted/,
  );
  await expect(
    latency.getByRole('table', {
      name: 'Burn rates of pipeline-service latency — p99 under 500 ms',
    }),
  ).toBeVisible();

  // The availability objective of the same service stays quiet: the alert is about latency.
  await expect(
    card
      .getByTestId('telemetry-slo')
      .and(page.locator('[data-slo="pipeline-service-availability"]')),
  ).toHaveAttribute('data-alert', 'none');
  expect(errors).toEqual([]);
});

test('the Traces card shows RED figures and a slow trace unfolds into its span tree', async ({
  page,
}) => {
  test.setTimeout(300_000);
  const errors = watchBrowserErrors(page);
  await signInAsGuest(page);

  const card = page.getByTestId('telemetry-traces-card');
  const slowest = card
    .getByTestId('telemetry-slowest-traces')
    .getByTestId('telemetry-trace');
  await untilTrafficShows(
    page,
    '/catalog/default/component/pipeline-service',
    async () => {
      await expect(card.getByTestId('telemetry-red-requests')).toContainText(
        /[1-9]/,
        { timeout: 15_000 },
      );
      await expect(slowest.first()).toBeVisible({ timeout: 15_000 });
    },
  );

  await expect(card.getByTestId('telemetry-no-traffic')).toHaveCount(0);
  // "<count> (<per minute>)", "<count> (<share>)", "p50 / p95 / p99" in ms or s.
  await expect(card.getByTestId('telemetry-red-requests')).toContainText(
    /\d.*\(.*\/\s?min/,
  );
  await expect(card.getByTestId('telemetry-red-errors')).toContainText(
    /\d.*\(.*%\)/,
  );
  await expect(card.getByTestId('telemetry-red-latency')).toContainText(
    /\d+(\.\d+)?\s?m?s \/ \d+(\.\d+)?\s?m?s \/ \d+(\.\d+)?\s?m?s/,
  );
  await expect(
    card.getByRole('table', { name: 'Operations, busiest first' }),
  ).toContainText('POST /v1/pipelines/{id}/runs');

  // The slowest trace of a service breaching its latency objective is slower than 500 ms.
  const trace = slowest.first();
  await expect(trace).toHaveAttribute('data-reason', 'slow');
  await trace.getByRole('button').first().click();
  const spans = trace.getByRole('list', { name: /^Spans of / });
  await expect(spans).toBeVisible();
  const rows = spans.getByTestId('telemetry-span');
  // The gateway's request with the services it went through: a tree, not a single span.
  expect(await rows.count()).toBeGreaterThan(1);
  await expect(rows.first()).toHaveAttribute('aria-level', '1');
  await expect(spans.locator('[aria-level="2"]').first()).toBeVisible();
  await expect(spans).toContainText('pipeline-service');
  expect(errors).toEqual([]);
});

test('the system page lists etl-workers → billing under “Not declared in the catalog”', async ({
  page,
}) => {
  test.setTimeout(300_000);
  const errors = watchBrowserErrors(page);
  await signInAsGuest(page);

  const card = page.getByTestId('telemetry-observed-calls-card');
  const undeclared = card.getByTestId('telemetry-undeclared-calls');
  const call = undeclared
    .getByTestId('telemetry-edge')
    .and(page.locator('[data-from="component:default/etl-workers"]'))
    .and(page.locator('[data-to="component:default/billing"]'));
  await untilTrafficShows(
    page,
    '/catalog/default/system/pipelines',
    async () => {
      await expect(call).toBeVisible({ timeout: 15_000 });
    },
  );

  await expect(
    undeclared.getByRole('heading', { name: 'Not declared in the catalog' }),
  ).toBeVisible();
  await expect(call).toHaveAttribute('data-declared', 'false');
  // The demo's only undeclared call: every other call it makes is in the catalog.
  await expect(undeclared.getByTestId('telemetry-edge')).toHaveCount(1);
  await expect(
    card
      .getByTestId('telemetry-declared-calls')
      .getByTestId('telemetry-edge')
      .first(),
  ).toBeVisible();
  expect(errors).toEqual([]);
});
