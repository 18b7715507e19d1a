/*
 * On-call tools call `GET /v1/slos` (and scripts `GET /v1/services`) with the machine token (app-config.machine-access.yaml): a
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
  TestDatabaseId,
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
                res.status(404).json({
                  error: { name: 'NotFoundError', message: 'no such entity' },
                });
                return;
              }
              res.json(entity);
            },
          );
          // The catalog index telemetry maps service names with (CatalogGraphCache).
          router.get('/entities', async (req, res) => {
            const credentials = await httpAuth.credentials(req, {
              allow: ['service'],
            });
            callers.push(credentials.principal.subject);
            res.json(entities);
          });
          httpRouter.use(router);
        },
      });
    },
  });
}

const databases = TestDatabases.create({ ids: ['SQLITE_3', 'POSTGRES_15'] });

/** The telemetry plugin and the small catalog in one backend that knows the machine token. */
async function startWithMachineToken(
  databaseId: TestDatabaseId,
  entities: Entity[],
  callers: string[],
  rootPath: string,
) {
  const { server } = await startTestBackend({
    features: [
      telemetryPlugin,
      fakeCatalogPlugin(entities, callers),
      ...isolatedTestBackendServices(databases, databaseId).features,
      authServiceFactory,
      httpAuthServiceFactory,
      mockServices.rootConfig.factory({
        data: {
          strata: { catalog: { allowedFileLocationRoots: [rootPath] } },
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
  return server;
}

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
      const server = await startWithMachineToken(
        databaseId,
        [billing],
        callers,
        repo.path,
      );

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

/** A served span of `serviceName` ending now, as OTLP/JSON (SPAN_KIND_SERVER = 2). */
function otlpServedSpan(serviceName: string, traceId: string, spanId: string) {
  const endNs = BigInt(Date.now()) * 1_000_000n;
  return {
    resourceSpans: [
      {
        resource: {
          attributes: [
            { key: 'service.name', value: { stringValue: serviceName } },
          ],
        },
        scopeSpans: [
          {
            spans: [
              {
                traceId,
                spanId,
                name: 'GET /invoices',
                kind: 2,
                startTimeUnixNano: String(endNs - 5_000_000n),
                endTimeUnixNano: String(endNs),
                status: {},
              },
            ],
          },
        ],
      },
    ],
  };
}

describe.each(databases.eachSupportedId())(
  'GET /v1/services with the machine token on %s',
  databaseId => {
    const repo = createMockDirectory();

    it('answers 200 with the services that sent spans, mapped with the plugin’s own catalog read', async () => {
      const billing: Entity = {
        apiVersion: 'backstage.io/v1alpha1',
        kind: 'Component',
        metadata: { name: 'billing', namespace: 'default' },
        spec: {
          type: 'service',
          lifecycle: 'production',
          owner: 'group:default/billing',
        },
      };
      const callers: string[] = [];
      const server = await startWithMachineToken(
        databaseId,
        [billing],
        callers,
        repo.path,
      );
      const auth = `Bearer ${MACHINE_TOKEN}`;

      const empty = await request(server)
        .get('/api/telemetry/v1/services?window=15m')
        .set('authorization', auth);
      expect(empty.status).toBe(200);
      expect(empty.body).toEqual({
        window: '15m',
        source: 'embedded',
        items: [],
      });

      for (const [name, n] of [
        ['billing', 1],
        ['batch-importer', 2],
      ] as const) {
        const sent = await request(server)
          .post('/api/telemetry/v1/traces')
          .set('authorization', auth)
          .send(
            otlpServedSpan(
              name,
              `${n}`.padStart(32, 'a'),
              `${n}`.padStart(16, 'b'),
            ),
          );
        expect(sent.status).toBe(200);
      }
      const res = await request(server)
        .get('/api/telemetry/v1/services?window=15m')
        .set('authorization', auth);
      expect(res.status).toBe(200);
      expect(
        res.body.items.map(
          (i: {
            serviceName: string;
            entityRef: string | null;
            spans: number;
          }) => [i.serviceName, i.entityRef, i.spans],
        ),
      ).toEqual([
        ['batch-importer', null, 1],
        ['billing', 'component:default/billing', 1],
      ]);
      expect(callers).toEqual(['plugin:telemetry']);

      const anonymous = await request(server).get('/api/telemetry/v1/services');
      expect(anonymous.status).toBe(401);
    });
  },
);
