/*
 * On-call tools call `GET /v1/slos` with the machine token (app-config.machine-access.yaml): a
 * static external-access token restricted to some plugins, the catalog among them for reads.
 * Backstage refuses to delegate such a token to the catalog, so the plugin must read the entity
 * with its own credentials. The catalog here is the real CatalogService (catalogServiceRef's
 * default: CatalogClient + auth.getPluginRequestToken) talking over HTTP to a small catalog
 * plugin in the same backend, so the delegation rules are Backstage's own.
 */
import { authServiceFactory } from '@backstage/backend-defaults/auth';
import { httpAuthServiceFactory } from '@backstage/backend-defaults/httpAuth';
import {
  coreServices,
  createBackendPlugin,
} from '@backstage/backend-plugin-api';
import {
  createMockDirectory,
  mockServices,
  startTestBackend,
  TestDatabases,
} from '@backstage/backend-test-utils';
import { Entity } from '@backstage/catalog-model';
import { isolatedTestBackendServices } from '@internal/backend-test-kit';
import express from 'express';
import request from 'supertest';
import { telemetryPlugin } from '../plugin';

jest.setTimeout(90_000);

const MACHINE_TOKEN = 'machine-token-for-the-slo-tests-0123456789';

const SLO_YAML = `apiVersion: openslo/v1
kind: SLO
metadata:
  name: billing-availability
spec:
  budgetingMethod: Occurrences
  indicator:
    spec:
      ratioMetric:
        good:
          metricSource:
            type: OpenTelemetry
            spec:
              filter: service.name="billing" AND http.response.status_code < 500
        total:
          metricSource:
            type: OpenTelemetry
            spec:
              filter: service.name="billing"
  timeWindow: [{ duration: 28d, isRolling: true }]
  objectives: [{ target: 0.99 }]
`;

/**
 * The catalog's `GET /entities/by-name/...` over the given entities; records who asked, so the
 * test can tell the plugin's own credentials from the caller's.
 */
function fakeCatalogPlugin(entities: Entity[], callers: string[]) {
  return createBackendPlugin({
    pluginId: 'catalog',
    register(env) {
      env.registerInit({
        deps: {
          httpRouter: coreServices.httpRouter,
          httpAuth: coreServices.httpAuth,
        },
        async init({ httpRouter, httpAuth }) {
          const router = express.Router();
          router.get(
            '/entities/by-name/:kind/:namespace/:name',
            async (req, res) => {
              const credentials = await httpAuth.credentials(req, {
                allow: ['service'],
              });
              callers.push(credentials.principal.subject);
              const { kind, namespace, name } = req.params;
              const entity = entities.find(
                e =>
                  e.kind.toLocaleLowerCase('en-US') ===
                    kind.toLocaleLowerCase('en-US') &&
                  (e.metadata.namespace ?? 'default') === namespace &&
                  e.metadata.name === name,
              );
              if (!entity) {
                res
                  .status(404)
                  .json({
                    error: { name: 'NotFoundError', message: 'no such entity' },
                  });
                return;
              }
              res.json(entity);
            },
          );
          httpRouter.use(router);
        },
      });
    },
  });
}

const databases = TestDatabases.create({ ids: ['SQLITE_3', 'POSTGRES_15'] });

describe.each(databases.eachSupportedId())(
  'GET /v1/slos with the machine token on %s',
  databaseId => {
    const repo = createMockDirectory({
      content: { 'billing/slo.yaml': SLO_YAML },
    });

    it('answers 200 with the SLO statuses, reading the catalog as the plugin itself', async () => {
      const billing: Entity = {
        apiVersion: 'backstage.io/v1alpha1',
        kind: 'Component',
        metadata: {
          name: 'billing',
          namespace: 'default',
          annotations: {
            'backstage.io/managed-by-location': `file:${repo.resolve(
              'billing/catalog-info.yaml',
            )}`,
            'strata.dev/slo-file': 'slo.yaml',
          },
        },
        spec: {
          type: 'service',
          lifecycle: 'production',
          owner: 'group:default/billing',
        },
      };
      const callers: string[] = [];
      const { server } = await startTestBackend({
        features: [
          telemetryPlugin,
          fakeCatalogPlugin([billing], callers),
          ...isolatedTestBackendServices(databases, databaseId).features,
          authServiceFactory,
          httpAuthServiceFactory,
          mockServices.rootConfig.factory({
            data: {
              strata: { catalog: { allowedFileLocationRoots: [repo.path] } },
              backend: {
                auth: {
                  externalAccess: [
                    {
                      // Restricted as app-config.machine-access.yaml restricts it (the plugins
                      // this test does not start are left out; they change nothing here).
                      type: 'static',
                      options: {
                        token: MACHINE_TOKEN,
                        subject: 'strata-machine',
                      },
                      accessRestrictions: [
                        { plugin: 'telemetry' },
                        {
                          plugin: 'catalog',
                          permissionAttribute: { action: 'read' },
                        },
                      ],
                    },
                  ],
                },
              },
            },
          }),
        ],
      });

      const res = await request(server)
        .get('/api/telemetry/v1/slos?entityRef=component:default/billing')
        .set('authorization', `Bearer ${MACHINE_TOKEN}`);

      expect(res.status).toBe(200);
      expect(res.body).toMatchObject({
        entityRef: 'component:default/billing',
        problems: [],
        items: [
          expect.objectContaining({
            name: 'billing-availability',
            target: 0.99,
            source: 'embedded',
            alert: 'none',
          }),
        ],
      });
      // Read with the telemetry plugin's own credentials, not on the machine token's behalf.
      expect(callers).toEqual(['plugin:telemetry']);
    });
  },
);
