import { Entity } from '@backstage/catalog-model';
import {
  formatModelViolation,
  validateServiceModel,
} from '@internal/plugin-service-model-common';
import { SPEC_FIELDS } from './specFields';
import { SetSpecFieldEdit } from './types';

/** A value no rule of the service model accepts for any field (see `modelRefusal`). */
const NOT_A_FIELD_VALUE = Object.freeze({ notAFieldValue: true });

/**
 * Why the service model refuses `value` at `path` for this entity, or
 * undefined when it accepts it: the catalog's own rules
 * (`validateServiceModel`) decide, so a proposal can never write what the
 * catalog would then refuse. A rule checks a field only on the entities it
 * applies to, so a field that no rule checks even for a value no rule accepts
 * does not belong to this entity (e.g. `spec.tier` on a database).
 */
export function modelRefusal(
  entity: Entity,
  entityRef: string,
  path: SetSpecFieldEdit['path'],
  value: unknown,
): string | undefined {
  const spec =
    entity.spec && typeof entity.spec === 'object' ? entity.spec : {};
  const violationsWith = (v: unknown) =>
    validateServiceModel({
      ...entity,
      spec: { ...spec, [SPEC_FIELDS[path].key]: v } as Entity['spec'],
    }).filter(violation => violation.path === path);

  const violations = violationsWith(value);
  if (violations.length > 0) {
    return violations.map(formatModelViolation).join('; ');
  }
  if (violationsWith(NOT_A_FIELD_VALUE).length === 0) {
    const type = typeof spec.type === 'string' ? ` of type ${spec.type}` : '';
    return `${path} is not part of the service model of ${entityRef} (${entity.kind}${type}); it belongs to ${SPEC_FIELDS[path].kind} entities`;
  }
  return undefined;
}
