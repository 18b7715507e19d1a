import { Entity } from '@backstage/catalog-model';

export function component(
  name: string,
  options: { type?: string; annotations?: Record<string, string> } = {},
): Entity {
  return {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Component',
    metadata: { name, namespace: 'default', annotations: options.annotations },
    spec: { type: options.type ?? 'service', owner: 'group:default/pipelines' },
  };
}

export const pipelineService = component('pipeline-service', {
  annotations: {
    'strata.dev/otel-service-name': 'pipeline-service',
    'strata.dev/slo-file': 'slo.yaml',
  },
});

/** A system with its parts as the catalog relates them (`hasPart`). */
export function system(name: string, parts: string[]): Entity {
  return {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'System',
    metadata: { name, namespace: 'default' },
    spec: { owner: 'group:default/pipelines' },
    relations: parts.map(targetRef => ({ type: 'hasPart', targetRef })),
  };
}

export const pipelinesSystem = system('pipelines', [
  'component:default/pipeline-service',
  'component:default/etl-workers',
  'resource:default/pipeline-db',
  'resource:default/etl-tasks',
]);
