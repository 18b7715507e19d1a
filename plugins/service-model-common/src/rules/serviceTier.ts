import type { Entity } from '@backstage/catalog-model';
import { SERVICE_TIERS } from '../constants';
import { isComponent, isService, show, specOf } from '../entity';
import type { ModelViolation, ServiceModelRule } from '../types';

const RULE = 'service-tier';
const MEANING =
  '1 (customer-facing, paged 24/7), 2, or 3 (internal, best effort)';

function check(entity: Entity): ModelViolation[] {
  if (!isComponent(entity)) {
    return [];
  }
  const tier = specOf(entity).tier;
  if (tier === undefined || tier === null) {
    return isService(entity)
      ? [
          {
            rule: RULE,
            path: 'spec.tier',
            message: 'is required for a service',
            fix: `Add \`tier: <n>\` under spec, n = ${MEANING}.`,
          },
        ]
      : [];
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

/** `spec.tier`: integer 1, 2 or 3; required for `Component` with `spec.type: service`. */
export const serviceTierRule: ServiceModelRule = {
  id: RULE,
  description:
    'spec.tier of a Component is the integer 1, 2 or 3; required for spec.type: service',
  check,
};
