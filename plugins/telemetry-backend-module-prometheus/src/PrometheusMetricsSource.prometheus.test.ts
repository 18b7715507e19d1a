/*
 * The Prometheus source against a real Prometheus (Debian's package), fed the shared traffic
 * dataset by backfill. With samples every minute and windows on minute boundaries, Prometheus
 * 2.x's increase() sees a sample at both edges of every window and extrapolates nothing, so
 * counts must equal the dataset's exact counts; off-boundary windows show the extrapolation.
 * Skipped with a warning when prometheus is not installed, unless STRATA_REQUIRE_PROMETHEUS=1
 * (scripts/strata/test.sh sets it under CI=true), which makes its absence a failure.
 */
import { TestDatabases } from '@backstage/backend-test-utils';
import { SloStatus } from '@internal/plugin-telemetry-common';
import {
  RedAnswer,
  RedSourceFigures,
  ServiceSpans,
  SliQuery,
} from '@internal/plugin-telemetry-node';
// Test-only: the backend's own SLO evaluation (it does not export it from its index).
// eslint-disable-next-line @backstage/no-forbidden-package-imports, @backstage/no-mixed-plugin-imports
import { evaluateSlos } from '@internal/plugin-telemetry-backend/src/slo';
import { SPANMETRICS_DEFAULTS } from './config';
import { PrometheusClient } from './PrometheusClient';
import { PrometheusMetricsSource } from './PrometheusMetricsSource';
import { datasetSource } from './__testUtils__/datasetSource';
import { embeddedSourceOver } from './__testUtils__/embeddedStore';
import {
  TEST_BUCKET_BOUNDS_MS,
  toOpenMetrics,
} from './__testUtils__/openMetrics';
import {
  prometheusInstalled,
  RunningPrometheus,
  startPrometheus,
} from './__testUtils__/prometheusServer';
import { TRAFFIC_SLOS } from './__testUtils__/slos';
import {
  exactCount,
  generateTraffic,
  MINUTE_MS,
} from './__testUtils__/spanTraffic';

jest.setTimeout(180_000);

const HOUR_MS = 60 * MINUTE_MS;
// A few minutes back, so the newest block is complete; floored to a minute by the generator.
const dataset = generateTraffic({
  endMs: Date.now() - 5 * MINUTE_MS,
  hours: 6,
});
const now = new Date(dataset.endMs);
const ago = (ms: number) => new Date(dataset.endMs - ms);

const databases = TestDatabases.create({ ids: ['SQLITE_3', 'POSTGRES_15'] });

/** Statuses without their source, numbers to 10 significant digits (sums of floats). */
function comparable(statuses: SloStatus[]) {
  return JSON.parse(
    JSON.stringify(
      statuses.map(({ source: _s, ...rest }) => rest),
      (_k, v) => (typeof v === 'number' ? Number(v.toPrecision(10)) : v),
    ),
  );
}

const describeWithPrometheus = prometheusInstalled() ? describe : describe.skip;

let prometheus: RunningPrometheus | undefined;
let source: PrometheusMetricsSource;

const queries: Array<[string, Omit<SliQuery, 'from' | 'to'>]> = [
  ['all of search', { serviceName: 'search', kind: 'total' }],
  ['search errors', { serviceName: 'search', kind: 'errors' }],
  [
    'checkout total (client spans excluded)',
    { serviceName: 'checkout', kind: 'total' },
  ],
  ['checkout errors', { serviceName: 'checkout', kind: 'errors' }],
  [
    'one operation',
    { serviceName: 'checkout', operation: 'POST /orders', kind: 'total' },
  ],
  [
    'billing slower than 250 ms',
    { serviceName: 'billing', kind: 'slowerThan', thresholdMs: 250 },
  ],
  [
    'billing slower than 1 s',
    { serviceName: 'billing', kind: 'slowerThan', thresholdMs: 1000 },
  ],
  [
    'consumer spans of notifications',
    { serviceName: 'notifications', kind: 'total' },
  ],
  ['unknown service', { serviceName: 'nobody', kind: 'total' }],
];

const windows: Array<[string, Date, Date]> = [
  ['5m', ago(5 * MINUTE_MS), now],
  ['1h', ago(HOUR_MS), now],
  ['2h ending 1h ago', ago(3 * HOUR_MS), ago(HOUR_MS)],
  ['28d (more than the data)', ago(28 * 24 * HOUR_MS), now],
];

