import type { Entity } from '@backstage/catalog-model';

/** A valid tier-1 service with one produced and one consumed topic; `spec` overrides merge in. */
export function service(spec: Record<string, unknown> = {}): Entity {
  return {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Component',
    metadata: { name: 'pipeline-service' },
    spec: {
      type: 'service',
      lifecycle: 'production',
      owner: 'group:default/pipelines',
      tier: 1,
      produces: ['resource:default/pipeline-run-created'],
      consumes: ['connector-configured'],
      ...spec,
    },
  };
}

export function database(spec: Record<string, unknown> = {}): Entity {
  return {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Resource',
    metadata: { name: 'pipeline-db' },
    spec: {
      type: 'database',
      owner: 'group:default/pipelines',
      engine: 'postgresql',
      personalData: false,
      ...spec,
    },
  };
}

export function topic(spec: Record<string, unknown> = {}): Entity {
  return {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Resource',
    metadata: { name: 'pipeline-run-created', title: 'pipeline.run.created' },
    spec: {
      type: 'kafka-topic',
      owner: 'group:default/pipelines',
      topic: 'pipeline.run.created',
      schema: 'api:default/pipeline-events',
      ...spec,
    },
  };
}

export function queue(spec: Record<string, unknown> = {}): Entity {
  return {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Resource',
    metadata: { name: 'etl-tasks', title: 'etl.tasks' },
    spec: {
      type: 'rabbitmq-queue',
      owner: 'group:default/pipelines',
      topic: 'etl.tasks',
      schema: 'etl-task-queue',
      ...spec,
    },
  };
}

/** Removes a spec field (overrides can only set). */
export function without(entity: Entity, field: string): Entity {
  const { [field]: _removed, ...spec } = entity.spec ?? {};
  return { ...entity, spec };
}
