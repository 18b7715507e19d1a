import type { Entity } from '@backstage/catalog-model';
import { isComponent, namespaceOf, specOf } from '../entity';
import { checkResourceRefList } from '../refs';
import type { ModelViolation, ServiceModelRule } from '../types';

const RULE = 'component-produces';

function check(entity: Entity): ModelViolation[] {
  if (!isComponent(entity)) {
    return [];
  }
  return checkResourceRefList(
    RULE,
    'produces',
    specOf(entity).produces,
    namespaceOf(entity),
    'resource:default/pipeline-run-created',
  );
}

/** `spec.produces`: optional list of refs (default kind resource), each to a Resource. */
export const producesRule: ServiceModelRule = {
  id: RULE,
  description:
    'spec.produces of a Component is a list of entity refs (default kind resource) to Resources',
  check,
};
