import { CatalogGraph } from '../catalog/CatalogGraph';
import { CATALOG } from '../__testUtils__/catalogFixture';
import { StoredSpan } from '../database/SampleWriter';
import { edgeReport } from './edgeReport';
import { buildTree, traceSampleList, traceUrl } from './traceSamples';
import { rangeOf, stepOf } from './windows';

const at = Date.parse('2026-12-01T10:00:00Z');
const edge = (source: string, target: string, kind: 'http' | 'messaging' | 'database', count = 3) => ({
  source,
  target,
  kind,
  count,
  errors: 1,
  firstSeenMs: at,
  lastSeenMs: at + 60_000,
});

describe('edgeReport', () => {
  const catalog = new CatalogGraph(CATALOG);

  it('resolves nodes to entities and marks each edge declared or not', () => {
    const report = edgeReport({
      window: '1h',
      edges: [
        edge('otel:gateway', 'otel:orders', 'http'),
        edge('otel:gateway', 'otel:billing', 'http'),
        edge('otel:orders', 'topic:orders.created', 'messaging'),
        edge('otel:orders', 'db:postgresql/shop', 'database'),
        edge('otel:legacy', 'otel:orders', 'http'),
      ],
      servicesSeen: ['gateway', 'orders', 'billing'],
      catalog,
    });
    expect(report.edges.map(e => `${e.from} → ${e.to}: ${e.declared}`)).toEqual([
      'component:default/gateway → component:default/order-service: true', // dependsOn
      'component:default/gateway → component:default/billing: true', // consumesApi → providesApi
      'component:default/order-service → resource:default/orders-created: true', // produces
      'component:default/order-service → resource:default/shop: false', // no dependsOn
      'otel:legacy → component:default/order-service: false', // not in the catalog
    ]);
    expect(report.edges[0]).toMatchObject({
      kind: 'http',
      count: 3,
      errors: 1,
      firstSeen: '2026-12-01T10:00:00.000Z',
      lastSeen: '2026-12-01T10:01:00.000Z',
    });
    expect(report.neverObserved).toEqual([]);
  });

  it('lists declared relations no span showed, when their target could show up', () => {
    const report = edgeReport({
      window: '1h',
      edges: [edge('otel:gateway', 'otel:orders', 'http')],
      servicesSeen: ['gateway', 'orders', 'billing'],
      catalog,
    });
    expect(report.neverObserved).toEqual([
      { from: 'component:default/gateway', to: 'component:default/billing', relation: 'consumesApi' },
      { from: 'component:default/order-service', to: 'resource:default/orders-created', relation: 'produces' },
    ]);
    // billing without telemetry: gateway's call to it could not show, so it is not listed.
    const quiet = edgeReport({ window: '1h', edges: [], servicesSeen: ['gateway'], catalog });
    expect(quiet.neverObserved).toEqual([]);
  });
});

const span = (spanId: string, parentSpanId: string | undefined, startMs: number, extra: Partial<StoredSpan> = {}): StoredSpan => ({
  spanId,
  ...(parentSpanId ? { parentSpanId } : {}),
  serviceName: 'orders',
  name: `op-${spanId}`,
  kind: 'server',
  startMs,
  durationMs: 5,
  status: 'unset',
  attributes: {},
  ...extra,
});

describe('trace samples', () => {
  it('builds the tree, children in start order, orphans under the earliest root', () => {
    const root = buildTree([
      span('c', 'a', at + 20),
      span('b', 'a', at + 10),
      span('a', undefined, at),
      span('d', 'missing', at + 30), // its parent was not kept
      span('e', 'b', at + 11, { kind: 'unspecified' }),
    ])!;
    expect(root.spanId).toBe('a');
    expect(root.children.map(c => c.spanId)).toEqual(['b', 'c', 'd']);
    expect(root.children[0].children.map(c => [c.spanId, c.kind])).toEqual([['e', 'internal']]);
    expect(buildTree([])).toBeUndefined();
  });

  it('orders failing traces newest first and slow ones slowest first, with links', () => {
    expect(traceUrl('https://tempo.example/t/{traceId}?x={traceId}', 'abc')).toBe(
      'https://tempo.example/t/abc?x=abc',
    );
    expect(traceUrl(undefined, 'abc')).toBeUndefined();
    const sample = (traceId: string, reason: 'error' | 'slow', startMs: number, durationMs: number) => ({
      traceId,
      serviceName: 'orders',
      reason,
      rootName: 'GET /orders',
      startMs,
      durationMs,
    });
    const list = traceSampleList({
      serviceName: 'orders',
      samples: [
        sample('t1', 'error', at, 10),
        sample('t2', 'error', at + 1000, 10),
        sample('t3', 'slow', at, 300),
        sample('t4', 'slow', at, 900),
        sample('t5', 'slow', at, 50), // no spans kept: left out
      ],
      spans: new Map(['t1', 't2', 't3', 't4'].map(t => [t, [span(`${t}-root`, undefined, at)]])),
      urlTemplate: 'https://jaeger.example/trace/{traceId}',
    });
    expect(list.failing.map(t => t.traceId)).toEqual(['t2', 't1']);
    expect(list.slowest.map(t => [t.traceId, t.durationMs])).toEqual([['t4', 900], ['t3', 300]]);
    expect(list.failing[0].url).toBe('https://jaeger.example/trace/t2');
  });
});

describe('windows', () => {
  it('ends a window with the current minute and steps by minute up to 6 h, then by hour', () => {
    const now = Date.parse('2026-12-01T10:07:30Z');
    const { fromMs, toMs } = rangeOf('15m', now);
    expect(new Date(toMs).toISOString()).toBe('2026-12-01T10:08:00.000Z');
    expect(new Date(fromMs).toISOString()).toBe('2026-12-01T09:53:00.000Z');
    expect(stepOf('6h')).toBe(60_000);
    expect(stepOf('24h')).toBe(3_600_000);
  });
});
