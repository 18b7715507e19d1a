import type { Entity } from '@backstage/catalog-model';
import { serviceModelRules } from './rules';
import type { ModelViolation } from './types';

/**
 * Checks an entity against Strata's service model (docs/catalog-model.md). Pure: it looks at
 * the entity alone (whether referenced entities exist is the catalog's business). Returns []
 * for a valid entity and for entities the model does not cover.
 */
export function validateServiceModel(entity: Entity): ModelViolation[] {
  return serviceModelRules.flatMap(rule => rule.check(entity));
}

/** One line per violation: `spec.tier: must be … (fix: …)`. */
export function formatModelViolation(violation: ModelViolation): string {
  return `${violation.path}: ${violation.message} (fix: ${violation.fix})`;
}
