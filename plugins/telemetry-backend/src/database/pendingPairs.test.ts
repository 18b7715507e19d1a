import { TestDatabases } from '@backstage/backend-test-utils';
import knexFactory, { Knex } from 'knex';
import { ReceivedSpan } from '../otlp/spans';
import { newTraceId, span } from '../__testUtils__/spans';
import { GraphReader } from './GraphReader';
import { IngestStore, migrateTelemetry } from './IngestStore';
import { Maintenance } from './Maintenance';
import { DEFAULT_RETENTION } from './Retention';
import { PENDING_PAIRS, PENDING_RECEIVERS } from './tables';

jest.setTimeout(60_000);

const NOW = Date.parse('2026-12-01T12:30:00.000Z');
const T = (iso: string) => Date.parse(`2026-12-01T${iso}Z`);
const TOPIC = 'pipeline.run.completed';

/** The demo's message: etl-workers produces it, notification and billing both consume it. */
function message(atMs: number) {
  const traceId = newTraceId();
  const produced = span({
    traceId,
    serviceName: 'etl-workers',
    kind: 'producer',
    name: `${TOPIC} publish`,
    startMs: atMs,
    endMs: atMs + 2,
    attributes: { 'messaging.destination.name': TOPIC },
  });
  const consumed = (
    serviceName: string,
    delayMs: number,
    status: ReceivedSpan['status'] = 'unset',
  ) =>
    span({
      traceId,
      parentSpanId: produced.spanId,
      serviceName,
      kind: 'consumer',
      name: `${TOPIC} process`,
      startMs: atMs + delayMs,
      endMs: atMs + delayMs + 5,
      status,
      attributes: { 'messaging.destination.name': TOPIC },
    });
  return {
    P: produced,
    N: consumed('notification', 20),
    B: consumed('billing', 30, 'error'),
  };
}

type Half = 'P' | 'N' | 'B';

/** Batch orders (each string one batch) that a message with two consumers arrives in. */
const ORDERS: Half[][][] = [
  [['P'], ['N', 'B']],
  [['N', 'B'], ['P']],
  [['P'], ['N'], ['B']],
  [['P'], ['B'], ['N']],
  [['N'], ['P'], ['B']],
  [['B'], ['P'], ['N']],
  [['N'], ['B'], ['P']],
  [['B'], ['N'], ['P']],
  [['P', 'N'], ['B']],
  [['B'], ['P', 'N']],
  [['N'], ['P', 'B']],
  [['P', 'N', 'B']],
];
const orderName = (order: Half[][]) => order.map(b => b.join('+')).join(' | ');

const MESSAGING_EDGES = [
  'otel:etl-workers → otel:billing',
  'otel:etl-workers → otel:notification',
  'otel:etl-workers → topic:pipeline.run.completed',
  'topic:pipeline.run.completed → otel:billing',
  'topic:pipeline.run.completed → otel:notification',
];

const databases = TestDatabases.create({ ids: ['SQLITE_3', 'POSTGRES_15'] });

