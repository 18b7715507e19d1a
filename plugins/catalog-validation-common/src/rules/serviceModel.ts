import { Entity } from '@backstage/catalog-model';
import {
  modelRecommendations,
  recommendationAsViolation,
  validateServiceModel,
} from '@internal/plugin-service-model-common';
import { PathSegment } from '../types';
import { EntityRule, RuleContext, RuleFinding } from './types';

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
 * policies. A field that is present but wrong is an error; a recommended
 * field that is missing (`modelRecommendations`) is a warning, and an error
 * in strict mode, as in the catalog with `strata.serviceModel.strict`.
 */
export const serviceModelRule: EntityRule = {
  id: 'service-model',
  severity: 'error',
  description:
    "Strata's service model (docs/catalog-model.md): spec.tier of services, spec.produces/consumes of Components, spec.engine/personalData of databases, spec.topic/schema of topics and queues. Wrong values are errors; missing recommended fields are warnings (errors in strict mode).",
  check(entity: Entity, context: RuleContext = {}) {
    // Wrong values only: missing fields are reported below, once.
    const findings: RuleFinding[] = validateServiceModel(entity).map(
      violation => ({
        path: parseFieldPath(violation.path),
        message: `${violation.path} ${violation.message}`,
        hint: violation.fix,
      }),
    );
    for (const recommendation of modelRecommendations(entity)) {
      if (context.strict) {
        const violation = recommendationAsViolation(recommendation);
        findings.push({
          path: parseFieldPath(violation.path),
          message: `${violation.path} ${violation.message}`,
          hint: violation.fix,
        });
      } else {
        findings.push({
          path: parseFieldPath(recommendation.path),
          message: `${recommendation.path} is recommended: ${recommendation.message}. ${recommendation.why}`,
          hint: `${recommendation.fix} Required in strict mode.`,
          severity: 'warning',
        });
      }
    }
    return findings;
  },
};
