/*
 * Whether a proposed service name can be used: its shape (the shared rule) and whether the
 * catalog already has a Component by that name. The scaffolder action
 * strata:catalog:check-new-entity asks the same question on the backend before anything is
 * created; this copy only lets the person see the answer while typing.
 */
import {
  Entity,
  RELATION_OWNED_BY,
  parseEntityRef,
  stringifyEntityRef,
} from '@backstage/catalog-model';
import { CatalogApi } from '@backstage/plugin-catalog-react';
import { serviceNameProblem } from '@internal/plugin-service-model-common';

export type ServiceNameStatus =
  | { state: 'malformed'; problem: string }
  | { state: 'available' }
  | { state: 'taken'; entityRef: string; ownerRef?: string };

/** The catalog entity a new service named `name` would become. */
export function newServiceEntityRef(name: string): string {
  return stringifyEntityRef({ kind: 'Component', namespace: 'default', name });
}

/** The owner of an entity as a full ref (`group:default/growth`), if it names one. */
export function ownerRefOf(entity: Entity): string | undefined {
  // The processed relation is already a full ref; spec.owner may be shorthand ("growth").
  const relation = entity.relations?.find(r => r.type === RELATION_OWNED_BY);
  if (relation) {
    return relation.targetRef;
  }
  const owner = entity.spec?.owner;
  if (typeof owner !== 'string' || owner === '') {
    return undefined;
  }
  return stringifyEntityRef(
    parseEntityRef(owner, {
      defaultKind: 'Group',
      defaultNamespace: entity.metadata.namespace ?? 'default',
    }),
  );
}

/**
 * Checks the shape first, so malformed names never cost a catalog request. Asks with a filter
 * query rather than by ref: a free name then answers 200 with no items instead of a 404, which
 * browsers log as an error on every check.
 */
export async function checkServiceName(
  name: string,
  catalogApi: Pick<CatalogApi, 'getEntities'>,
): Promise<ServiceNameStatus> {
  const problem = serviceNameProblem(name);
  if (problem) {
    return { state: 'malformed', problem };
  }
  const { items } = await catalogApi.getEntities({
    filter: {
      kind: 'Component',
      'metadata.namespace': 'default',
      'metadata.name': name,
    },
    fields: [
      'kind',
      'metadata.name',
      'metadata.namespace',
      'spec.owner',
      'relations',
    ],
  });
  const existing = items[0];
  if (!existing) {
    return { state: 'available' };
  }
  return {
    state: 'taken',
    entityRef: newServiceEntityRef(name),
    ownerRef: ownerRefOf(existing),
  };
}

/** The sentence shown under the field (and as the validation error when it blocks). */
export function describeServiceNameStatus(
  name: string,
  status: ServiceNameStatus,
): string {
  switch (status.state) {
    case 'malformed':
      return status.problem;
    case 'available':
      return `${name} is available`;
    case 'taken':
      return status.ownerRef
        ? `${name} is taken by ${status.entityRef} (owner ${status.ownerRef})`
        : `${name} is taken by ${status.entityRef}`;
    default:
      return '';
  }
}
