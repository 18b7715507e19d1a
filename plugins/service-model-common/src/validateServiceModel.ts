import type { Entity } from '@backstage/catalog-model';
import { serviceModelRules } from './rules';
import type {
  ModelRecommendation,
  ModelViolation,
  ServiceModelRule,
  ValidateServiceModelOptions,
} from './types';

function recommendationsOf(
  rule: ServiceModelRule,
  entity: Entity,
): ModelRecommendation[] {
  return rule.recommend ? rule.recommend(entity) : [];
}

/**
 * The fields Strata adds that the entity leaves out (docs/catalog-model.md, "What Strata
 * recommends"): a standard Backstage entity is served without them, and this says what to add
 * and why. Pure; [] for a complete entity and for entities the model does not cover. The
 * entity-page hint card, scorecards and the validator's warnings all count with it.
 */
export function modelRecommendations(entity: Entity): ModelRecommendation[] {
  return serviceModelRules.flatMap(rule => recommendationsOf(rule, entity));
}

/** A missing recommended field as a violation (strict mode). */
export function recommendationAsViolation(
  recommendation: ModelRecommendation,
): ModelViolation {
  return {
    rule: recommendation.rule,
    path: recommendation.path,
    message: `is required in strict mode (${recommendation.message}: ${recommendation.why})`,
    fix: recommendation.fix,
  };
}

/**
 * Checks an entity against Strata's service model (docs/catalog-model.md). Pure: it looks at
 * the entity alone (whether referenced entities exist is the catalog's business). Returns the
 * fields that are present but wrong; with `strict`, also the recommended fields that are
 * missing (see {@link modelRecommendations}). [] for a valid entity and for entities the model
 * does not cover. Violations come in the order the doc lists the fields.
 */
export function validateServiceModel(
  entity: Entity,
  options: ValidateServiceModelOptions = {},
): ModelViolation[] {
  return serviceModelRules.flatMap(rule => [
    ...rule.check(entity),
    ...(options.strict
      ? recommendationsOf(rule, entity).map(recommendationAsViolation)
      : []),
  ]);
}

/** One line per violation: `spec.tier: must be … (fix: …)`. */
export function formatModelViolation(violation: ModelViolation): string {
  return `${violation.path}: ${violation.message} (fix: ${violation.fix})`;
}
