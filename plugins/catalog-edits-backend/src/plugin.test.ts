import {
  mockCredentials,
  mockServices,
  startTestBackend,
} from '@backstage/backend-test-utils';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import request from 'supertest';
import { catalogEditsPlugin } from './plugin';

describe('catalogEditsPlugin', () => {
  it('starts, registers its permission and serves /proposals', async () => {
    const permissionsRegistry = mockServices.permissionsRegistry.mock();
    const { server } = await startTestBackend({
      features: [
        catalogEditsPlugin,
        catalogServiceMock.factory({ entities: [] }),
        permissionsRegistry.factory,
        mockServices.rootConfig.factory({
          data: {
            integrations: {
              github: [{ host: 'github.com', token: 'ghp_test' }],
            },
          },
        }),
      ],
    });

    expect(permissionsRegistry.addPermissions).toHaveBeenCalledWith([
      expect.objectContaining({ name: 'catalog.entity.propose-edit' }),
    ]);

    const list = await request(server)
      .get('/api/catalog-edits/proposals')
      .set('authorization', mockCredentials.user.header());
    expect(list.status).toBe(200);
    expect(list.body).toEqual({ items: [] });

    const missing = await request(server)
      .post('/api/catalog-edits/proposals')
      .set('authorization', mockCredentials.user.header())
      .send({
        entityRef: 'component:default/nope',
        edit: { type: 'setOwner', owner: 'group:default/platform' },
      });
    expect(missing.status).toBe(404);

    const anonymous = await request(server)
      .get('/api/catalog-edits/proposals')
      .set('authorization', mockCredentials.none.header());
    expect(anonymous.status).toBe(401);

    // Proposals are made by people: a service token may not open one.
    const byService = await request(server)
      .post('/api/catalog-edits/proposals')
      .set('authorization', mockCredentials.service.header())
      .send({
        entityRef: 'component:default/nope',
        edit: { type: 'setOwner', owner: 'group:default/platform' },
      });
    expect(byService.status).toBe(403);
  });
});
