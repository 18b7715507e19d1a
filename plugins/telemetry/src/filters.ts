import { Entity, RELATION_HAS_PART } from '@backstage/catalog-model';
import {
  ANNOTATION_OTEL_SERVICE_NAME,
  ANNOTATION_SLO_FILE,
} from '@internal/plugin-service-model-common';

const lower = (s: string) => s.toLocaleLowerCase('en-US');

/**
 * The OpenTelemetry `service.name` an entity's spans carry: `strata.dev/otel-service-name`,
 * else the entity's name — the same rule the backend maps spans to entities by.
 */
export function serviceNameOf(entity: Entity): string {
  const annotated = entity.metadata.annotations?.[ANNOTATION_OTEL_SERVICE_NAME];
  return annotated?.trim() || entity.metadata.name;
}

/** The entity's `strata.dev/slo-file`, if it names one. */
export function sloFileOf(entity: Entity): string | undefined {
  return (
    entity.metadata.annotations?.[ANNOTATION_SLO_FILE]?.trim() || undefined
  );
}

const RUNNING_TYPES = ['service', 'website'];

/**
 * Components that run and so may emit traces and keep SLOs: services and websites, and any
 * component annotated with a service name or an SLO file. Libraries and the like get no
 * telemetry cards.
 */
export function isRunningComponent(entity: Entity): boolean {
  if (lower(entity.kind) !== 'component') return false;
  if (entity.metadata.annotations?.[ANNOTATION_OTEL_SERVICE_NAME]) return true;
  if (sloFileOf(entity)) return true;
  const type = entity.spec?.type;
  return typeof type === 'string' && RUNNING_TYPES.includes(type);
}

export function isSystem(entity: Entity): boolean {
  return lower(entity.kind) === 'system';
}

/**
 * The refs (lower case, as the telemetry backend writes edge ends) of what a system has as
 * parts: its components and resources (`hasPart`).
 */
export function partsOfSystem(entity: Entity): Set<string> {
  return new Set(
    (entity.relations ?? [])
      .filter(relation => relation.type === RELATION_HAS_PART)
      .map(relation => lower(relation.targetRef)),
  );
}
