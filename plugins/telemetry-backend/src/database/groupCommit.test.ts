import { TestDatabases } from '@backstage/backend-test-utils';
import { span } from '../__testUtils__/spans';
import { AggregateReader } from './AggregateReader';
import { IngestStore, migrateTelemetry } from './IngestStore';
import { DEFAULT_RETENTION } from './Retention';

jest.setTimeout(60_000);

const NOW = Date.parse('2026-12-01T12:30:00.000Z');
const T = (iso: string) => Date.parse(`2026-12-01T${iso}Z`);

const databases = TestDatabases.create({ ids: ['SQLITE_3', 'POSTGRES_15'] });

describe.each(databases.eachSupportedId())(
  'IngestStore group commit on %s',
  databaseId => {
    it('commits batches handed in together in one transaction, each with its own outcome', async () => {
      const db = await databases.init(databaseId);
      await migrateTelemetry(db);
      const store = new IngestStore(db, { now: () => NOW });
      let transactions = 0;
      db.on('query', (q: { sql: string }) => {
        if (/^BEGIN/i.test(q.sql)) transactions += 1;
      });
      const a = [0, 1, 2].map(i => span({ startMs: T(`12:10:0${i}`) }));
      const b = [3, 4].map(i => span({ startMs: T(`12:10:0${i}`) }));
      const outcomes = await Promise.all([
        store.ingest(a),
        // One span of `a` again, and one twice in the batch: the first copy counts.
        store.ingest([...b, a[0], b[0]]),
      ]);
      expect(outcomes).toEqual([
        { stored: 3, duplicates: 0 },
        { stored: 2, duplicates: 2 },
      ]);
      expect(transactions).toBe(1);
      const sums = await new AggregateReader(
        db,
        DEFAULT_RETENTION,
        () => NOW,
      ).sums({
        serviceName: 'orders',
        fromMs: T('12:00:00'),
        toMs: T('12:30:00'),
      });
      expect(sums.requests).toBe(5);

      // Handed in one after the other: a transaction each; the retry counts nothing again.
      expect(await store.ingest(a)).toEqual({ stored: 0, duplicates: 3 });
      expect(transactions).toBe(2);
    });

    it('fails only the batch the database refuses when a group fails, and stores the others', async () => {
      const db = await databases.init(databaseId);
      await migrateTelemetry(db);
      const store = new IngestStore(db, { now: () => NOW });
      const good = [span({ startMs: T('12:10:00') })];
      // No end time: its minute is null, which the aggregate table's NOT NULL refuses.
      const poison = [span({ startMs: T('12:10:00'), endMs: Number.NaN })];
      const other = [span({ startMs: T('12:11:00') })];
      const results = await Promise.allSettled([
        store.ingest(good),
        store.ingest(poison),
        store.ingest(other),
      ]);
      expect(results.map(r => r.status)).toEqual([
        'fulfilled',
        'rejected',
        'fulfilled',
      ]);
      const sums = await new AggregateReader(
        db,
        DEFAULT_RETENTION,
        () => NOW,
      ).sums({
        serviceName: 'orders',
        fromMs: T('12:00:00'),
        toMs: T('12:30:00'),
      });
      expect(sums.requests).toBe(2);
    });
  },
);