describeWithPrometheus(
  'PrometheusMetricsSource against a real Prometheus',
  () => {
    beforeAll(async () => {
      prometheus = await startPrometheus(toOpenMetrics(dataset, MINUTE_MS));
      source = new PrometheusMetricsSource(
        new PrometheusClient({
          baseUrl: prometheus.baseUrl,
          headers: {},
          timeoutMs: 30_000,
        }),
        SPANMETRICS_DEFAULTS,
      );
    });

    afterAll(async () => {
      await prometheus?.stop();
    });

    describe.each(windows)('over %s', (_w, from, to) => {
      it.each(queries)('%s equals the exact count', async (_q, query) => {
        const expected = exactCount(dataset, { ...query, from, to });
        const counted = await source.count({ ...query, from, to });
        expect(counted).toBeCloseTo(expected, 6);
      });
    });

    it('the whole dataset is non-trivial (the equalities above compare real traffic)', async () => {
      const from = ago(28 * 24 * HOUR_MS);
      expect(
        exactCount(dataset, {
          serviceName: 'search',
          kind: 'errors',
          from,
          to: now,
        }),
      ).toBeGreaterThan(100);
      expect(
        exactCount(dataset, {
          serviceName: 'billing',
          kind: 'slowerThan',
          thresholdMs: 250,
          from,
          to: now,
        }),
      ).toBeGreaterThan(100);
    });

    it('a threshold between bounds (300 ms) is interpolated inside the 250–500 ms bucket', async () => {
      const base = {
        serviceName: 'billing',
        from: ago(6 * HOUR_MS),
        to: now,
      } as const;
      const above250 = await source.count({
        ...base,
        kind: 'slowerThan',
        thresholdMs: 250,
      });
      const above500 = await source.count({
        ...base,
        kind: 'slowerThan',
        thresholdMs: 500,
      });
      const above300 = await source.count({
        ...base,
        kind: 'slowerThan',
        thresholdMs: 300,
      });
      // (500 − 300) ÷ (500 − 250) of the bucket counts as slower.
      expect(above300).toBeCloseTo(
        above500 + ((above250 - above500) * 200) / 250,
        6,
      );
    });

    it('countSeries: one exact count per hour step, and a shorter last step', async () => {
      const query: SliQuery = {
        serviceName: 'search',
        kind: 'errors',
        from: ago(4.5 * HOUR_MS),
        to: now,
      };
      const series = await source.countSeries(query, HOUR_MS);
      const expected = await datasetSource(dataset).countSeries(query, HOUR_MS);
      expect(series.map(p => p.at.toISOString())).toEqual(
        expected.map(p => p.at.toISOString()),
      );
      expect(series).toHaveLength(5);
      series.forEach((p, i) =>
        expect(p.value).toBeCloseTo(expected[i].value, 6),
      );
      expect(series[4].value).toBeGreaterThan(50); // the burst
    });

    it('countSeries of slowerThan per 30 minutes', async () => {
      const query: SliQuery = {
        serviceName: 'billing',
        kind: 'slowerThan',
        thresholdMs: 250,
        from: ago(3 * HOUR_MS),
        to: now,
      };
      const series = await source.countSeries(query, 30 * MINUTE_MS);
      const expected = await datasetSource(dataset).countSeries(
        query,
        30 * MINUTE_MS,
      );
      expect(series).toHaveLength(6);
      series.forEach((p, i) =>
        expect(p.value).toBeCloseTo(expected[i].value, 6),
      );
    });

    it('a window off the sample grid is extrapolated: close to, not equal to, the exact count', async () => {
      // Edges 30 s after a sample: Prometheus sees samples 30 s inside each edge and scales the
      // increase between them up to the window's length (README, "How counts compare").
      const from = new Date(ago(HOUR_MS).getTime() + 30_000);
      const to = new Date(now.getTime() - 30_000);
      const query = {
        serviceName: 'checkout',
        kind: 'total' as const,
        from,
        to,
      };
      const expected = exactCount(dataset, query);
      const counted = await source.count(query);
      expect(Number.isInteger(counted)).toBe(false);
      expect(Math.abs(counted - expected) / expected).toBeLessThan(0.03);
    });

    it('the SLO engine gives the same status from Prometheus as from the exact counts', async () => {
      const fromPrometheus = await evaluateSlos(TRAFFIC_SLOS, source, now);
      const fromDataset = await evaluateSlos(
        TRAFFIC_SLOS,
        datasetSource(dataset),
        now,
      );
      expect(comparable(fromPrometheus)).toEqual(comparable(fromDataset));
      expect(fromPrometheus.map(s => [s.name, s.alert, s.source])).toEqual([
        ['checkout-availability', 'none', 'prometheus'],
        ['checkout-orders-latency', 'none', 'prometheus'],
        ['billing-latency', 'ticket', 'prometheus'],
        ['search-availability', 'page', 'prometheus'],
        ['notifications-availability', 'none', 'prometheus'],
      ]);
    });

    describe.each(databases.eachSupportedId())(
      'and as the embedded aggregates on the same traffic (%s)',
      databaseId => {
        it('gives the same SLO status, and the same counts', async () => {
          const knex = await databases.init(databaseId);
          const embedded = await embeddedSourceOver(knex, dataset);
          const fromEmbedded = await evaluateSlos(TRAFFIC_SLOS, embedded, now);
          const fromPrometheus = await evaluateSlos(TRAFFIC_SLOS, source, now);
          expect(comparable(fromPrometheus)).toEqual(comparable(fromEmbedded));
          expect(fromEmbedded.map(s => [s.alert, s.source])).toEqual([
            ['none', 'embedded'],
            ['none', 'embedded'],
            ['ticket', 'embedded'],
            ['page', 'embedded'],
            ['none', 'embedded'],
          ]);
          const range = { from: ago(6 * HOUR_MS), to: now };
          for (const [, query] of queries) {
            expect(await source.count({ ...query, ...range })).toBeCloseTo(
              await embedded.count({ ...query, ...range }),
              6,
            );
          }
        });
      },
    );

    describe.each(databases.eachSupportedId())(
      'and RED as the embedded aggregates give it on the same traffic (%s)',
      databaseId => {
        /**
         * Which of Prometheus' (coarser) buckets a percentile lies in: both sources interpolate
         * inside the bucket that holds the rank, and the embedded bounds include the test's, so
         * the two agree to the coarser histogram's resolution.
         */
        const coarseBucket = (ms: number | null) =>
          ms === null
            ? null
            : TEST_BUCKET_BOUNDS_MS.findIndex(bound => ms <= bound + 1e-9);
        const expectSameRed = (a: RedSourceFigures, b: RedSourceFigures) => {
          expect(a.requests).toBeCloseTo(b.requests, 6);
          expect(a.errors).toBeCloseTo(b.errors, 6);
          for (const p of ['p50', 'p95', 'p99'] as const) {
            expect([p, coarseBucket(a.latencyMs[p])]).toEqual([
              p,
              coarseBucket(b.latencyMs[p]),
            ]);
          }
        };
        const byName = (answer: RedAnswer) =>
          [...answer.operations].sort((x, y) =>
            x.operation.localeCompare(y.operation),
          );

        it.each([
          ['15m by the minute', 15 * MINUTE_MS, MINUTE_MS],
          ['1h by 5 minutes', HOUR_MS, 5 * MINUTE_MS],
        ])(
          '%s: the same requests and errors (exact), percentiles in the same buckets',
          async (_w, windowMs, stepMs) => {
            const knex = await databases.init(databaseId);
            const embedded = await embeddedSourceOver(knex, dataset);
            for (const serviceName of ['checkout', 'billing', 'search']) {
              const query = {
                serviceName,
                from: ago(windowMs),
                to: now,
                stepMs,
              };
              const fromPrometheus = await source.red(query);
              const fromEmbedded = await embedded.red(query);

              expect(fromPrometheus.total.requests).toBeCloseTo(
                exactCount(dataset, {
                  serviceName,
                  kind: 'total',
                  from: query.from,
                  to: now,
                }),
                6,
              );
              expect(fromPrometheus.total.requests).toBeGreaterThan(10);
              expectSameRed(fromPrometheus.total, fromEmbedded.total);

              const promOps = byName(fromPrometheus);
              const embeddedOps = byName(fromEmbedded);
              expect(promOps.map(o => o.operation)).toEqual(
                embeddedOps.map(o => o.operation),
              );
              promOps.forEach((op, i) => expectSameRed(op, embeddedOps[i]));

              expect(
                fromPrometheus.series.map(p => p.at.toISOString()),
              ).toEqual(fromEmbedded.series.map(p => p.at.toISOString()));
              expect(fromPrometheus.series).toHaveLength(windowMs / stepMs);
              fromPrometheus.series.forEach((point, i) =>
                expectSameRed(point, fromEmbedded.series[i]),
              );
            }
          },
        );

        it('gives billing’s slow tail and search’s errors as figures (the comparisons compare something)', async () => {
          const query = { from: ago(HOUR_MS), to: now, stepMs: 5 * MINUTE_MS };
          const billing = await source.red({
            ...query,
            serviceName: 'billing',
          });
          // ≈6 % of billing is slower than 250 ms: its p99 is above that bound.
          expect(billing.total.latencyMs.p99).toBeGreaterThan(250);
          expect(billing.total.latencyMs.p50).toBeLessThan(250);
          const search = await source.red({ ...query, serviceName: 'search' });
          expect(search.total.errors).toBeGreaterThan(
            0.1 * search.total.requests,
          );
          const nobody = await source.red({ ...query, serviceName: 'nobody' });
          expect(nobody.total).toEqual({
            requests: 0,
            errors: 0,
            latencyMs: { p50: null, p95: null, p99: null },
          });
          expect(nobody.operations).toEqual([]);
          expect(nobody.series).toHaveLength(12);
        });
      },
    );

    describe.each(databases.eachSupportedId())(
      'and the service list as the embedded aggregates give it on the same traffic (%s)',
      databaseId => {
        const byName = (list: ServiceSpans[]) =>
          [...list].sort((a, b) => a.serviceName.localeCompare(b.serviceName));

        it.each([
          ['15m by the minute', ago(15 * MINUTE_MS), now, MINUTE_MS, 4],
          ['6h by the minute', ago(6 * HOUR_MS), now, MINUTE_MS, 4],
          ['2h ending 1h ago', ago(3 * HOUR_MS), ago(HOUR_MS), MINUTE_MS, 4],
          [
            'a window before any traffic',
            ago(9 * HOUR_MS),
            ago(7 * HOUR_MS),
            MINUTE_MS,
            0,
          ],
        ])(
          '%s: the same services, spans and errors (exact), the same last minute',
          async (_w, from, to, stepMs, services) => {
            const knex = await databases.init(databaseId);
            const embedded = await embeddedSourceOver(knex, dataset);
            const query = { from, to, stepMs };
            const fromPrometheus = byName(await source.services(query));
            const fromEmbedded = byName(await embedded.services!(query));

            expect(fromPrometheus).toHaveLength(services);

            expect(fromPrometheus.map(s => s.serviceName)).toEqual(
              fromEmbedded.map(s => s.serviceName),
            );
            fromPrometheus.forEach((s, i) => {
              const e = fromEmbedded[i];
              expect(s.spans).toBeCloseTo(e.spans, 6);
              expect(s.errors).toBeCloseTo(e.errors, 6);
              expect(s.lastSeen.toISOString()).toBe(e.lastSeen.toISOString());
              expect(s.spans).toBeCloseTo(
                exactCount(dataset, {
                  serviceName: s.serviceName,
                  kind: 'total',
                  from,
                  to,
                }),
                6,
              );
            });
          },
        );

        it('lists the four serving services, not checkout’s client spans, with their last minute', async () => {
          const list = byName(
            await source.services({
              from: ago(HOUR_MS),
              to: now,
              stepMs: MINUTE_MS,
            }),
          );
          expect(list.map(s => s.serviceName)).toEqual([
            'billing',
            'checkout',
            'notifications',
            'search',
          ]);
          for (const s of list) {
            expect(s.spans).toBeGreaterThan(100);
            expect(s.lastSeen.toISOString()).toBe(ago(MINUTE_MS).toISOString());
          }
          // checkout's client spans fail half the time; its served spans almost never.
          expect(list[1].errors).toBeLessThan(0.01 * list[1].spans);
          expect(list[3].errors).toBeGreaterThan(0.1 * list[3].spans);
        });
      },
    );

    it('bad PromQL (a broken recording-rule template) names the URL and Prometheus’ error', async () => {
      const broken = new PrometheusMetricsSource(
        new PrometheusClient({
          baseUrl: prometheus!.baseUrl,
          headers: {},
          timeoutMs: 30_000,
        }),
        {
          ...SPANMETRICS_DEFAULTS,
          queries: { total: 'sum(increase(slo:calls{$matchers}[$window])' },
        },
      );
      await expect(
        broken.count({
          serviceName: 'search',
          kind: 'total',
          from: ago(HOUR_MS),
          to: now,
        }),
      ).rejects.toThrow(
        new RegExp(
          `^Prometheus at ${
            prometheus!.baseUrl
          }/api/v1/query answered 400: bad_data: .*parse error`,
        ),
      );
    });
  },
);
