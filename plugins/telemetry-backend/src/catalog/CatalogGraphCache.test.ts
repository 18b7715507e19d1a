import { Entity } from '@backstage/catalog-model';
import { mockServices } from '@backstage/backend-test-utils';
import { CatalogService } from '@backstage/plugin-catalog-node';
import { CATALOG } from '../__testUtils__/catalogFixture';
import { CatalogGraphCache } from './CatalogGraphCache';

const S = 1000;

/**
 * A catalog that is still ingesting: each entity is listed from the time it is registered on.
 * `fail` makes reads fail; `hold()` keeps reads from answering until the function it returns is
 * called.
 */
function ingestingCatalog(
  registeredAt: ReadonlyMap<Entity, number>,
  clock: () => number,
) {
  const state = {
    reads: 0,
    fail: false,
    gate: undefined as Promise<void> | undefined,
  };
  const hold = () => {
    let open = () => {};
    state.gate = new Promise<void>(resolve => (open = resolve));
    return () => {
      state.gate = undefined;
      open();
    };
  };
  const catalog = {
    async getEntities() {
      state.reads += 1;
      if (state.fail) throw new Error('catalog is down');
      const items = [...registeredAt]
        .filter(([, at]) => at <= clock())
        .map(([e]) => e);
      if (state.gate) await state.gate;
      return { items };
    },
  } as unknown as CatalogService;
  return { catalog, state, hold };
}

const byName = (name: string) => CATALOG.find(e => e.metadata.name === name)!;
const NODES = [
  'otel:gateway',
  'otel:orders',
  'topic:orders.created',
  'db:postgresql/shop',
  'otel:ghost',
];

describe('CatalogGraphCache', () => {
  let now: number;
  const clock = () => now;
  const cache = (
    catalog: CatalogService,
    logger = mockServices.logger.mock(),
  ) =>
    new CatalogGraphCache({
      catalog,
      auth: mockServices.auth(),
      logger,
      now: clock,
    });

  beforeEach(() => {
    now = Date.parse('2026-12-01T12:00:00Z');
  });

  it('maps what the catalog ingests a few seconds after a start, and then reads once a minute', async () => {
    const start = now;
    // The catalog lists gateway at 2 s, orders and its topic at 12 s, the database at 30 s;
    // nothing ever maps otel:ghost.
    const { catalog, state } = ingestingCatalog(
      new Map([
        [byName('gateway'), start + 2 * S],
        [byName('order-service'), start + 12 * S],
        [byName('orders-created'), start + 12 * S],
        [byName('shop'), start + 30 * S],
      ]),
      clock,
    );
    const graphs = cache(catalog);
    // The observed graph is read every second for ten minutes.
    const mappedAt = new Map<string, number>();
    for (let t = 0; t <= 600; t++) {
      now = start + t * S;
      const graph = await graphs.get(NODES);
      for (const node of NODES) {
        if (!mappedAt.has(node) && graph.resolveNode(node) !== node)
          mappedAt.set(node, t);
      }
    }
    // Each node maps within 5 s of its entity (the minute before, it took up to 60 s).
    expect(Object.fromEntries(mappedAt)).toEqual({
      'otel:gateway': 5,
      'otel:orders': 15,
      'topic:orders.created': 15,
      'db:postgresql/shop': 30,
    });
    // ghost keeps reads at 5 s for the first two minutes (24), then backs off (10, 20, 40 s:
    // 4) to the minute (6 more by 600 s): 34 reads, where 5 s throughout would be 120.
    expect(state.reads).toBe(34);
    const before = state.reads;
    for (let t = 601; t <= 900; t++) {
      now = start + t * S;
      await graphs.get(NODES);
    }
    expect(state.reads - before).toBe(5);
  });

  it('gives readers at the same moment the same index, the one read for their unmapped names', async () => {
    const start = now;
    const { catalog, state, hold } = ingestingCatalog(
      new Map([[byName('gateway'), start + 2 * S]]),
      clock,
    );
    const graphs = cache(catalog);
    await graphs.get(['otel:gateway']);
    now = start + 5 * S;
    const release = hold();
    // The edge report and the RED report of one page load, asked together.
    const edges = graphs.get(['otel:gateway', 'otel:ghost']);
    const red = graphs.get(['otel:gateway']);
    const other = graphs.get(['otel:newcomer']);
    release();
    const [a, b, c] = await Promise.all([edges, red, other]);
    expect(state.reads).toBe(2);
    expect(b).toBe(a);
    expect(c).toBe(a);
    expect(b.entityOfService('gateway')).toBe('component:default/gateway');
    // A reader whose names all map does not wait: it has the index there is.
    const releaseAgain = hold();
    now = start + 11 * S;
    const pending = graphs.get(['otel:ghost']);
    expect(await graphs.get(['otel:gateway'])).toBe(a);
    releaseAgain();
    await pending;
  });

  it('serves the minute-old index while the next one loads, and keeps it when a read fails', async () => {
    const { catalog, state, hold } = ingestingCatalog(
      new Map([[byName('gateway'), 0]]),
      clock,
    );
    const logger = mockServices.logger.mock();
    const graphs = cache(catalog, logger);
    const first = await graphs.get(['otel:gateway']);
    expect(first.entityOfService('gateway')).toBe('component:default/gateway');

    now += 60 * S;
    const release = hold();
    // A minute later every name maps: the old index answers at once, the new one loads.
    expect(await graphs.get(['otel:gateway'])).toBe(first);
    expect(state.reads).toBe(2);
    release();
    await new Promise(resolve => setImmediate(resolve));
    const second = await graphs.get(['otel:gateway']);
    expect(second).not.toBe(first);

    now += 60 * S;
    state.fail = true;
    expect(await graphs.get(['otel:gateway'])).toBe(second);
    await new Promise(resolve => setImmediate(resolve));
    expect(logger.warn).toHaveBeenCalledWith(
      'Could not read the catalog for telemetry: Error: catalog is down',
    );
    // Not asked again for 5 s.
    now += 4 * S;
    await graphs.get(['otel:gateway']);
    expect(state.reads).toBe(3);
    now += S;
    state.fail = false;
    await graphs.get(['otel:gateway']);
    expect(state.reads).toBe(4);
  });
});
