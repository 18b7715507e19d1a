/*
 * GET /v1/services' query on the real store: spans in through the ingest path, hours rolled up
 * by Maintenance, then the list read back by the embedded source over minute and hour rows.
 */
import { TestDatabases } from '@backstage/backend-test-utils';
import { CatalogGraph } from '../catalog/CatalogGraph';
import { CATALOG } from '../__testUtils__/catalogFixture';
import { span } from '../__testUtils__/spans';
import { AggregateReader } from '../database/AggregateReader';
import { IngestStore, migrateTelemetry } from '../database/IngestStore';
import { Maintenance } from '../database/Maintenance';
import { DEFAULT_RETENTION } from '../database/Retention';
import { EmbeddedMetricsSource } from './EmbeddedMetricsSource';
import { serviceList } from './serviceList';

jest.setTimeout(60_000);

const NOW = Date.parse('2026-12-01T12:30:00.000Z');
const T = (iso: string) => new Date(`2026-12-01T${iso}Z`);

const databases = TestDatabases.create({ ids: ['SQLITE_3', 'POSTGRES_15'] });

describe.each(databases.eachSupportedId())(
  'the service list on %s',
  databaseId => {
    async function sourceWith(spans: ReturnType<typeof span>[]) {
      const db = await databases.init(databaseId);
      await migrateTelemetry(db);
      const store = new IngestStore(db, { now: () => NOW });
      if (spans.length) await store.ingest(spans);
      // Hours before 12:00 rolled up: ranges over 6 h read them, shorter ones the minutes.
      await new Maintenance(db, DEFAULT_RETENTION, () => NOW).run();
      return new EmbeddedMetricsSource(
        new AggregateReader(db, DEFAULT_RETENTION, () => NOW),
      );
    }
    const served = (iso: string, extra = {}) =>
      span({
        startMs: T(iso).getTime() - 20,
        endMs: T(iso).getTime(),
        ...extra,
      });
    const list = async (
      source: EmbeddedMetricsSource,
      from: string,
      to: string,
    ) =>
      (await source.services({ from: T(from), to: T(to), stepMs: 60_000 }))
        .map(s => ({ ...s, lastSeen: s.lastSeen.toISOString() }))
        .sort((a, b) => a.serviceName.localeCompare(b.serviceName));

    it('sums each service’s served spans and errors, with the latest minute or hour, over [from, to)', async () => {
      const source = await sourceWith([
        served('10:10:00'),
        served('10:10:30', { status: 'error' }),
        served('11:20:00'),
        served('12:05:00', { name: 'GET /health' }),
        served('12:06:10', {
          attributes: { 'http.response.status_code': 503 },
        }),
        served('12:06:00', { serviceName: 'billing' }),
        // A consumer span counts as served; a client-only service sent no served span.
        served('12:07:00', { serviceName: 'mailer', kind: 'consumer' }),
        served('12:08:00', { serviceName: 'cron', kind: 'client' }),
        served('12:08:00', { serviceName: 'cron', kind: 'internal' }),
      ]);

      // Minutes only: orders' two spans since 12:00, the 503 an error.
      expect(await list(source, '12:00:00', '12:30:00')).toEqual([
        {
          serviceName: 'billing',
          spans: 1,
          errors: 0,
          lastSeen: '2026-12-01T12:06:00.000Z',
        },
        {
          serviceName: 'mailer',
          spans: 1,
          errors: 0,
          lastSeen: '2026-12-01T12:07:00.000Z',
        },
        {
          serviceName: 'orders',
          spans: 2,
          errors: 1,
          lastSeen: '2026-12-01T12:06:00.000Z',
        },
      ]);
      // [from, to): the span of 12:06 is outside [12:00, 12:06).
      expect(await list(source, '12:00:00', '12:06:00')).toEqual([
        {
          serviceName: 'orders',
          spans: 1,
          errors: 0,
          lastSeen: '2026-12-01T12:05:00.000Z',
        },
      ]);
      // 2 h: the minute rows, so the latest minute before 12:00.
      expect(await list(source, '10:00:00', '12:00:00')).toEqual([
        {
          serviceName: 'orders',
          spans: 3,
          errors: 1,
          lastSeen: '2026-12-01T11:20:00.000Z',
        },
      ]);
      // 7 h: the rolled-up hour rows (lastSeen is the hour), then the minutes after 12:00.
      expect(await list(source, '05:00:00', '12:00:00')).toEqual([
        {
          serviceName: 'orders',
          spans: 3,
          errors: 1,
          lastSeen: '2026-12-01T11:00:00.000Z',
        },
      ]);
      expect(await list(source, '05:30:00', '12:30:00')).toEqual([
        {
          serviceName: 'billing',
          spans: 1,
          errors: 0,
          lastSeen: '2026-12-01T12:06:00.000Z',
        },
        {
          serviceName: 'mailer',
          spans: 1,
          errors: 0,
          lastSeen: '2026-12-01T12:07:00.000Z',
        },
        {
          serviceName: 'orders',
          spans: 5,
          errors: 2,
          lastSeen: '2026-12-01T12:06:00.000Z',
        },
      ]);
      // A window with no spans in it.
      expect(await list(source, '12:10:00', '12:30:00')).toEqual([]);
    });

    it('is empty when no span ever arrived', async () => {
      const source = await sourceWith([]);
      expect(await list(source, '05:30:00', '12:30:00')).toEqual([]);
      expect(await list(source, '12:00:00', '12:30:00')).toEqual([]);
    });
  },
);

describe('serviceList', () => {
  const catalog = new CatalogGraph(CATALOG);
  const at = new Date('2026-12-01T12:06:00Z');

  it('maps each service to its entity (annotation or name), null for an unknown name, busiest first', () => {
    const list = serviceList({
      window: '1h',
      source: 'embedded',
      catalog,
      services: [
        { serviceName: 'billing', spans: 4, errors: 0, lastSeen: at },
        { serviceName: 'legacy-cron', spans: 9, errors: 2, lastSeen: at },
        { serviceName: 'orders', spans: 9, errors: 1, lastSeen: at },
      ],
    });
    expect(list).toEqual({
      window: '1h',
      source: 'embedded',
      items: [
        {
          serviceName: 'legacy-cron',
          entityRef: null,
          spans: 9,
          errors: 2,
          lastSeen: '2026-12-01T12:06:00.000Z',
        },
        {
          serviceName: 'orders',
          entityRef: 'component:default/order-service',
          spans: 9,
          errors: 1,
          lastSeen: '2026-12-01T12:06:00.000Z',
        },
        {
          serviceName: 'billing',
          entityRef: 'component:default/billing',
          spans: 4,
          errors: 0,
          lastSeen: '2026-12-01T12:06:00.000Z',
        },
      ],
    });
    expect(
      serviceList({ window: '15m', source: 'embedded', catalog, services: [] })
        .items,
    ).toEqual([]);
  });
});
