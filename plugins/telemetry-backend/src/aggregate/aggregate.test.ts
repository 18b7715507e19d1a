import { ReceivedSpan } from '../otlp/spans';
import { graphOfBatch } from './graph';
import { BUCKET_BOUNDS_MS } from './histogram';
import { redByMinute, toHours } from './minutes';
import { sampleCandidates } from './samples';

const T0 = Date.parse('2026-12-01T10:00:00.000Z');
const TRACE = 'a'.repeat(32);

let nextId = 1;
function span(partial: Partial<ReceivedSpan>): ReceivedSpan {
  const id = (nextId++).toString(16).padStart(16, '0');
  return {
    traceId: TRACE,
    spanId: id,
    serviceName: 'orders',
    name: 'GET /orders',
    kind: 'server',
    startMs: T0,
    endMs: T0 + 10,
    status: 'unset',
    attributes: {},
    ...partial,
  };
}

describe('redByMinute', () => {
  it('counts server and consumer spans per service, operation and the minute they end in', () => {
    const rows = redByMinute([
      span({ startMs: T0, endMs: T0 + 100 }),
      span({ startMs: T0 + 59_950, endMs: T0 + 60_050 }), // ends in the next minute
      span({ status: 'error', endMs: T0 + 250 }),
      span({ attributes: { 'http.response.status_code': 503 } }),
      span({ attributes: { 'http.response.status_code': 404 } }), // a client's fault: not an error
      span({ kind: 'client', name: 'GET' }), // calls are not requests served
      span({ kind: 'internal', name: 'work' }),
      span({ kind: 'consumer', name: 'orders.created process', serviceName: 'billing' }),
    ]);
    const byKey = Object.fromEntries(
      rows.map(r => [`${r.serviceName} ${r.operation} ${new Date(r.bucketMs).toISOString()}`, r]),
    );
    expect(Object.keys(byKey).sort()).toEqual([
      'billing orders.created process 2026-12-01T10:00:00.000Z',
      'orders GET /orders 2026-12-01T10:00:00.000Z',
      'orders GET /orders 2026-12-01T10:01:00.000Z',
    ]);
    const first = byKey['orders GET /orders 2026-12-01T10:00:00.000Z'];
    expect(first.requests).toBe(4);
    expect(first.errors).toBe(2);
    expect(first.durationSumMs).toBeCloseTo(100 + 250 + 10 + 10, 6);
    expect(first.buckets.reduce((a, b) => a + b, 0)).toBe(4);
    expect(first.buckets[BUCKET_BOUNDS_MS.indexOf(100)]).toBe(1);
    expect(first.buckets[BUCKET_BOUNDS_MS.indexOf(250)]).toBe(1);
    expect(first.buckets[BUCKET_BOUNDS_MS.indexOf(10)]).toBe(2);
  });

  it('sums minutes into hours', () => {
    const minutes = redByMinute([
      span({ endMs: T0 + 10 }),
      span({ endMs: T0 + 30 * 60_000 }),
      span({ endMs: T0 + 61 * 60_000 }),
    ]);
    const hours = toHours(minutes);
    expect(hours.map(h => [new Date(h.bucketMs).toISOString(), h.requests])).toEqual([
      ['2026-12-01T10:00:00.000Z', 2],
      ['2026-12-01T11:00:00.000Z', 1],
    ]);
  });
});

