import { DEFAULT_NAMESPACE, Entity } from '@backstage/catalog-model';
import { normalizeRef } from '@internal/plugin-service-model-common';
import { relationFieldsFor, RelationField } from './model/catalogModel';
import { serviceModelRelationFields } from './model/serviceModelFields';
import { EntityReference, PathSegment } from './types';
import { errorMessage } from './errorMessage';

function valuesAt(
  entity: Entity,
  path: string[],
): { value: unknown; path: PathSegment[] }[] {
  let current: unknown = entity;
  for (const key of path) {
    if (typeof current !== 'object' || current === null) {
      return [];
    }
    current = (current as Record<string, unknown>)[key];
  }
  if (Array.isArray(current)) {
    return current.map((value, i) => ({ value, path: [...path, i] }));
  }
  return current === undefined ? [] : [{ value: current, path }];
}

function resolve(
  value: string,
  field: RelationField,
  namespace: string,
): Pick<EntityReference, 'targetRef' | 'error'> {
  try {
    return {
      targetRef: normalizeRef(value, {
        defaultKind: field.defaultKind,
        defaultNamespace:
          field.defaultNamespace === 'default' ? DEFAULT_NAMESPACE : namespace,
      }),
    };
  } catch (e) {
    return { error: errorMessage(e) };
  }
}

/**
 * The references an entity makes to other entities (`spec.owner`,
 * `spec.system`, `spec.dependsOn`, `spec.memberOf`, ..., and the service model's
 * `spec.produces`, `spec.consumes`, `spec.schema`), resolved with the
 * default kind and namespace the catalog's processors use. Fields that are not
 * strings are skipped: the schema rule reports them.
 */
export function collectEntityReferences(entity: Entity): EntityReference[] {
  const namespace = entity.metadata?.namespace ?? DEFAULT_NAMESPACE;
  const fields = [
    ...relationFieldsFor(entity),
    ...serviceModelRelationFields(entity),
  ];
  return fields.flatMap(field =>
    valuesAt(entity, field.path.split('.')).flatMap(({ value, path }) => {
      if (typeof value !== 'string' || value === '') {
        return [];
      }
      const reference: EntityReference = {
        path,
        field: field.path,
        relation: field.relation,
        value,
        ...resolve(value, field, namespace),
      };
      if (field.defaultKind) {
        reference.defaultKind = field.defaultKind;
      }
      if (field.allowedKinds) {
        reference.allowedKinds = field.allowedKinds;
      }
      return [reference];
    }),
  );
}
