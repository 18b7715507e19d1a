import {
  mockCredentials,
  mockServices,
  startTestBackend,
} from '@backstage/backend-test-utils';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import request from 'supertest';
import { catalogValidationPlugin } from './plugin';

describe('catalogValidationPlugin', () => {
  it('serves POST /api/catalog-validation/validate behind authentication', async () => {
    const { server } = await startTestBackend({
      features: [
        catalogValidationPlugin,
        catalogServiceMock.factory(),
        mockServices.httpAuth.factory({
          defaultCredentials: mockCredentials.none(),
        }),
      ],
    });

    const anonymous = await request(server)
      .post('/api/catalog-validation/validate')
      .send({ files: [] });
    expect(anonymous.status).toBe(401);

    const response = await request(server)
      .post('/api/catalog-validation/validate')
      .set('authorization', mockCredentials.service.header())
      .send({
        files: [
          {
            path: 'catalog-info.yaml',
            content: 'apiVersion: backstage.io/v1alpha1\nkind: Service\n',
          },
        ],
      });
    expect(response.status).toBe(200);
    expect(response.body.violations).toEqual([
      expect.objectContaining({ line: 1, column: 1, rule: 'required-field' }),
    ]);
  });
});