describe.each(databases.eachSupportedId())(
  'caller/callee pairing on %s',
  databaseId => {
    let db: Knex;
    let now: number;
    const clock = () => now;

    beforeEach(async () => {
      db = await databases.init(databaseId);
      await migrateTelemetry(db);
      now = NOW;
    });

    const edges = async () =>
      (
        await new GraphReader(db, DEFAULT_RETENTION, clock).edges(
          T('12:00:00'),
          NOW,
          false,
        )
      )
        .map(e => ({
          edge: `${e.source} → ${e.target}`,
          kind: e.kind,
          count: e.count,
          errors: e.errors,
        }))
        .sort((a, b) => (a.edge < b.edge ? -1 : 1));
    const count = async (table: string) =>
      Number((await db(table).count('* as n').first())?.n);

    it.each(ORDERS.map(order => [orderName(order), order] as const))(
      'one producer and two consumers in batches %s: both edges, counted once through retries',
      async (_, order) => {
        const store = new IngestStore(db, { now: clock });
        // Three messages, so the counts are not just "present".
        const messages = [T('12:10:00'), T('12:10:20'), T('12:11:40')].map(
          message,
        );
        const batches = order.map(halves =>
          messages.flatMap(m => halves.map(h => m[h])),
        );
        for (const batch of batches) {
          expect(await store.ingest(batch)).toEqual({
            stored: batch.length,
            duplicates: 0,
          });
          // The exporter retries the batch (its answer was lost): nothing is counted again.
          expect(await store.ingest(batch)).toEqual({
            stored: 0,
            duplicates: batch.length,
          });
        }
        // And the first batch once more, after all the others.
        expect(await store.ingest(batches[0])).toEqual({
          stored: 0,
          duplicates: batches[0].length,
        });

        expect(await edges()).toEqual(
          MESSAGING_EDGES.map(edge => ({
            edge,
            kind: 'messaging',
            count: 3,
            // billing's consumer spans fail.
            errors: edge.endsWith('otel:billing') ? 3 : 0,
          })),
        );
        // No callee waits any more; each producer's row waits for further consumers until
        // retention, and then goes.
        expect(await count(PENDING_RECEIVERS)).toBe(0);
        expect(await count(PENDING_PAIRS)).toBe(3);
        now = NOW + DEFAULT_RETENTION.pendingPairsMs + 60_000;
        await new Maintenance(db, DEFAULT_RETENTION, clock).expire(0);
        expect(await count(PENDING_PAIRS)).toBe(0);
      },
    );

    it('dates a met pair at the earlier end of its two halves, in that minute', async () => {
      const store = new IngestStore(db, { now: clock });
      const m = message(T('12:14:59.990'));
      await store.ingest([m.B]);
      await store.ingest([m.P]);
      const rows = await db('telemetry_edge_minutes')
        .where({ source: 'otel:etl-workers', target: 'otel:billing' })
        .select('bucket', 'first_seen', 'last_seen');
      expect(
        rows.map(r => [
          Number(r.bucket),
          Number(r.first_seen),
          Number(r.last_seen),
        ]),
      ).toEqual([
        [T('12:14:00'), Math.floor(m.P.endMs), Math.floor(m.P.endMs)],
      ]);
    });

    it('keeps RPC one-to-one: a client span meets its server span and its row is gone', async () => {
      const store = new IngestStore(db, { now: clock });
      const traceId = newTraceId();
      const call = span({
        traceId,
        serviceName: 'gateway',
        kind: 'client',
        name: 'auth.Check',
        startMs: T('12:16:00'),
        attributes: { 'rpc.system': 'grpc' },
      });
      const served = span({
        traceId,
        parentSpanId: call.spanId,
        serviceName: 'auth',
        startMs: T('12:16:00.001'),
      });
      await store.ingest([call]);
      expect(await count(PENDING_PAIRS)).toBe(1);
      await store.ingest([served]);
      expect(await edges()).toEqual([
        { edge: 'otel:gateway → otel:auth', kind: 'rpc', count: 1, errors: 0 },
      ]);
      expect(await count(PENDING_PAIRS)).toBe(0);
      expect(await count(PENDING_RECEIVERS)).toBe(0);
    });

    it('expires callees that never meet their caller', async () => {
      const store = new IngestStore(db, { now: clock });
      const m = message(T('12:20:00'));
      await store.ingest([m.N, m.B]);
      expect(await count(PENDING_RECEIVERS)).toBe(2);
      now = NOW + DEFAULT_RETENTION.pendingPairsMs + 60_000;
      const deleted = await new Maintenance(
        db,
        DEFAULT_RETENTION,
        clock,
      ).expire(0);
      expect(deleted[PENDING_RECEIVERS]).toBe(2);
      expect(await count(PENDING_RECEIVERS)).toBe(0);
      expect(await count(PENDING_PAIRS)).toBe(0);
    });

    it('meets every consumer once when two replicas ingest a producer and its consumers at the same time', async () => {
      // A second client on the same database: what a second backend replica would have.
      const second =
        databaseId === 'SQLITE_3'
          ? db
          : knexFactory({
              client: 'pg',
              connection: db.client.config.connection,
              pool: { min: 0, max: 4 },
            });
      try {
        const a = new IngestStore(db, { now: clock });
        const b = new IngestStore(second, { now: clock });
        const messages = Array.from({ length: 60 }, (_, i) =>
          message(T('12:05:00') + i * 1000),
        );
        // Each replica gets its own exporter's batches, several at a time; half of them retried on
        // the other replica.
        const results = await Promise.all([
          a.ingest(messages.map(m => m.P)),
          b.ingest(messages.map(m => m.N)),
          a.ingest(messages.map(m => m.B)),
          b.ingest(messages.slice(0, 30).map(m => m.P)),
          a.ingest(messages.slice(30).map(m => m.N)),
        ]);
        expect(results.reduce((n, r) => n + r.stored, 0)).toBe(180);
        expect(await edges()).toEqual(
          MESSAGING_EDGES.map(edge => ({
            edge,
            kind: 'messaging',
            count: 60,
            errors: edge.endsWith('otel:billing') ? 60 : 0,
          })),
        );
        expect(await count(PENDING_RECEIVERS)).toBe(0);
      } finally {
        if (second !== db) await second.destroy();
      }
    });
  },
);
