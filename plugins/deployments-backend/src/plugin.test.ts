/*
 * The plugin as the backend runs it. A CD system posts events with a static token restricted
 * to this plugin (backend.auth.externalAccess, docs/deployments.md), checked by Backstage's own
 * auth services; users need the deployments.event.create permission.
 */
import { authServiceFactory } from '@backstage/backend-defaults/auth';
import { BackstageCredentials } from '@backstage/backend-plugin-api';
import { httpAuthServiceFactory } from '@backstage/backend-defaults/httpAuth';
import {
  mockCredentials,
  mockServices,
  startTestBackend,
  TestDatabases,
} from '@backstage/backend-test-utils';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import { isolatedTestBackendServices } from '@internal/backend-test-kit';
import request from 'supertest';
import { CATALOG } from './__testUtils__/catalogFixture';
import { deploymentsPlugin } from './plugin';

jest.setTimeout(60_000);

const CD_TOKEN = 'cd-token-for-the-tests-0123456789';
const OTHER_TOKEN = 'other-token-for-the-tests-0123456789';

const event = (id: string) => ({
  kind: 'deployment',
  id,
  entityRef: 'component:default/billing',
  environment: 'production',
  startedAt: '2026-11-30T10:00:00Z',
  finishedAt: '2026-11-30T10:04:00Z',
  outcome: 'succeeded',
});

/**
 * Backstage's rule for service principals (no permission restrictions on the token: allowed),
 * and a policy that lets only release managers record events by hand.
 */
function permissionsFactory() {
  const permissions = mockServices.permissions.mock();
  permissions.authorize.mockImplementation(async (requests, options) => {
    const credentials = options.credentials as BackstageCredentials<{
      type: string;
    }>;
    return requests.map(() => ({
      result:
        credentials.principal.type === 'service' ||
        (credentials.principal as { userEntityRef?: string }).userEntityRef ===
          'user:default/release-manager'
          ? AuthorizeResult.ALLOW
          : AuthorizeResult.DENY,
    }));
  });
  return permissions.factory;
}

const databases = TestDatabases.create({ ids: ['SQLITE_3', 'POSTGRES_15'] });

describe.each(databases.eachSupportedId())(
  'deploymentsPlugin on %s',
  databaseId => {
    it('lets a CD system with a static token restricted to deployments post events', async () => {
      const permissionsRegistry = mockServices.permissionsRegistry.mock();
      const { server } = await startTestBackend({
        features: [
          deploymentsPlugin,
          catalogServiceMock.factory({ entities: CATALOG }),
          ...isolatedTestBackendServices(databases, databaseId).features,
          permissionsFactory(),
          permissionsRegistry.factory,
          // Backstage's own token handling, which reads backend.auth.externalAccess.
          authServiceFactory,
          httpAuthServiceFactory,
          mockServices.rootConfig.factory({
            data: {
              backend: {
                auth: {
                  externalAccess: [
                    {
                      type: 'static',
                      options: { token: CD_TOKEN, subject: 'cd-system' },
                      accessRestrictions: [{ plugin: 'deployments' }],
                    },
                    {
                      type: 'static',
                      options: { token: OTHER_TOKEN, subject: 'ci-validation' },
                      accessRestrictions: [{ plugin: 'catalog-validation' }],
                    },
                  ],
                },
              },
            },
          }),
        ],
      });

      expect(permissionsRegistry.addPermissions).toHaveBeenCalledWith([
        expect.objectContaining({ name: 'deployments.event.create' }),
      ]);

      const posted = await request(server)
        .post('/api/deployments/v1/events')
        .set('authorization', `Bearer ${CD_TOKEN}`)
        .send([event('ci-1'), event('ci-2')]);
      expect(posted.status).toBe(200);
      expect(
        posted.body.accepted.map((a: { result: string }) => a.result),
      ).toEqual(['created', 'created']);

      const read = await request(server)
        .get('/api/deployments/v1/rollouts?entityRef=component:default/billing')
        .set('authorization', `Bearer ${CD_TOKEN}`);
      expect(read.status).toBe(200);
      expect(read.body.items.map((r: { id: string }) => r.id).sort()).toEqual([
        'ci-1',
        'ci-2',
      ]);

      // A token restricted to another plugin is refused here, and so is no token.
      const other = await request(server)
        .post('/api/deployments/v1/events')
        .set('authorization', `Bearer ${OTHER_TOKEN}`)
        .send(event('ci-3'));
      expect(other.status).toBe(403);
      const anonymous = await request(server)
        .post('/api/deployments/v1/events')
        .send(event('ci-3'));
      expect(anonymous.status).toBe(401);
    });

    it('answers 403 to a user without the permission, and records a permitted user’s event', async () => {
      const { server } = await startTestBackend({
        features: [
          deploymentsPlugin,
          catalogServiceMock.factory({ entities: CATALOG }),
          ...isolatedTestBackendServices(databases, databaseId).features,
          permissionsFactory(),
        ],
      });

      const denied = await request(server)
        .post('/api/deployments/v1/events')
        .set('authorization', mockCredentials.user.header('user:default/guest'))
        .send(event('manual-1'));
      expect(denied.status).toBe(403);
      expect(denied.body.error.message).toMatch(/deployments\.event\.create/);

      const allowed = await request(server)
        .post('/api/deployments/v1/events')
        .set(
          'authorization',
          mockCredentials.user.header('user:default/release-manager'),
        )
        .send(event('manual-1'));
      expect(allowed.status).toBe(200);

      // Reading needs no special permission; the status source says no cluster is configured.
      const status = await request(server)
        .get('/api/deployments/v1/status?entityRef=component:default/billing')
        .set(
          'authorization',
          mockCredentials.user.header('user:default/guest'),
        );
      expect(status.status).toBe(200);
      expect(status.body.clustersConfigured).toBe(false);
    });
  },
);
