import type { Entity } from '@backstage/catalog-model';
import { SERVICE_TIERS } from '../constants';
import { isComponent, isService, show, specOf } from '../entity';
import type {
  ModelRecommendation,
  ModelViolation,
  ServiceModelRule,
} from '../types';

const RULE = 'service-tier';
const MEANING =
  '1 (customer-facing, paged 24/7), 2, or 3 (internal, best effort)';

function check(entity: Entity): ModelViolation[] {
  if (!isComponent(entity)) {
    return [];
  }
  const tier = specOf(entity).tier;
  if (tier === undefined || tier === null) {
    return [];
  }
  if ((SERVICE_TIERS as readonly unknown[]).includes(tier)) {
    return [];
  }
  const quoted =
    typeof tier === 'string' &&
    (SERVICE_TIERS as readonly number[]).includes(Number(tier));
  return [
    {
      rule: RULE,
      path: 'spec.tier',
      message: `must be the integer 1, 2 or 3, got ${show(tier)}`,
      fix: quoted
        ? `Write the number without quotes: \`tier: ${Number(tier)}\`.`
        : `Use ${MEANING}.`,
    },
  ];
}

function recommend(entity: Entity): ModelRecommendation[] {
  const tier = specOf(entity).tier;
  if (!isService(entity) || (tier !== undefined && tier !== null)) {
    return [];
  }
  return [
    {
      rule: RULE,
      path: 'spec.tier',
      message: 'No tier',
      why: 'Paging urgency, SLO targets and scorecard thresholds depend on it: without it nobody can tell whether an alert on this service wakes someone at 3 a.m.',
      fix: `Add \`tier: <n>\` under spec, n = ${MEANING}.`,
    },
  ];
}

/** `spec.tier`: integer 1, 2 or 3 on a `Component`; recommended for `spec.type: service`. */
export const serviceTierRule: ServiceModelRule = {
  id: RULE,
  description:
    'spec.tier of a Component is the integer 1, 2 or 3; recommended for spec.type: service',
  check,
  recommend,
};
