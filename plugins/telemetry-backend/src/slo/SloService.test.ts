import { mockServices } from '@backstage/backend-test-utils';
import { Entity } from '@backstage/catalog-model';
import { ConfigReader } from '@backstage/config';
import { NotFoundError, ServiceUnavailableError } from '@backstage/errors';
import { ScmIntegrations } from '@backstage/integration';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import { SliQuery, SliSource } from '@internal/plugin-telemetry-node';
import { SloFileReader } from './SloFileReader';
import { SloService } from './SloService';

const MINUTE = 60_000;
const now = Date.parse('2024-05-29T12:00:00Z');

/**
 * Traffic as rates, so every count is a multiplication: 100 requests a minute for ever; the
 * last 90 minutes, 10 of them a minute fail (and are slow).
 */
class RateSource implements SliSource {
  readonly id = 'embedded';
  readonly queries: SliQuery[] = [];
  countCalls = 0;
  seriesCalls = 0;

  private minutes(from: number, to: number) {
    return Math.max(0, to - from) / MINUTE;
  }

  async count(query: SliQuery): Promise<number> {
    this.countCalls += 1;
    return this.counted(query);
  }

  private counted(query: SliQuery): number {
    this.queries.push(query);
    const from = query.from.getTime();
    const to = query.to.getTime();
    if (query.kind === 'total') return 100 * this.minutes(from, to);
    return 10 * this.minutes(Math.max(from, now - 90 * MINUTE), to);
  }

  async countSeries(query: SliQuery, stepMs: number) {
    this.seriesCalls += 1;
    const points = [];
    for (let at = query.from.getTime(); at < query.to.getTime(); at += stepMs) {
      const to = Math.min(at + stepMs, query.to.getTime());
      points.push({
        at: new Date(at),
        value: this.counted({
          ...query,
          from: new Date(at),
          to: new Date(to),
        }),
      });
    }
    return points;
  }
}

const sloFile = `apiVersion: openslo/v1
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
  timeWindow:
    - duration: 28d
      isRolling: true
  objectives:
    - target: 0.999
---
apiVersion: openslo/v1
kind: SLO
metadata:
  name: billing-invoice-latency
spec:
  budgetingMethod: Occurrences
  indicator:
    spec:
      thresholdMetric:
        metricSource:
          type: OpenTelemetry
          spec:
            filter: service.name="billing" AND http.request.method="GET" AND http.route="/invoices"
  timeWindow:
    - duration: 28d
      isRolling: true
  objectives:
    - op: lte
      value: 0.3
      target: 0.999
---
apiVersion: openslo/v1
kind: SLO
metadata:
  name: broken
spec:
  budgetingMethod: Occurrences
  indicatorRef: nothing
  timeWindow:
    - duration: 28d
      isRolling: true
  objectives:
    - target: 0.99
`;

const billing: Entity = {
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Component',
  metadata: {
    name: 'billing',
    annotations: {
      'backstage.io/managed-by-location':
        'url:https://git.example/billing/catalog-info.yaml',
      'strata.dev/slo-file': 'slo.yaml',
    },
  },
  spec: {},
};
const plain: Entity = { ...billing, metadata: { name: 'plain' } };

function setup(options: { source?: SliSource } = {}) {
  let clock = now;
  const readUrl = jest.fn(async (_url: string) => ({
    buffer: async () => Buffer.from(sloFile),
  }));
  const source = options.source ?? new RateSource();
  const service = new SloService({
    catalog: catalogServiceMock({ entities: [billing, plain] }),
    auth: mockServices.auth(),
    integrations: ScmIntegrations.fromConfig(new ConfigReader({})),
    reader: new SloFileReader({
      urlReader: mockServices.urlReader.mock({ readUrl }),
      fileRoots: { folders: [], files: [], patterns: [] },
      maxBytes: 1024 * 1024,
    }),
    metricsSource: source,
    fileCacheTtlMs: 5 * MINUTE,
    now: () => clock,
  });
  return { service, readUrl, source, advance: (ms: number) => (clock += ms) };
}

