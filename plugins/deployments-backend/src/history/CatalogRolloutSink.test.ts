import { mockServices, TestDatabases } from '@backstage/backend-test-utils';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import { CATALOG } from '../__testUtils__/catalogFixture';
import { DatabaseHistoryStore } from '../database/HistoryStore';
import { ObservedRollout } from '../kubernetes/types';
import { CatalogRolloutSink } from './CatalogRolloutSink';

jest.setTimeout(60_000);

const observed = (
  overrides: Partial<ObservedRollout> = {},
): ObservedRollout => ({
  id: 'k8s:prod-eu/billing/billing@7',
  kubernetesId: 'billing',
  cluster: 'prod-eu',
  environment: 'production',
  namespace: 'billing',
  workload: 'billing',
  revision: '7',
  image: 'registry.example/billing:1.4.2',
  version: '1.4.2',
  startedAt: '2026-11-30T10:00:00Z',
  ...overrides,
});

describe('CatalogRolloutSink', () => {
  const databases = TestDatabases.create({ ids: ['SQLITE_3', 'POSTGRES_15'] });

  describe.each(databases.eachSupportedId())('on %s', databaseId => {
    async function setup() {
      const knex = await databases.init(databaseId);
      const store = await DatabaseHistoryStore.create({
        database: mockServices.database({ knex }),
      });
      const catalog = catalogServiceMock.mock();
      const real = catalogServiceMock({ entities: CATALOG });
      catalog.getEntities.mockImplementation((req, opts) =>
        real.getEntities(req, opts),
      );
      let now = 0;
      const sink = new CatalogRolloutSink({
        store,
        catalog,
        auth: mockServices.auth(),
        logger: mockServices.logger.mock(),
        cacheTtlMs: 1000,
        now: () => now,
      });
      return { store, catalog, sink, advance: (ms: number) => (now += ms) };
    }

    it('records a watched rollout for the entity with the same kubernetes-id, start then end', async () => {
      const { store, sink } = await setup();
      await sink.recordObservedRollout(observed());
      await sink.recordObservedRollout(
        observed({ finishedAt: '2026-11-30T10:03:00Z', outcome: 'succeeded' }),
      );
      // A replay after a watch restart changes nothing.
      await sink.recordObservedRollout(observed());
      expect(
        await store.listRollouts({
          entityRef: 'component:default/billing',
          limit: 10,
        }),
      ).toEqual([
        {
          id: 'k8s:prod-eu/billing/billing@7',
          entityRef: 'component:default/billing',
          environment: 'production',
          version: '1.4.2',
          startedAt: Date.parse('2026-11-30T10:00:00Z'),
          finishedAt: Date.parse('2026-11-30T10:03:00Z'),
          outcome: 'succeeded',
          kubernetes: {
            cluster: 'prod-eu',
            namespace: 'billing',
            workload: 'billing',
            revision: '7',
            image: 'registry.example/billing:1.4.2',
          },
          sources: ['kubernetes'],
        },
      ]);
    });

    it('asks the catalog once per kubernetes-id until the cache expires', async () => {
      const { catalog, sink, advance } = await setup();
      await sink.recordObservedRollout(observed());
      await sink.recordObservedRollout(
        observed({ id: 'k8s:prod-eu/billing/billing@8' }),
      );
      expect(catalog.getEntities).toHaveBeenCalledTimes(1);
      expect(catalog.getEntities).toHaveBeenCalledWith(
        expect.objectContaining({
          filter: {
            'metadata.annotations.backstage.io/kubernetes-id': 'billing',
          },
        }),
        expect.anything(),
      );
      advance(1001);
      await sink.recordObservedRollout(observed());
      expect(catalog.getEntities).toHaveBeenCalledTimes(2);
    });

    it('records nothing for a workload no entity claims, or one without the label', async () => {
      const { store, sink } = await setup();
      await sink.recordObservedRollout(
        observed({ kubernetesId: 'unknown-service' }),
      );
      await sink.recordObservedRollout(observed({ kubernetesId: undefined }));
      const all = await store.rolloutsFinishedIn({
        entityRefs: ['component:default/billing'],
        environment: 'production',
        from: 0,
        to: Number.MAX_SAFE_INTEGER,
      });
      expect(all).toEqual([]);
      expect(
        await store.listRollouts({
          entityRef: 'component:default/billing',
          limit: 10,
        }),
      ).toEqual([]);
    });
  });
});
