import { TestDatabases } from '@backstage/backend-test-utils';
import { SliQuery } from '@internal/plugin-telemetry-node';
import {
  bucketIndex,
  countSlowerThan,
  emptyBuckets,
} from '../aggregate/histogram';
import { HOUR_MS, MINUTE_MS, RedDelta } from '../aggregate/minutes';
import { AggregateReader, RedSums } from '../database/AggregateReader';
import { migrateTelemetry } from '../database/IngestStore';
import { DEFAULT_RETENTION } from '../database/Retention';
import {
  RED_HOURS,
  RED_MINUTES,
  ROLLED_UP_UNTIL,
  upsertAddRed,
  writeState,
} from '../database/tables';
import { EmbeddedMetricsSource } from './EmbeddedMetricsSource';

jest.setTimeout(60_000);

/*
 * countSeries groups by step in SQL. This checks it against the series as it was computed
 * before (every row of the range read and bucketed in JavaScript), on the same data: several
 * services and operations, hour rows for days and minute rows for the last two, a watermark,
 * steps and ranges on and off the grid, every query kind and thresholds on and between bounds.
 */

const DAY_MS = 24 * HOUR_MS;
// Not on a minute: windows ending now are off the grid, as the SLO engine asks them.
const NOW = Date.parse('2026-12-01T12:34:56.789Z');

