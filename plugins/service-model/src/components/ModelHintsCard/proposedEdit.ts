import type { ProposeChangeInitialEdit } from '@internal/plugin-catalog-edits';
import type { ModelRecommendation } from '@internal/plugin-service-model-common';

/**
 * The catalog-edits change that fills a recommended field, by the field's path. Only paths the
 * catalog-edits backend can write are listed: today it edits `spec.owner`, `spec.dependsOn`
 * (databases) and `spec.produces`/`spec.consumes`, none of which is a recommendation yet.
 * `spec.tier`, `spec.engine`, `spec.personalData`, `spec.topic` and `spec.schema` need a new
 * edit kind in the backend (see plugins/catalog-edits-backend) before they can be listed here.
 */
const EDITS_BY_PATH: Record<
  string,
  (value: unknown) => ProposeChangeInitialEdit | undefined
> = {
  'spec.owner': value => ({
    type: 'setOwner',
    value: typeof value === 'string' ? value : '',
  }),
};

/** The prefilled change for a recommendation, or undefined when Strata cannot propose it yet. */
export function proposedEditFor(
  recommendation: ModelRecommendation,
): ProposeChangeInitialEdit | undefined {
  return EDITS_BY_PATH[recommendation.path]?.(recommendation.suggestedValue);
}

/** The YAML line to add, e.g. `spec.tier: 2`, when the hint carries a suggested value. */
export function suggestedLine(
  recommendation: ModelRecommendation,
): string | undefined {
  if (recommendation.suggestedValue === undefined) {
    return undefined;
  }
  return `${recommendation.path}: ${JSON.stringify(
    recommendation.suggestedValue,
  )}`;
}