describe('graphOfBatch', () => {
  it('pairs a client span with the server span it is the parent of, across services', () => {
    const call = span({ serviceName: 'gateway', kind: 'client', name: 'GET' });
    const served = span({ serviceName: 'orders', parentSpanId: call.spanId, status: 'error' });
    const { edges, pending } = graphOfBatch([call, served]);
    expect(edges).toEqual([
      expect.objectContaining({
        source: 'otel:gateway',
        target: 'otel:orders',
        kind: 'http',
        count: 1,
        errors: 1,
      }),
    ]);
    expect(pending).toEqual([]);
  });

  it('leaves halves whose partner is in another batch, keyed by the client span', () => {
    const call = span({ serviceName: 'gateway', kind: 'client', attributes: { 'rpc.system': 'grpc' } });
    const served = span({ serviceName: 'auth', parentSpanId: 'f'.repeat(16) });
    const { edges, pending } = graphOfBatch([call, served]);
    expect(edges).toEqual([]);
    expect(pending).toEqual([
      expect.objectContaining({
        pairKey: TRACE + 'f'.repeat(16),
        spanKey: TRACE + served.spanId,
        side: 'server',
        serviceName: 'auth',
      }),
      expect.objectContaining({ pairKey: TRACE + call.spanId, side: 'client', serviceName: 'gateway', kind: 'rpc' }),
    ]);
  });

  it('sees database and messaging peers, and producer → consumer pairs by parent or link', () => {
    const query = span({
      kind: 'client',
      attributes: { 'db.system': 'postgresql', 'db.name': 'shop' },
    });
    const publish = span({
      kind: 'producer',
      attributes: { 'messaging.destination.name': 'orders.created' },
    });
    const consume = span({
      serviceName: 'billing',
      kind: 'consumer',
      name: 'orders.created process',
      traceId: 'b'.repeat(32),
      links: [{ traceId: TRACE, spanId: publish.spanId }],
      attributes: { 'messaging.destination.name': 'orders.created' },
    });
    const { edges, pending } = graphOfBatch([query, publish, consume]);
    expect(edges.map(e => `${e.source} → ${e.target} (${e.kind})`).sort()).toEqual([
      'otel:orders → db:postgresql/shop (database)',
      'otel:orders → otel:billing (messaging)',
      'otel:orders → topic:orders.created (messaging)',
      'topic:orders.created → otel:billing (messaging)',
    ]);
    // The producer's other consumers may come in later batches: its half waits for them.
    expect(pending).toEqual([
      expect.objectContaining({
        pairKey: TRACE + publish.spanId,
        spanKey: TRACE + publish.spanId,
        side: 'client',
        kind: 'messaging',
      }),
    ]);
  });

  it('leaves one callee half per consumer span, and one for a consumer whose parent is also its link', () => {
    const publish = span({ serviceName: 'etl-workers', kind: 'producer', spanId: 'e'.repeat(16) });
    const consumers = ['notification', 'billing'].map(serviceName =>
      span({
        serviceName,
        kind: 'consumer',
        parentSpanId: publish.spanId,
        links: [{ traceId: TRACE, spanId: publish.spanId }],
      }),
    );
    const { edges, pending } = graphOfBatch(consumers);
    expect(edges).toEqual([]);
    expect(pending.map(h => [h.pairKey, h.spanKey, h.side, h.serviceName])).toEqual([
      [TRACE + publish.spanId, TRACE + consumers[0].spanId, 'server', 'notification'],
      [TRACE + publish.spanId, TRACE + consumers[1].spanId, 'server', 'billing'],
    ]);
  });

  it('draws no edge for calls inside one service', () => {
    const call = span({ kind: 'client' });
    const served = span({ parentSpanId: call.spanId });
    expect(graphOfBatch([call, served]).edges).toEqual([]);
  });
});

describe('sampleCandidates', () => {
  it('offers each service\'s entry spans: failing ones, and ones above the slow threshold', () => {
    const root = span({ serviceName: 'gateway', startMs: T0, endMs: T0 + 900 });
    const call = span({ serviceName: 'gateway', kind: 'client', parentSpanId: root.spanId });
    const served = span({ serviceName: 'orders', parentSpanId: call.spanId, endMs: T0 + 800, status: 'error' });
    const inner = span({ serviceName: 'orders', parentSpanId: served.spanId, endMs: T0 + 5000 });
    const candidates = sampleCandidates([root, call, served, inner], s => (s === 'gateway' ? 500 : 1000));
    expect(candidates.map(c => `${c.serviceName} ${c.reason} ${c.durationMs}`).sort()).toEqual([
      'gateway slow 900',
      'orders error 800',
    ]);
  });

  it('offers at most 20 per service and reason: the slowest', () => {
    const spans = Array.from({ length: 30 }, (_, i) =>
      span({ traceId: (i + 1).toString(16).padStart(32, '0'), endMs: T0 + 100 + i }),
    );
    const candidates = sampleCandidates(spans, () => 0);
    expect(candidates).toHaveLength(20);
    expect(Math.min(...candidates.map(c => c.durationMs))).toBe(110);
  });
});
