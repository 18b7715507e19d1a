import type { ProposeChangeInitialEdit } from '@internal/plugin-catalog-edits';
import type { ModelRecommendation } from '@internal/plugin-service-model-common';

/** The suggested value as the dialog's form shows it; empty to let the user pick. */
const asText = (value: unknown): string =>
  ['string', 'number', 'boolean'].includes(typeof value) ? String(value) : '';

type SpecFieldPath = Extract<
  ProposeChangeInitialEdit,
  { type: 'setSpecField' }
>['path'];

/** A `setSpecField` change of `path`, prefilled with the suggested value when there is one. */
const setField =
  (path: SpecFieldPath) =>
  (value: unknown): ProposeChangeInitialEdit => ({
    type: 'setSpecField',
    path,
    value: asText(value),
  });

/**
 * The catalog-edits change that fills a recommended field, by the field's path: `spec.owner`
 * with `setOwner`, the service model's fields with `setSpecField` (catalog-edits checks the
 * value with the model's own rule before it opens a pull request).
 */
const EDITS_BY_PATH: Record<
  string,
  (value: unknown) => ProposeChangeInitialEdit | undefined
> = {
  'spec.owner': value => ({ type: 'setOwner', value: asText(value) }),
  'spec.tier': setField('spec.tier'),
  'spec.engine': setField('spec.engine'),
  'spec.personalData': setField('spec.personalData'),
  'spec.topic': setField('spec.topic'),
  'spec.schema': setField('spec.schema'),
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
