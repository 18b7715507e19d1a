import {
  mockCredentials,
  mockServices,
  startTestBackend,
} from '@backstage/backend-test-utils';
import { actionsRegistryServiceMock } from '@backstage/backend-test-utils/alpha';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import request from 'supertest';
import { createServiceFactory } from '@backstage/backend-plugin-api';
import { catalogServiceRef } from '@backstage/plugin-catalog-node';
import { ORGANISATION, component } from './__testUtils__/organisation';
import { ownershipPlugin } from './plugin';

jest.setTimeout(60_000);

describe('ownershipPlugin in a backend without telemetry and deployments', () => {
  it('answers the lookup, with slo and lastDeploy left out and the reason from each plugin', async () => {
    const backend = await startTestBackend({
      features: [
        ownershipPlugin,
        catalogServiceMock.factory({ entities: ORGANISATION }),
        actionsRegistryServiceMock.factory(),
        mockServices.rootConfig.factory({
          data: { ownership: { health: { timeoutMs: 5000 } } },
        }),
      ],
    });
    try {
      const response = await request(backend.server)
        .get('/api/ownership/v1/lookup?otelServiceName=billing-svc')
        .set('Authorization', mockCredentials.user.header());
      expect(response.status).toBe(200);
      expect(response.body).toMatchObject({
        entityRef: 'component:default/billing',
        owner: { ref: 'group:default/billing' },
        onCall: { source: 'catalog', primary: 'user:default/sofia-rossi' },
      });
      expect(response.body.slo).toBeUndefined();
      expect(response.body.sloReason).toMatch(/^telemetry: .*404/);
      expect(response.body.lastDeploy).toBeUndefined();
      expect(response.body.lastDeployReason).toMatch(/^deployments: .*404/);
    } finally {
      await backend.stop();
    }
  });
});

describe('ownershipPlugin and an entity registered after its index was built', () => {
  it('answers the On-call card’s lookup from the catalog (200), and a ref the catalog lacks with a 404 saying where it looked', async () => {
    const catalog = catalogServiceMock({
      entities: [...ORGANISATION, component('checkout', 'billing')],
    });
    // The index was built before checkout was registered.
    jest
      .spyOn(catalog, 'getEntities')
      .mockResolvedValue({ items: ORGANISATION });
    const backend = await startTestBackend({
      features: [
        ownershipPlugin,
        createServiceFactory({
          service: catalogServiceRef,
          deps: {},
          factory: () => catalog,
        }),
        actionsRegistryServiceMock.factory(),
        mockServices.rootConfig.factory({
          data: { ownership: { index: { refreshSeconds: 3600 } } },
        }),
      ],
    });
    try {
      const found = await request(backend.server)
        .get(
          '/api/ownership/v1/lookup?entityRef=component:default/checkout&withHealth=false',
        )
        .set('Authorization', mockCredentials.user.header());
      expect(found.status).toBe(200);
      expect(found.body).toMatchObject({
        entityRef: 'component:default/checkout',
        matchedBy:
          'entityRef (read from the catalog: the ownership index has not reached it yet)',
        owner: { ref: 'group:default/billing' },
        onCall: { source: 'catalog', primary: 'user:default/sofia-rossi' },
      });

      const missing = await request(backend.server)
        .get('/api/ownership/v1/lookup?entityRef=component:default/nope')
        .set('Authorization', mockCredentials.user.header());
      expect(missing.status).toBe(404);
      expect(missing.body.error.message).toMatch(
        /^No entity component:default\/nope in the catalog; searched the ownership index \(built .*\) and the catalog$/,
      );
    } finally {
      await backend.stop();
    }
  });
});
