import {
  createMockDirectory,
  mockServices,
  TestDatabases,
} from '@backstage/backend-test-utils';
import { Entity } from '@backstage/catalog-model';
import { ConfigReader } from '@backstage/config';
import { ScmIntegrations } from '@backstage/integration';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import { Knex } from 'knex';
import { AggregateReader } from '../database/AggregateReader';
import { IngestStore, migrateTelemetry } from '../database/IngestStore';
import { Maintenance } from '../database/Maintenance';
import { DEFAULT_RETENTION } from '../database/Retention';
import { EmbeddedMetricsSource } from '../query/EmbeddedMetricsSource';
import { span } from '../__testUtils__/spans';
import { SloFileReader } from './SloFileReader';
import { SloService } from './SloService';

jest.setTimeout(60_000);

const NOW = Date.parse('2026-12-01T12:00:00.000Z');
const MINUTE = 60_000;

const sloYaml = `apiVersion: openslo/v1
kind: SLO
metadata:
  name: billing-availability
spec:
  budgetingMethod: Occurrences
  indicator:
    spec:
      ratioMetric:
        good:
          metricSource:
            type: OpenTelemetry
            spec:
              filter: service.name="billing" AND http.response.status_code < 500
        total:
          metricSource:
            type: OpenTelemetry
            spec:
              filter: service.name="billing"
  timeWindow: [{ duration: 28d, isRolling: true }]
  objectives: [{ target: 0.99 }]
---
apiVersion: openslo/v1
kind: SLO
metadata:
  name: billing-invoices-latency
spec:
  budgetingMethod: Occurrences
  indicator:
    spec:
      thresholdMetric:
        metricSource:
          type: OpenTelemetry
          spec:
            unit: s
            filter: service.name="billing" AND http.request.method="GET" AND http.route="/invoices"
  timeWindow: [{ duration: 28d, isRolling: true }]
  objectives: [{ op: lte, value: 0.3, target: 0.95 }]
`;

/**
 * Spans of `billing`'s `GET /invoices` (server spans, named "{method} {route}" as OpenTelemetry
 * names them), hand-counted:
 * - 11:00–11:15: 900 requests of 100 ms, none failing;
 * - 11:56–11:58: 100 requests, 10 failing (status error), 20 of them 500 ms, the rest 100 ms.
 */
function traffic() {
  const spans = [];
  for (let i = 0; i < 900; i++) {
    const startMs = NOW - 60 * MINUTE + i * 1000;
    spans.push(
      span({
        serviceName: 'billing',
        name: 'GET /invoices',
        startMs,
        endMs: startMs + 100,
      }),
    );
  }
  for (let i = 0; i < 100; i++) {
    const startMs = NOW - 4 * MINUTE + i * 1000;
    spans.push(
      span({
        serviceName: 'billing',
        name: 'GET /invoices',
        startMs,
        endMs: startMs + (i < 20 ? 500 : 100),
        status: i < 10 ? 'error' : 'unset',
      }),
    );
  }
  return spans;
}

const databases = TestDatabases.create({ ids: ['SQLITE_3', 'POSTGRES_15'] });

describe.each(databases.eachSupportedId())(
  'SLO status from the embedded aggregates on %s',
  databaseId => {
    let db: Knex;
    const repo = createMockDirectory({
      content: { 'billing/slo.yaml': sloYaml },
    });
    const clock = () => NOW;

    beforeAll(async () => {
      db = await databases.init(databaseId);
      await migrateTelemetry(db);
      await new IngestStore(db, { now: clock }).ingest(traffic());
      // The 11:00 hour is complete: windows over 6 h read it as an hour row.
      await new Maintenance(db, DEFAULT_RETENTION, clock).run();
    });

    it('gives the hand-counted attainment, budget, burn rates and alerts', async () => {
      const billing: Entity = {
        apiVersion: 'backstage.io/v1alpha1',
        kind: 'Component',
        metadata: {
          name: 'billing',
          annotations: {
            'backstage.io/managed-by-location': `file:${repo.resolve(
              'billing/catalog-info.yaml',
            )}`,
            'strata.dev/slo-file': 'slo.yaml',
          },
        },
        spec: {},
      };
      const service = new SloService({
        catalog: catalogServiceMock({ entities: [billing] }),
        auth: mockServices.auth(),
        integrations: ScmIntegrations.fromConfig(new ConfigReader({})),
        reader: new SloFileReader({
          urlReader: mockServices.urlReader.mock(),
          fileRoots: { folders: [repo.path], files: [], patterns: [] },
          maxBytes: 1024 * 1024,
        }),
        metricsSource: new EmbeddedMetricsSource(
          new AggregateReader(db, DEFAULT_RETENTION, clock),
        ),
        now: clock,
      });

      const list = await service.getSloStatuses('component:default/billing');
      expect(list.problems).toEqual([]);
      const [availability, latency] = list.items;

      // 1,000 requests in the window, 10 failing: 990 ÷ 1,000; allowed 0.01 × 1,000 = 10 → 0
      expect(availability.attainment).toBe(0.99);
      expect(availability.errorBudgetRemaining).toBeCloseTo(0, 12);
      // 5m/30m: 10 of 100 = 10% ÷ 1% = 10; 1h (from 11:00) and longer: 10 of 1,000 = 1% → 1
      expect(availability.burnRates).toEqual({
        '5m': expect.closeTo(10, 9),
        '30m': expect.closeTo(10, 9),
        '1h': expect.closeTo(1, 9),
        '6h': expect.closeTo(1, 9),
        '1d': expect.closeTo(1, 9),
        '3d': expect.closeTo(1, 9),
      });
      // page needs 14.4 over 1h+5m or 6 over 6h+30m; ticket 3 over 1d+2h (2h: 1) or 1 over 3d+6h
      expect(availability.alert).toBe('ticket');
      expect(availability.source).toBe('embedded');

      // slower than 300 ms: the 20 requests of 500 ms (300 ms lies between the bounds 250 and
      // 315, whose bucket is empty, so nothing is interpolated): 980 ÷ 1,000;
      // allowed 0.05 × 1,000 = 50 → 1 − 20 ÷ 50 = 0.6
      expect(latency.attainment).toBe(0.98);
      expect(latency.errorBudgetRemaining).toBeCloseTo(0.6, 12);
      // 5m: 20 of 100 = 20% ÷ 5% = 4; 6h: 20 of 1,000 = 2% ÷ 5% = 0.4
      expect(latency.burnRates['5m']).toBeCloseTo(4, 9);
      expect(latency.burnRates['6h']).toBeCloseTo(0.4, 9);
      expect(latency.alert).toBe('none');
      // the daily budget chart: 28 points, all the traffic on the last day
      expect(latency.budgetSeries).toHaveLength(28);
      expect(latency.budgetSeries[26].errorBudgetRemaining).toBeNull();
      expect(latency.budgetSeries[27].errorBudgetRemaining).toBeCloseTo(
        0.6,
        12,
      );
    });
  },
);
