/*
 * A small catalog in Strata's service model, with the relations the catalog
 * would store (both directions), for tests of the Data & events card.
 *
 *   pipeline-service (pipelines)  dependsOn pipeline-db
 *                                 produces  pipeline-run-created → consumed by reporting
 *                                 produces  pipeline-run-failed  → no consumer
 *                                 produces  etl-tasks            → consumed by etl-workers
 *                                 consumes  connector-configured → no producer
 *   user-management (identity), billing (billing), admin (no owner) dependsOn legacy-db (shared)
 */
import { Entity, stringifyEntityRef } from '@backstage/catalog-model';

type Relation = [type: string, targetRef: string];

function entity(
  kind: string,
  name: string,
  spec: NonNullable<Entity['spec']>,
  relations: Relation[],
  title?: string,
): Entity {
  return {
    apiVersion: 'backstage.io/v1alpha1',
    kind,
    metadata: { name, namespace: 'default', ...(title ? { title } : {}) },
    spec,
    relations: relations.map(([type, targetRef]) => ({ type, targetRef })),
  };
}

function service(name: string, owner: string | undefined, rels: Relation[]) {
  return entity(
    'Component',
    name,
    {
      type: 'service',
      lifecycle: 'production',
      ...(owner ? { owner: `group:default/${owner}` } : {}),
    },
    [
      ...(owner
        ? [['ownedBy', `group:default/${owner}`] as Relation]
        : ([] as Relation[])),
      ...rels,
    ],
  );
}

function database(
  name: string,
  title: string,
  personalData: boolean,
  users: string[],
) {
  return entity(
    'Resource',
    name,
    { type: 'database', engine: 'postgresql', personalData },
    users.map(user => ['dependencyOf', `component:default/${user}`]),
    title,
  );
}

function topic(
  name: string,
  type: 'kafka-topic' | 'rabbitmq-queue',
  brokerName: string,
  producers: string[],
  consumers: string[],
  schema?: string,
) {
  return entity(
    'Resource',
    name,
    {
      type,
      topic: brokerName,
      ...(schema ? { schema: `api:default/${schema}` } : {}),
    },
    [
      ...producers.map(
        p => ['producedBy', `component:default/${p}`] as Relation,
      ),
      ...consumers.map(
        c => ['consumedBy', `component:default/${c}`] as Relation,
      ),
      ...(schema ? [['hasSchema', `api:default/${schema}`] as Relation] : []),
    ],
    brokerName,
  );
}

export const pipelineService = service('pipeline-service', 'pipelines', [
  ['dependsOn', 'resource:default/pipeline-db'],
  ['produces', 'resource:default/pipeline-run-created'],
  ['produces', 'resource:default/pipeline-run-failed'],
  ['produces', 'resource:default/etl-tasks'],
  ['consumes', 'resource:default/connector-configured'],
  ['partOf', 'system:default/pipelines'],
]);
export const etlWorkers = service('etl-workers', 'pipelines', [
  ['consumes', 'resource:default/etl-tasks'],
]);
export const reporting = service('reporting', 'reporting', [
  ['consumes', 'resource:default/pipeline-run-created'],
]);
export const userManagement = service('user-management', 'identity', [
  ['dependsOn', 'resource:default/legacy-db'],
]);
export const billing = service('billing', 'billing', [
  ['dependsOn', 'resource:default/legacy-db'],
  // Old-style data: a topic listed in dependsOn is not a database.
  ['dependsOn', 'resource:default/pipeline-run-created'],
  ['dependsOn', 'component:default/user-management'],
]);
export const admin = service('admin', undefined, [
  ['dependsOn', 'resource:default/legacy-db'],
]);

export const pipelineDb = database('pipeline-db', 'Pipeline DB', false, [
  'pipeline-service',
]);
export const legacyDb = database('legacy-db', 'Legacy DB', true, [
  'user-management',
  'billing',
  'admin',
]);

export const pipelineRunCreated = topic(
  'pipeline-run-created',
  'kafka-topic',
  'pipeline.run.created',
  ['pipeline-service'],
  ['reporting'],
  'pipeline-events',
);
export const pipelineRunFailed = topic(
  'pipeline-run-failed',
  'kafka-topic',
  'pipeline.run.failed',
  ['pipeline-service'],
  [],
  'pipeline-events',
);
export const etlTasks = topic(
  'etl-tasks',
  'rabbitmq-queue',
  'etl.tasks',
  ['pipeline-service'],
  ['etl-workers'],
  'etl-task-queue',
);
export const connectorConfigured = topic(
  'connector-configured',
  'kafka-topic',
  'connector.configured',
  [],
  ['pipeline-service'],
  'connector-events',
);
export const orphanQueue = topic(
  'orphan-queue',
  'rabbitmq-queue',
  'orphan.queue',
  [],
  [],
);

export const catalog: Entity[] = [
  pipelineService,
  etlWorkers,
  reporting,
  userManagement,
  billing,
  admin,
  pipelineDb,
  legacyDb,
  pipelineRunCreated,
  pipelineRunFailed,
  etlTasks,
  connectorConfigured,
  orphanQueue,
];

/** The catalog as a lookup by (lower-case) entity ref. */
export function lookupOf(
  entities: Entity[] = catalog,
): ReadonlyMap<string, Entity> {
  return new Map(entities.map(e => [stringifyEntityRef(e), e]));
}
