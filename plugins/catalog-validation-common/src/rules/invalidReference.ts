import { Entity } from '@backstage/catalog-model';
import { collectEntityReferences } from '../references';
import { EntityReference } from '../types';
import { EntityRule, RuleFinding } from './types';

function kindOf(ref: string): string {
  return ref.slice(0, ref.indexOf(':'));
}

function check(reference: EntityReference): RuleFinding[] {
  const { field, value, targetRef, allowedKinds } = reference;
  if (!targetRef) {
    const name = /^[\w.-]+$/.test(value) ? value : '<name>';
    return [
      {
        path: reference.path,
        message: `${field}: ${reference.error}`,
        hint: reference.defaultKind
          ? `Write [kind:][namespace/]name, e.g. ${reference.defaultKind.toLowerCase()}:default/${name}.`
          : `${field} has no default kind: write the full reference, e.g. resource:default/${name} or component:default/${name}.`,
      },
    ];
  }
  const kind = kindOf(targetRef);
  if (allowedKinds && !allowedKinds.some(k => k.toLowerCase() === kind)) {
    return [
      {
        path: reference.path,
        severity: 'warning',
        message: `${field} refers to a ${kind}, but it may only refer to ${allowedKinds.join(
          ' or ',
        )}`,
        hint: `The catalog does not create the ${
          reference.relation
        } relation for other kinds; point ${field} at a ${allowedKinds.join(
          ' or ',
        )}.`,
      },
    ];
  }
  return [];
}

export const invalidReferenceRule: EntityRule = {
  id: 'invalid-reference',
  severity: 'error',
  description:
    'References (spec.owner, spec.dependsOn, ...) must be valid entity refs; fields without a default kind (dependsOn, dependencyOf) must name the kind.',
  check(entity: Entity) {
    return collectEntityReferences(entity).flatMap(check);
  },
};
