/*
 * The DataFlow Systems demo organisation, ingested by the real catalog backend with Strata's
 * service-model module on every database the suite has (SQLite always, PostgreSQL when
 * ./strata test provides it): every file is accepted (the model's validation included), nothing
 * is dropped, and the relations the portal shows exist.
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
import serviceModelModule from '@internal/plugin-catalog-backend-module-service-model';
import fs from 'node:fs';
import path from 'node:path';
import request from 'supertest';
import { parseAllDocuments } from 'yaml';
import { waitFor } from '@internal/backend-test-kit';

const demoRoot = path.resolve(__dirname, '../../../../examples/dataflow');
const entryFile = path.join(demoRoot, 'catalog-info.yaml');

/** Every entity the demo files declare, read straight from the YAML. */
function declaredEntityRefs(): string[] {
  const entry = parseAllDocuments(fs.readFileSync(entryFile, 'utf8'))[0].toJS();
  const files = [
    entryFile,
    ...entry.spec.targets.map((t: string) => path.join(demoRoot, t)),
  ];
  return files.flatMap(file =>
    parseAllDocuments(fs.readFileSync(file, 'utf8'))
      .map(doc => doc.toJS() as Entity)
      .filter(Boolean)
      .map(entity => stringifyEntityRef(entity)),
  );
}

const databases = TestDatabases.create();

describe.each(databases.eachSupportedId())('demo catalog on %s', databaseId => {
  it('ingests every demo entity with its relations and no processing errors', async () => {
    const knex = await databases.init(databaseId);
    const { server } = await startTestBackend({
      features: [
        catalogPlugin,
        serviceModelModule,
        mockServices.database.factory({ knex }),
        mockServices.rootConfig.factory({
          data: {
            catalog: {
              processingInterval: { seconds: 1 },
              rules: [
                {
                  allow: ['Component', 'System', 'API', 'Resource', 'Location'],
                },
              ],
              locations: [
                {
                  type: 'file',
                  target: entryFile,
                  rules: [
                    {
                      allow: [
                        'Domain',
                        'System',
                        'Component',
                        'API',
                        'Resource',
                        'Location',
                        'Group',
                        'User',
                      ],
                    },
                  ],
                },
              ],
            },
          },
        }),
      ],
    });

    const declared = declaredEntityRefs();
    const fetchAll = async () => {
      const res = await request(server)
        .get('/api/catalog/entities')
        .set('Authorization', mockCredentials.user.header());
      expect(res.status).toBe(200);
      return res.body as Entity[];
    };

    // An entity that fails processing on its first ingestion is never stitched, so it has no
    // status to show its error on; the catalog keeps the error in its refresh state. Fail fast
    // with the message instead of waiting for an entity that will not come.
    const unprocessable = async () =>
      (await knex('refresh_state').select('entity_ref', 'errors'))
        .filter(row => row.errors && row.errors !== '[]')
        .flatMap(row =>
          (JSON.parse(row.errors) as Array<{ message: string }>).map(
            e => `${row.entity_ref}: ${e.message}`,
          ),
        );

    // Wait until every declared entity is stitched (relations are filled in by stitching).
    const entities = await waitFor(async () => {
      const failed = await unprocessable();
      if (failed.length > 0) {
        throw new Error(`processing errors:\n${failed.join('\n')}`);
      }
      const all = await fetchAll();
      const stitched = all.filter(e => e.relations !== undefined);
      const refs = new Set(stitched.map(e => stringifyEntityRef(e)));
      return declared.every(ref => refs.has(ref)) ? stitched : undefined;
    }, 'all demo entities');

    const byRef = new Map(entities.map(e => [stringifyEntityRef(e), e]));
    // Processing errors are attached to the stitched entity's status.
    const errors = (entities as AlphaEntity[]).flatMap(e =>
      (e.status?.items ?? [])
        .filter(item => item.level === 'error')
        .map(item => `${stringifyEntityRef(e)}: ${item.error?.message}`),
    );
    expect(errors).toEqual([]);
    expect(await unprocessable()).toEqual([]);

    const services = entities.filter(
      e => e.kind === 'Component' && e.spec?.type === 'service',
    );
    expect(services.map(s => s.metadata.name).sort()).toEqual([
      'admin',
      'api-gateway',
      'audit',
      'auth',
      'billing',
      'connector-service',
      'etl-workers',
      'notification',
      'pipeline-service',
      'reporting',
      'search',
      'user-management',
    ]);
    // Every service resolves to an owning group that exists.
    for (const service of services) {
      const owner = service.relations!.find(r => r.type === 'ownedBy');
      expect(owner && byRef.get(owner.targetRef)?.kind).toBe('Group');
    }

    // The shared legacy database is visible from its side: three services depend on it.
    const legacyDb = byRef.get('resource:default/legacy-db')!;
    expect(
      legacyDb
        .relations!.filter(r => r.type === 'dependencyOf')
        .map(r => r.targetRef)
        .sort(),
    ).toEqual([
      'component:default/admin',
      'component:default/billing',
      'component:default/user-management',
    ]);

    // The service model's relations, both directions: who writes and who reads a topic.
    const targets = (ref: string, type: string) =>
      byRef
        .get(ref)!
        .relations!.filter(r => r.type === type)
        .map(r => r.targetRef)
        .sort();
    const completed = 'resource:default/pipeline-run-completed';
    expect(targets(completed, 'producedBy')).toEqual([
      'component:default/etl-workers',
    ]);
    expect(targets(completed, 'consumedBy')).toEqual(
      expect.arrayContaining([
        'component:default/billing',
        'component:default/notification',
      ]),
    );
    expect(targets(completed, 'hasSchema')).toEqual([
      'api:default/pipeline-events',
    ]);
    expect(targets('component:default/etl-workers', 'produces')).toContain(
      completed,
    );
    expect(targets('component:default/etl-workers', 'consumes')).toEqual([
      'resource:default/etl-tasks',
    ]);
    expect(
      targets('resource:default/user-deletion-requested', 'consumedBy'),
    ).toEqual([
      'component:default/audit',
      'component:default/auth',
      'component:default/billing',
    ]);
    // Topics are no longer dependencies: dependsOn is for databases (and components) only.
    expect(targets(completed, 'dependencyOf')).toEqual([]);
    // Every topic and the queue has a schema and a producer; every service a tier.
    const topics = entities.filter(e =>
      ['kafka-topic', 'rabbitmq-queue'].includes(e.spec?.type as string),
    );
    expect(topics).toHaveLength(11);
    for (const topic of topics) {
      const ref = stringifyEntityRef(topic);
      expect([ref, targets(ref, 'hasSchema').length]).toEqual([ref, 1]);
      expect([ref, targets(ref, 'producedBy').length]).toEqual([ref, 1]);
    }
    expect(
      services
        .map(s => s.spec?.tier)
        .every(t => [1, 2, 3].includes(t as number)),
    ).toBe(true);

    // Teams sit under their parent groups and have members.
    const pipelines = byRef.get('group:default/pipelines')!;
    expect(
      pipelines.relations!.some(
        r =>
          r.type === 'childOf' && r.targetRef === 'group:default/engineering',
      ),
    ).toBe(true);
    expect(
      pipelines.relations!.filter(r => r.type === 'hasMember').length,
    ).toBeGreaterThan(0);
  }, 120_000);
});
