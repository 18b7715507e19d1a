import { Entity } from '@backstage/catalog-model';
import { validateServiceModel } from '@internal/plugin-service-model-common';
import { PathSegment } from '../types';
import { EntityRule } from './types';

/**
 * Splits a service model field path (`spec.produces[2]`, `spec.tier`) into
 * the segments the YAML locator walks: `['spec', 'produces', 2]`.
 */
export function parseFieldPath(path: string): PathSegment[] {
  const segments: PathSegment[] = [];
  for (const match of path.matchAll(/([^.[\]]+)|\[(\d+)\]/g)) {
    segments.push(match[2] !== undefined ? Number(match[2]) : match[1]);
  }
  return segments;
}

/**
 * Strata's service model (docs/catalog-model.md), checked by the same code
 * the catalog processor runs (`validateServiceModel`). Runs only on entities
 * that passed the schema checks, as the catalog validates kinds after its
 * policies.
 */
export const serviceModelRule: EntityRule = {
  id: 'service-model',
  severity: 'error',
  description:
    "Strata's service model (docs/catalog-model.md): spec.tier of services, spec.produces/consumes of Components, spec.engine/personalData of databases, spec.topic/schema of topics and queues.",
  check(entity: Entity) {
    return validateServiceModel(entity).map(violation => ({
      path: parseFieldPath(violation.path),
      message: `${violation.path} ${violation.message}`,
      hint: violation.fix,
    }));
  },
};