describe('SloService', () => {
  it('evaluates every SLO of the file through the source, beside the file problems', async () => {
    const { service, source } = setup();
    const list = await service.getSloStatuses('component:default/billing');
    expect(list.entityRef).toBe('component:default/billing');
    expect(list.file).toBe('https://git.example/billing/slo.yaml');
    expect(list.problems).toEqual([
      {
        file: 'https://git.example/billing/slo.yaml',
        line: 53,
        column: 17,
        rule: 'openslo/unknown-indicator',
        message:
          'indicatorRef "nothing" names no kind: SLI document in this file',
      },
    ]);
    expect(list.items.map(i => i.name)).toEqual([
      'billing-availability',
      'billing-invoice-latency',
    ]);

    const [availability, latency] = list.items;
    // 28 days × 1,440 min × 100 = 4,032,000 requests; 90 min × 10 = 900 bad
    // attainment = 4,031,100 ÷ 4,032,000; allowed bad = 0.001 × 4,032,000 = 4,032
    expect(availability.attainment).toBeCloseTo(4_031_100 / 4_032_000, 12);
    expect(availability.errorBudgetRemaining).toBeCloseTo(1 - 900 / 4032, 12); // 0.776786
    // bad share ÷ 0.001: 5m 50/500, 30m 300/3,000, 1h 600/6,000 → 10% → 100;
    // 6h 900/36,000 = 2.5% → 25; 1d 900/144,000 → 6.25; 3d 900/432,000 → 2.0833
    expect(availability.burnRates['5m']).toBeCloseTo(100, 9);
    expect(availability.burnRates['30m']).toBeCloseTo(100, 9);
    expect(availability.burnRates['1h']).toBeCloseTo(100, 9);
    expect(availability.burnRates['6h']).toBeCloseTo(25, 9);
    expect(availability.burnRates['1d']).toBeCloseTo(6.25, 9);
    expect(availability.burnRates['3d']).toBeCloseTo(2.0833, 4);
    expect(availability.alert).toBe('page');
    expect(availability.alertReason).toBe(
      'page: burn rate 100 over 1h and 100 over 5m, both at least 14.4 (2% of a 30-day budget in 1 hour); ' +
        'burn rate 25 over 6h and 100 over 30m, both at least 6 (5% of a 30-day budget in 6 hours)',
    );
    // 28 daily points; the bad requests all fall in the last day
    expect(availability.budgetSeries).toHaveLength(28);
    expect(availability.budgetSeries[0]).toEqual({
      at: '2024-05-02T12:00:00.000Z',
      errorBudgetRemaining: 1,
    });
    expect(availability.budgetSeries[26].errorBudgetRemaining).toBe(1);
    expect(availability.budgetSeries[27].at).toBe('2024-05-29T12:00:00.000Z');
    expect(availability.budgetSeries[27].errorBudgetRemaining).toBeCloseTo(
      1 - 900 / 4032,
      12,
    );
    expect(availability.source).toBe('embedded');

    expect(latency.kind).toBe('latency');
    // the latency SLO asks for requests to /invoices slower than 0.3 s
    expect(source instanceof RateSource && source.queries).toContainEqual(
      expect.objectContaining({
        serviceName: 'billing',
        operation: 'GET /invoices',
        kind: 'slowerThan',
        thresholdMs: 300,
      }),
    );
  });

  it('reads two series per count kind for a rolling SLO, and sums every window from them', async () => {
    const source = new RateSource();
    const { service } = setup({ source });
    await service.getSloStatuses('component:default/billing');
    // per SLO: total and bad over the 28-day chart, total and bad over 6 h in 5-minute steps
    expect(source.seriesCalls).toBe(2 * 4);
    expect(source.countCalls).toBe(0);
  });

  it('reads the file once per TTL', async () => {
    const { service, readUrl, advance } = setup();
    await service.getSloStatuses('component:default/billing');
    advance(4 * MINUTE);
    await service.getSloStatuses('component:default/billing');
    expect(readUrl).toHaveBeenCalledTimes(1);
    advance(2 * MINUTE);
    await service.getSloStatuses('component:default/billing');
    expect(readUrl).toHaveBeenCalledTimes(2);
  });

  it('an entity without the annotation has no SLOs and no problems', async () => {
    const { service } = setup();
    expect(await service.getSloStatuses('component:default/plain')).toEqual({
      entityRef: 'component:default/plain',
      items: [],
      problems: [],
    });
  });

  it('a malformed entity ref is a 400', async () => {
    const { service } = setup();
    await expect(service.getSloStatuses('billing')).rejects.toThrow(
      expect.objectContaining({
        name: 'InputError',
        message:
          'entityRef must be an entity reference such as component:default/billing, got "billing"',
      }),
    );
  });

  it('an unknown entity is a 404', async () => {
    const { service } = setup();
    await expect(
      service.getSloStatuses('component:default/nope'),
    ).rejects.toThrow(NotFoundError);
  });

  it('a failing source is a 503 naming the source and its error', async () => {
    const failing: SliSource = {
      id: 'prometheus',
      count: async () => {
        throw new Error(
          'GET http://127.0.0.1:9090/api/v1/query: connection refused',
        );
      },
      countSeries: async () => [],
    };
    const { service } = setup({ source: failing });
    const error = await service
      .getSloStatuses('component:default/billing')
      .catch(e => e);
    expect(error).toBeInstanceOf(ServiceUnavailableError);
    expect(error.message).toBe(
      'The prometheus metrics source could not answer: GET http://127.0.0.1:9090/api/v1/query: connection refused',
    );
  });
});
