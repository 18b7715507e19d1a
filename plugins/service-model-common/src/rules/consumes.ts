import type { Entity } from '@backstage/catalog-model';
import { isComponent, namespaceOf, specOf } from '../entity';
import { checkResourceRefList } from '../refs';
import type { ModelViolation, ServiceModelRule } from '../types';

const RULE = 'component-consumes';

function check(entity: Entity): ModelViolation[] {
  if (!isComponent(entity)) {
    return [];
  }
  return checkResourceRefList(
    RULE,
    'consumes',
    specOf(entity).consumes,
    namespaceOf(entity),
    'resource:default/connector-configured',
  );
}

/** `spec.consumes`: optional list of refs (default kind resource), each to a Resource. */
export const consumesRule: ServiceModelRule = {
  id: RULE,
  description:
    'spec.consumes of a Component is a list of entity refs (default kind resource) to Resources',
  check,
};
