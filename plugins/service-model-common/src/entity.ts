import { DEFAULT_NAMESPACE, Entity } from '@backstage/catalog-model';
import {
  COMPONENT_TYPE_SERVICE,
  MESSAGING_RESOURCE_TYPES,
  RESOURCE_TYPE_DATABASE,
} from './constants';

/** The entity's spec as a plain record (empty when missing or not an object). */
export function specOf(entity: Entity | undefined): Record<string, unknown> {
  const spec: unknown = entity?.spec;
  return spec && typeof spec === 'object' && !Array.isArray(spec)
    ? (spec as Record<string, unknown>)
    : {};
}

function isKind(entity: Entity | undefined, kind: string): boolean {
  return (
    typeof entity?.kind === 'string' &&
    entity.kind.toLocaleLowerCase('en-US') === kind
  );
}

/** The namespace relative refs in the entity's spec resolve against. */
export function namespaceOf(entity: Entity): string {
  return entity.metadata?.namespace || DEFAULT_NAMESPACE;
}

/** A Component (kind compared case-insensitively, as the catalog does). */
export function isComponent(entity: Entity | undefined): boolean {
  return isKind(entity, 'component');
}

/** A Component of `spec.type: service`. */
export function isService(entity: Entity | undefined): boolean {
  return isComponent(entity) && specOf(entity).type === COMPONENT_TYPE_SERVICE;
}

/** A Resource of `spec.type: database`. */
export function isDatabase(entity: Entity | undefined): boolean {
  return (
    isKind(entity, 'resource') && specOf(entity).type === RESOURCE_TYPE_DATABASE
  );
}

/** A Resource of a messaging type (`kafka-topic`, `rabbitmq-queue`). */
export function isTopicOrQueue(entity: Entity | undefined): boolean {
  const type = specOf(entity).type;
  return (
    isKind(entity, 'resource') &&
    (MESSAGING_RESOURCE_TYPES as readonly unknown[]).includes(type)
  );
}

/** How a value looks in a message: JSON, so strings keep their quotes. */
export function show(value: unknown): string {
  return value === undefined ? 'nothing' : JSON.stringify(value);
}
