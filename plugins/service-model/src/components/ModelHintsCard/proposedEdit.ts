import type { ProposeChangeInitialEdit } from '@internal/plugin-catalog-edits';
import { isSpecFieldPath } from '@internal/plugin-catalog-edits-common';
import type { ModelRecommendation } from '@internal/plugin-service-model-common';

/** The suggested value as the dialog's form shows it; empty to let the user pick. */
const asText = (value: unknown): string =>
  ['string', 'number', 'boolean'].includes(typeof value) ? String(value) : '';

/**
 * The catalog-edits change that fills a recommended field, prefilled with the suggested value:
 * `spec.owner` with `setOwner`, every field catalog-edits can set (its SPEC_FIELDS) with
 * `setSpecField` (catalog-edits checks the value with the model's own rule before it opens a
 * pull request); undefined when Strata cannot propose it yet.
 */
export function proposedEditFor(
  recommendation: ModelRecommendation,
): ProposeChangeInitialEdit | undefined {
  const value = asText(recommendation.suggestedValue);
  if (recommendation.path === 'spec.owner') {
    return { type: 'setOwner', value };
  }
  if (isSpecFieldPath(recommendation.path)) {
    return { type: 'setSpecField', path: recommendation.path, value };
  }
  return undefined;
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
