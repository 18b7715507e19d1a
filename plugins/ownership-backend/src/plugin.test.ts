import {
  mockCredentials,
  mockServices,
  startTestBackend,
} from '@backstage/backend-test-utils';
import { actionsRegistryServiceMock } from '@backstage/backend-test-utils/alpha';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import request from 'supertest';
import { ORGANISATION } from './__testUtils__/organisation';
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
