import { TestDatabases } from '@backstage/backend-test-utils';
import knexFactory, { Knex } from 'knex';
import { BUCKET_BOUNDS_MS } from '../aggregate/histogram';
import { newSpanId, newTraceId, span } from '../__testUtils__/spans';
import { AggregateReader } from './AggregateReader';
import { GraphReader } from './GraphReader';
import { IngestStore, migrateTelemetry } from './IngestStore';
import { Maintenance } from './Maintenance';
import { DEFAULT_RETENTION } from './Retention';
import { SampleReader } from './SampleReader';
import { RED_HOURS, RED_MINUTES, SEEN_SPANS } from './tables';

jest.setTimeout(60_000);

const NOW = Date.parse('2026-12-01T12:30:00.000Z');
const T = (iso: string) => Date.parse(`2026-12-01T${iso}Z`);

const databases = TestDatabases.create({ ids: ['SQLITE_3', 'POSTGRES_15'] });

describe.each(databases.eachSupportedId())('telemetry stores on %s', databaseId => {
  let db: Knex;
  let now: number;
  const clock = () => now;

  beforeEach(async () => {
    db = await databases.init(databaseId);
    await migrateTelemetry(db);
    now = NOW;
  });

  const reader = () => new AggregateReader(db, DEFAULT_RETENTION, clock);

  it('counts served spans per minute and a retried batch only once', async () => {
    const store = new IngestStore(db, { now: clock });
    const batch = [
      span({ startMs: T('12:10:00'), endMs: T('12:10:00.100') }),
      span({ startMs: T('12:10:01'), endMs: T('12:10:01.250'), status: 'error' }),
      span({ startMs: T('12:11:00'), endMs: T('12:11:00.010') }),
      span({ startMs: T('12:11:00'), endMs: T('12:11:00.010'), kind: 'client', name: 'GET' }),
    ];
    expect(await store.ingest(batch)).toEqual({ stored: 4, duplicates: 0 });
    expect(await store.ingest(batch)).toEqual({ stored: 0, duplicates: 4 });
    // The same span twice in one batch counts once too.
    const again = span({ startMs: T('12:12:00') });
    expect(await store.ingest([again, again])).toEqual({ stored: 1, duplicates: 1 });

    const sums = await reader().sums({
      serviceName: 'orders',
      fromMs: T('12:00:00'),
      toMs: T('12:30:00'),
    });
    expect(sums.requests).toBe(4);
    expect(sums.errors).toBe(1);
    expect(sums.buckets[BUCKET_BOUNDS_MS.indexOf(100)]).toBe(1);
    expect(sums.buckets[BUCKET_BOUNDS_MS.indexOf(250)]).toBe(1);
    expect(sums.buckets[BUCKET_BOUNDS_MS.indexOf(10)]).toBe(2);
    const rows = await reader().rows({ serviceName: 'orders', fromMs: T('12:11:00'), toMs: T('12:12:00') });
    expect(rows.map(r => [r.operation, new Date(r.bucketMs).toISOString(), r.requests])).toEqual([
      ['GET /orders/{id}', '2026-12-01T12:11:00.000Z', 1],
    ]);
  });

  it('counts each span once when two replicas ingest overlapping batches at the same time', async () => {
    // A second client on the same database: what a second backend replica would have.
    const second =
      databaseId === 'SQLITE_3'
        ? db
        : knexFactory({ client: 'pg', connection: db.client.config.connection, pool: { min: 0, max: 4 } });
    try {
      const a = new IngestStore(db, { now: clock });
      const b = new IngestStore(second, { now: clock });
      const spans = Array.from({ length: 300 }, (_, i) =>
        span({ startMs: T('12:20:00') + i * 10, serviceName: `svc-${i % 3}` }),
      );
      // Each replica gets overlapping halves, several times over (an exporter retrying).
      const results = await Promise.all([
        a.ingest(spans.slice(0, 200)),
        b.ingest(spans.slice(100, 300)),
        a.ingest(spans.slice(50, 250)),
        b.ingest(spans),
      ]);
      expect(results.reduce((n, r) => n + r.stored, 0)).toBe(300);
      const total = await db(RED_MINUTES).sum('requests as n').first();
      expect(Number(total?.n)).toBe(300);
    } finally {
      if (second !== db) await second.destroy();
    }
  });

  it('pairs a caller and a callee that arrive in different batches into one edge', async () => {
    const store = new IngestStore(db, { now: clock });
    const traceId = newTraceId();
    const call = span({
      traceId,
      serviceName: 'gateway',
      kind: 'client',
      name: 'GET',
      startMs: T('12:15:00'),
    });
    const served = span({
      traceId,
      parentSpanId: call.spanId,
      serviceName: 'orders',
      startMs: T('12:15:00.002'),
      status: 'error',
    });
    await store.ingest([served]);
    expect(await new GraphReader(db, DEFAULT_RETENTION, clock).edges(T('12:00:00'), NOW, false)).toEqual([]);
    await store.ingest([call]);
    const edges = await new GraphReader(db, DEFAULT_RETENTION, clock).edges(T('12:00:00'), NOW, false);
    expect(edges).toEqual([
      {
        source: 'otel:gateway',
        target: 'otel:orders',
        kind: 'http',
        count: 1,
        errors: 1,
        // The earlier of the two halves' ends: the call's.
        firstSeenMs: Math.floor(call.endMs),
        lastSeenMs: Math.floor(call.endMs),
      },
    ]);
    expect(Number((await db('telemetry_pending_pairs').count('* as n').first())?.n)).toBe(0);
  });

  it('rolls minutes up into hours, adds late spans to both, and reads across the split', async () => {
    const store = new IngestStore(db, { now: clock });
    await store.ingest([
      span({ startMs: T('10:05:00'), endMs: T('10:05:00.100') }),
      span({ startMs: T('11:59:00'), endMs: T('11:59:00.100') }),
      span({ startMs: T('12:01:00'), endMs: T('12:01:00.100') }),
    ]);
    const maintenance = new Maintenance(db, DEFAULT_RETENTION, clock);
    const report = await maintenance.run();
    expect(new Date(report.rolledUpUntil).toISOString()).toBe('2026-12-01T12:00:00.000Z');
    const hours = await db(RED_HOURS).orderBy('bucket').select('bucket', 'requests');
    expect(hours.map(h => [new Date(Number(h.bucket)).toISOString(), Number(h.requests)])).toEqual([
      ['2026-12-01T10:00:00.000Z', 1],
      ['2026-12-01T11:00:00.000Z', 1],
    ]);
    // A late span for a rolled-up hour goes into the hour row as well.
    await store.ingest([span({ startMs: T('11:30:00'), endMs: T('11:30:00.300') })]);
    const eleven = await db(RED_HOURS).where('bucket', T('11:00:00')).first();
    expect(Number(eleven.requests)).toBe(2);
    // Fine reads use minutes; coarse reads use hours before the watermark: the same totals.
    const range = { serviceName: 'orders', fromMs: T('10:00:00'), toMs: NOW };
    expect((await reader().sums(range)).requests).toBe(4);
    expect((await reader().sums({ ...range, preferHours: true })).requests).toBe(4);
    // A second run has nothing more to roll up and changes nothing.
    await maintenance.run();
    expect(Number((await db(RED_HOURS).sum('requests as n').first())?.n)).toBe(3);
  });

  it('expires minutes past retention only once rolled up, and the de-duplication window', async () => {
    const store = new IngestStore(db, { now: clock });
    await store.ingest([span({ startMs: T('10:00:00') })]);
    now = NOW + 3 * 24 * 3600_000;
    const maintenance = new Maintenance(db, DEFAULT_RETENTION, clock);
    const report = await maintenance.run();
    expect(report.deleted[RED_MINUTES]).toBe(1);
    expect(report.deleted[SEEN_SPANS]).toBe(1);
    expect(Number((await db(RED_HOURS).sum('requests as n').first())?.n)).toBe(1);
    now = NOW + 40 * 24 * 3600_000;
    expect((await maintenance.run()).deleted[RED_HOURS]).toBe(1);
  });

  it('keeps the 20 slowest and latest failing traces per service with their span trees', async () => {
    const store = new IngestStore(db, { now: clock });
    // 25 traces of 10…250 ms, each a gateway root and an orders child in an earlier batch.
    for (let i = 1; i <= 25; i++) {
      const traceId = newTraceId();
      const rootId = newSpanId();
      const start = T('12:20:00') + i * 1000;
      await store.ingest([
        span({
          traceId,
          parentSpanId: rootId,
          serviceName: 'orders',
          startMs: start + 1,
          endMs: start + 5,
          status: i === 7 ? 'error' : 'unset',
        }),
      ]);
      await store.ingest([
        span({ traceId, spanId: rootId, serviceName: 'gateway', name: 'GET /', startMs: start, endMs: start + i * 10 }),
      ]);
    }
    const samples = new SampleReader(db);
    const gateway = await samples.samples('gateway');
    const slow = gateway.filter(s => s.reason === 'slow').map(s => s.durationMs).sort((a, b) => a - b);
    expect(slow).toHaveLength(20);
    expect(slow[0]).toBe(60);
    expect(slow[19]).toBe(250);
    const failing = (await samples.samples('orders')).filter(s => s.reason === 'error');
    expect(failing).toHaveLength(1);
    // The slowest trace's tree: the gateway root and the orders span that came a batch earlier.
    const slowest = gateway.find(s => s.durationMs === 250)!;
    const spans = (await samples.spans([slowest.traceId])).get(slowest.traceId)!;
    expect(spans.map(s => s.serviceName).sort()).toEqual(['gateway', 'orders']);
  });
});