/** A small deterministic generator (mulberry32), so a failure replays. */
function random(seed: number) {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function delta(
  next: () => number,
  serviceName: string,
  operation: string,
  bucketMs: number,
): RedDelta {
  const requests = 1 + Math.floor(next() * 40);
  const buckets = emptyBuckets();
  let durationSumMs = 0;
  for (let i = 0; i < requests; i++) {
    const ms = Math.exp(next() * Math.log(200_000)); // 1 ms … 200 s, overflow included
    buckets[bucketIndex(ms)] += 1;
    durationSumMs += ms;
  }
  return {
    serviceName,
    operation,
    bucketMs,
    requests,
    errors: Math.floor(next() * (requests + 1) * 0.3),
    durationSumMs,
    buckets,
  };
}

/** The series as countSeries computed it before: every row read, bucketed in JavaScript. */
async function seriesInJs(
  reader: AggregateReader,
  query: SliQuery,
  stepMs: number,
) {
  const fromMs = query.from.getTime();
  const toMs = query.to.getTime();
  const steps = Math.max(0, Math.ceil((toMs - fromMs) / stepMs));
  const sums: RedSums[] = Array.from({ length: steps }, () => ({
    requests: 0,
    errors: 0,
    buckets: emptyBuckets(),
  }));
  const rows = await reader.rows({
    serviceName: query.serviceName,
    operation: query.operation,
    fromMs,
    toMs,
    preferHours: toMs - fromMs > 6 * HOUR_MS,
  });
  for (const row of rows) {
    const into = sums[Math.floor((row.bucketMs - fromMs) / stepMs)];
    if (!into) continue;
    into.requests += row.requests;
    into.errors += row.errors;
    row.buckets.forEach((n, i) => {
      into.buckets[i] += n;
    });
  }
  return sums.map((s, i) => {
    let value = s.requests;
    if (query.kind === 'errors') value = s.errors;
    if (query.kind === 'slowerThan')
      value = countSlowerThan(s.buckets, query.thresholdMs!);
    return { at: new Date(fromMs + i * stepMs), value };
  });
}

const databases = TestDatabases.create({ ids: ['SQLITE_3', 'POSTGRES_15'] });

describe.each(databases.eachSupportedId())(
  'countSeries grouped in SQL on %s',
  databaseId => {
    it('equals the series bucketed in JavaScript from the same rows', async () => {
      const db = await databases.init(databaseId);
      await migrateTelemetry(db);
      const next = random(12);
      const services = ['orders', 'billing'];
      const operations = ['GET /orders/{id}', 'POST /orders', 'GET /health'];
      const currentHour = Math.floor(NOW / HOUR_MS) * HOUR_MS;
      const hours: RedDelta[] = [];
      const minutes: RedDelta[] = [];
      for (const s of services) {
        for (const op of operations) {
          // Gaps (a third of the rows missing) so empty steps are in the comparison too.
          for (
            let h = currentHour - 10 * DAY_MS;
            h < currentHour;
            h += HOUR_MS
          ) {
            if (next() > 0.33) hours.push(delta(next, s, op, h));
          }
          for (
            let m = NOW - 2 * DAY_MS - (NOW % MINUTE_MS);
            m <= NOW;
            m += MINUTE_MS
          ) {
            if (next() > 0.33) minutes.push(delta(next, s, op, m));
          }
        }
      }
      await upsertAddRed(db, RED_HOURS, hours);
      await upsertAddRed(db, RED_MINUTES, minutes);
      await writeState(db, ROLLED_UP_UNTIL, currentHour);

      const reader = new AggregateReader(db, DEFAULT_RETENTION, () => NOW);
      const source = new EmbeddedMetricsSource(reader);
      const to = new Date(NOW);
      const cases: Array<[Omit<SliQuery, 'serviceName' | 'to'>, number]> = [
        // The SLO engine's two series: 7 days in day steps (hours + minutes after the
        // watermark), and the last 6 h in 5-minute steps (minutes).
        [{ kind: 'total', from: new Date(NOW - 7 * DAY_MS) }, DAY_MS],
        [{ kind: 'errors', from: new Date(NOW - 7 * DAY_MS) }, DAY_MS],
        [
          {
            kind: 'slowerThan',
            thresholdMs: 500,
            from: new Date(NOW - 7 * DAY_MS),
          },
          DAY_MS,
        ],
        [{ kind: 'total', from: new Date(NOW - 6 * HOUR_MS) }, 5 * MINUTE_MS],
        [{ kind: 'errors', from: new Date(NOW - 6 * HOUR_MS) }, 5 * MINUTE_MS],
        // Between two bounds (250 < 300 < 315): the bucket is split linearly.
        [
          {
            kind: 'slowerThan',
            thresholdMs: 300,
            from: new Date(NOW - 6 * HOUR_MS),
          },
          5 * MINUTE_MS,
        ],
        // Above the last bound: only the overflow bucket.
        [
          {
            kind: 'slowerThan',
            thresholdMs: 150_000,
            from: new Date(NOW - 3 * DAY_MS),
          },
          HOUR_MS,
        ],
        // Below the first bound: every bucket.
        [
          {
            kind: 'slowerThan',
            thresholdMs: 0.5,
            from: new Date(NOW - 30 * HOUR_MS),
          },
          7 * MINUTE_MS,
        ],
        // Beyond the data (10 days of hours): leading empty steps.
        [{ kind: 'total', from: new Date(NOW - 12 * DAY_MS) }, DAY_MS],
        // One operation only.
        [
          {
            kind: 'errors',
            operation: 'POST /orders',
            from: new Date(NOW - 4 * DAY_MS),
          },
          HOUR_MS,
        ],
        [
          {
            kind: 'slowerThan',
            thresholdMs: 1000,
            operation: 'GET /health',
            from: new Date(NOW - 2 * HOUR_MS),
          },
          MINUTE_MS,
        ],
      ];
      let nonZero = 0;
      for (const service of services) {
        const queries = cases.map(([partial, stepMs]) => ({
          query: { ...partial, serviceName: service, to } as SliQuery,
          stepMs,
        }));
        // One at a time, and all at once (series of the same range then share one query).
        const alone = [];
        for (const { query, stepMs } of queries)
          alone.push(await source.countSeries(query, stepMs));
        const together = await Promise.all(
          queries.map(q => source.countSeries(q.query, q.stepMs)),
        );
        for (const [i, { query, stepMs }] of queries.entries()) {
          const expected = await seriesInJs(reader, query, stepMs);
          expect({ query, stepMs, series: alone[i] }).toEqual({
            query,
            stepMs,
            series: expected,
          });
          expect({ query, stepMs, series: together[i] }).toEqual({
            query,
            stepMs,
            series: expected,
          });
          nonZero += expected.filter(p => p.value > 0).length;
        }
      }
      // The comparison is over real numbers, not empty series.
      expect(nonZero).toBeGreaterThan(800);
      // An unknown service: a series of zeros, as before.
      const none = await source.countSeries(
        {
          serviceName: 'nobody',
          kind: 'total',
          from: new Date(NOW - HOUR_MS),
          to,
        },
        5 * MINUTE_MS,
      );
      expect(none.map(p => p.value)).toEqual(new Array(12).fill(0));
    });
  },
);
