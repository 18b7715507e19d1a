/*
 * The real catalog backend with this module, on every database the suite has: relations are
 * stored and filterable, invalid entities become processing errors without disturbing the
 * rest, and a file that turns invalid keeps its last good version served.
 */
import {
  mockCredentials,
  mockServices,
  startTestBackend,
  TestDatabases,
} from '@backstage/backend-test-utils';
import { Entity, stringifyEntityRef } from '@backstage/catalog-model';
import { AlphaEntity } from '@backstage/catalog-model/alpha';
import catalogPlugin from '@backstage/plugin-catalog-backend';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import request from 'supertest';
import serviceModelModule from './index';
import {
  catalogErrorsSpy,
  CatalogErrorEvent,
  waitFor,
} from '@internal/backend-test-kit';

const MODEL_YAML = `
apiVersion: backstage.io/v1alpha1
kind: API
metadata:
  name: pipeline-events
spec:
  type: asyncapi
  lifecycle: production
  owner: group:default/pipelines
  definition: "asyncapi: 2.6.0"
---
apiVersion: backstage.io/v1alpha1
kind: Resource
metadata:
  name: pipeline-run-completed
  title: pipeline.run.completed
spec:
  type: kafka-topic
  owner: group:default/pipelines
  topic: pipeline.run.completed
  schema: api:default/pipeline-events
---
apiVersion: backstage.io/v1alpha1
kind: Resource
metadata:
  name: pipeline-db
spec:
  type: database
  owner: group:default/pipelines
  engine: postgresql
  personalData: false
---
apiVersion: backstage.io/v1alpha1
kind: Component
metadata:
  name: etl-workers
spec:
  type: service
  lifecycle: production
  owner: group:default/pipelines
  tier: 1
  dependsOn: [resource:default/pipeline-db]
  produces: [resource:default/pipeline-run-completed]
`;

const BROKEN_YAML = `
apiVersion: backstage.io/v1alpha1
kind: Component
metadata:
  name: broken
spec:
  type: service
  lifecycle: production
  owner: group:default/pipelines
  tier: 7
`;

/** The file that changes during the test. */
function notificationYaml(description: string, tier: number) {
  return `
apiVersion: backstage.io/v1alpha1
kind: Component
metadata:
  name: notification
  description: ${description}
spec:
  type: service
  lifecycle: production
  owner: group:default/platform
  tier: ${tier}
  consumes: [pipeline-run-completed]
`;
}

const errorsOf = (entity: Entity) =>
  ((entity as AlphaEntity).status?.items ?? [])
    .filter(item => item.level === 'error')
    .map(item => item.message);

const relationsOf = (entity: Entity, type: string) =>
  (entity.relations ?? [])
    .filter(r => r.type === type)
    .map(r => r.targetRef)
    .sort();

const databases = TestDatabases.create();

