import { TestDatabases } from '@backstage/backend-test-utils';
import { span } from '../__testUtils__/spans';
import { AggregateReader } from '../database/AggregateReader';
import { IngestStore, migrateTelemetry } from '../database/IngestStore';
import { Maintenance } from '../database/Maintenance';
import { DEFAULT_RETENTION } from '../database/Retention';
import { EmbeddedMetricsSource } from './EmbeddedMetricsSource';

jest.setTimeout(60_000);

const NOW = Date.parse('2026-12-01T12:30:00.000Z');
const T = (iso: string) => new Date(`2026-12-01T${iso}Z`);

const databases = TestDatabases.create({ ids: ['SQLITE_3', 'POSTGRES_15'] });

describe.each(databases.eachSupportedId())('EmbeddedMetricsSource on %s', databaseId => {
  it('counts total, errors and slower-than over [from, to), per operation and per step', async () => {
    const db = await databases.init(databaseId);
    await migrateTelemetry(db);
    const store = new IngestStore(db, { now: () => NOW });
    const served = (iso: string, ms: number, extra = {}) =>
      span({ startMs: T(iso).getTime() - ms, endMs: T(iso).getTime(), ...extra });
    await store.ingest([
      served('10:10:00', 90),
      served('10:10:30', 300, { status: 'error' }),
      served('11:20:00', 120),
      served('12:05:00', 50, { name: 'GET /health' }),
      served('12:06:00', 600, { attributes: { 'http.response.status_code': 503 } }),
      served('12:06:00', 40, { serviceName: 'billing' }),
    ]);
    // Hours before 12:00 rolled up: long ranges read them, short ones the minutes.
    await new Maintenance(db, DEFAULT_RETENTION, () => NOW).run();
    const source = new EmbeddedMetricsSource(new AggregateReader(db, DEFAULT_RETENTION, () => NOW));
    const q = (kind: 'total' | 'errors' | 'slowerThan', from: Date, to: Date, extra = {}) =>
      source.count({ serviceName: 'orders', kind, from, to, ...extra });

    expect(source.id).toBe('embedded');
    expect(await q('total', T('10:00:00'), T('12:30:00'))).toBe(5);
    expect(await q('errors', T('10:00:00'), T('12:30:00'))).toBe(2);
    expect(await q('slowerThan', T('10:00:00'), T('12:30:00'), { thresholdMs: 250 })).toBe(2);
    expect(await q('slowerThan', T('10:00:00'), T('12:30:00'), { thresholdMs: 100 })).toBe(3);
    // 7 h range: hour rows for 10:00 and 11:00 (rolled up), minutes after 12:00.
    expect(await q('total', T('05:30:00'), T('12:30:00'))).toBe(5);
    expect(await q('total', T('12:00:00'), T('12:06:00'))).toBe(1); // [from, to)
    expect(await q('total', T('12:00:00'), T('12:30:00'), { operation: 'GET /health' })).toBe(1);

    const series = await source.countSeries(
      { serviceName: 'orders', kind: 'total', from: T('10:00:00'), to: T('12:30:00') },
      3_600_000,
    );
    expect(series.map(p => [p.at.toISOString(), p.value])).toEqual([
      ['2026-12-01T10:00:00.000Z', 2],
      ['2026-12-01T11:00:00.000Z', 1],
      ['2026-12-01T12:00:00.000Z', 2],
    ]);
    await expect(q('slowerThan', T('10:00:00'), T('12:30:00'))).rejects.toThrow('slowerThan needs thresholdMs');
  });
});