describe.each(databases.eachSupportedId())(
  'service model in the catalog on %s',
  databaseId => {
    let dir: string;

    beforeEach(() => {
      dir = fs.mkdtempSync(path.join(os.tmpdir(), 'service-model-'));
    });

    afterEach(() => {
      fs.rmSync(dir, { recursive: true, force: true });
    });

    it('emits filterable relations, reports invalid entities and keeps the last good version', async () => {
      const entry = path.join(dir, 'catalog-info.yaml');
      const brokenFile = path.join(dir, 'broken.yaml');
      const notificationFile = path.join(dir, 'notification.yaml');
      fs.writeFileSync(
        entry,
        `apiVersion: backstage.io/v1alpha1
kind: Location
metadata:
  name: fixture
spec:
  targets: [./model.yaml, ./broken.yaml, ./notification.yaml]
`,
      );
      fs.writeFileSync(path.join(dir, 'model.yaml'), MODEL_YAML);
      fs.writeFileSync(brokenFile, BROKEN_YAML);
      fs.writeFileSync(notificationFile, notificationYaml('first version', 2));

      const errorEvents: CatalogErrorEvent[] = [];
      const knex = await databases.init(databaseId);
      const { server } = await startTestBackend({
        features: [
          catalogPlugin,
          serviceModelModule,
          catalogErrorsSpy(errorEvents),
          mockServices.database.factory({ knex }),
          mockServices.rootConfig.factory({
            data: {
              catalog: {
                processingInterval: { seconds: 1 },
                rules: [
                  { allow: ['Component', 'API', 'Resource', 'Location'] },
                ],
                locations: [{ type: 'file', target: entry }],
              },
            },
          }),
        ],
      });

      const get = async (url: string) => {
        const res = await request(server)
          .get(url)
          .set('Authorization', mockCredentials.user.header());
        return res;
      };
      const entity = async (ref: string) => {
        const [kind, rest] = ref.split(':');
        const res = await get(`/api/catalog/entities/by-name/${kind}/${rest}`);
        return res.status === 200 ? (res.body as Entity) : undefined;
      };
      const query = async (filter: string) => {
        const res = await get(
          `/api/catalog/entities/by-query?filter=${encodeURIComponent(filter)}`,
        );
        expect(res.status).toBe(200);
        return (res.body.items as Entity[]).map(e => stringifyEntityRef(e));
      };

      // 1. Relations: every model entity is stitched with both directions of its relations.
      const topic = await waitFor(async () => {
        const e = await entity('resource:default/pipeline-run-completed');
        return e &&
          relationsOf(e, 'producedBy').length &&
          relationsOf(e, 'consumedBy').length
          ? e
          : undefined;
      }, 'topic relations');
      expect(relationsOf(topic, 'producedBy')).toEqual([
        'component:default/etl-workers',
      ]);
      expect(relationsOf(topic, 'consumedBy')).toEqual([
        'component:default/notification',
      ]);
      expect(relationsOf(topic, 'hasSchema')).toEqual([
        'api:default/pipeline-events',
      ]);
      const api = await waitFor(async () => {
        const e = await entity('api:default/pipeline-events');
        return e && relationsOf(e, 'schemaOf').length ? e : undefined;
      }, 'api schemaOf');
      expect(relationsOf(api, 'schemaOf')).toEqual([
        'resource:default/pipeline-run-completed',
      ]);
      const etlWorkers = (await entity('component:default/etl-workers'))!;
      expect(relationsOf(etlWorkers, 'produces')).toEqual([
        'resource:default/pipeline-run-completed',
      ]);
      expect(errorsOf(etlWorkers)).toEqual([]);

      // ... and the standard API filters on them.
      expect(
        await query(
          'relations.produces=resource:default/pipeline-run-completed',
        ),
      ).toEqual(['component:default/etl-workers']);
      expect(
        await query(
          'kind=component,relations.consumes=resource:default/pipeline-run-completed',
        ),
      ).toEqual(['component:default/notification']);
      expect(
        await query('relations.hasSchema=api:default/pipeline-events'),
      ).toEqual(['resource:default/pipeline-run-completed']);
      expect(await query('kind=component,spec.tier=1')).toEqual([
        'component:default/etl-workers',
      ]);
      expect(await query('spec.topic=pipeline.run.completed')).toEqual([
        'resource:default/pipeline-run-completed',
      ]);

      // 2. An entity that was never valid is not served; its error names the file and the field
      // on the catalog's error surface (the errors topic the logs module prints) ...
      const brokenEvent = await waitFor(
        async () =>
          errorEvents.find(e => e.entity === 'component:default/broken'),
        'error event of the broken entity',
      );
      expect(brokenEvent.location).toBe(`file:${brokenFile}`);
      expect(brokenEvent.errors.map(e => e.message)).toEqual([
        expect.stringContaining(
          `component:default/broken in file:${brokenFile} does not follow Strata's service model`,
        ),
      ]);
      expect(brokenEvent.errors[0].message).toContain(
        'spec.tier: must be the integer 1, 2 or 3, got 7',
      );
      expect(await entity('component:default/broken')).toBeUndefined();
      // ... and on the validation endpoint.
      const validation = await request(server)
        .post('/api/catalog/validate-entity')
        .set('Authorization', mockCredentials.user.header())
        .send({
          location: 'url:https://git.dataflow.example/broken/catalog-info.yaml',
          entity: {
            apiVersion: 'backstage.io/v1alpha1',
            kind: 'Component',
            metadata: { name: 'broken' },
            spec: {
              type: 'service',
              lifecycle: 'production',
              owner: 'group:default/pipelines',
              tier: 7,
            },
          },
        });
      expect(validation.status).toBe(400);
      expect(validation.body.errors[0].message).toContain(
        'spec.tier: must be the integer 1, 2 or 3, got 7',
      );
      // The other entities are unaffected.
      expect(errorEvents.map(e => e.entity)).not.toContain(
        'component:default/etl-workers',
      );

      // 3. A valid file turns invalid: the error shows on the entity, the last good version stays.
      fs.writeFileSync(notificationFile, notificationYaml('second version', 7));
      const stale = await waitFor(async () => {
        const e = await entity('component:default/notification');
        return e && errorsOf(e).length ? e : undefined;
      }, 'processing error on notification');
      expect(errorsOf(stale)).toEqual([
        expect.stringContaining(
          `component:default/notification in file:${notificationFile} does not follow`,
        ),
      ]);
      expect(errorsOf(stale)[0]).toContain('spec.tier: must be the integer');
      expect(stale.metadata.description).toBe('first version');
      expect(stale.spec?.tier).toBe(2);
      expect(relationsOf(stale, 'consumes')).toEqual([
        'resource:default/pipeline-run-completed',
      ]);
      expect(
        await query(
          'relations.consumes=resource:default/pipeline-run-completed',
        ),
      ).toEqual(['component:default/notification']);
      expect(
        errorsOf((await entity('component:default/etl-workers'))!),
      ).toEqual([]);

      // 4. Fixing the file clears the error and serves the new version.
      fs.writeFileSync(notificationFile, notificationYaml('third version', 3));
      const fixed = await waitFor(async () => {
        const e = await entity('component:default/notification');
        return e?.metadata.description === 'third version' ? e : undefined;
      }, 'fixed notification');
      expect(errorsOf(fixed)).toEqual([]);
      expect(fixed.spec?.tier).toBe(3);
    }, 120_000);
  },
);
