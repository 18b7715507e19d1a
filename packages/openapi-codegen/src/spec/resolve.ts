import { SpecError } from './SpecError';
import { OpenApiDocument, Reference } from './types';

type ComponentKind = 'schemas' | 'parameters' | 'requestBodies' | 'responses';

export function isReference(value: unknown): value is Reference {
  return (
    typeof value === 'object' &&
    value !== null &&
    typeof (value as Reference).$ref === 'string'
  );
}

/** The component name a local `$ref` of the given kind points at. */
export function refName(ref: string, kind: ComponentKind, where: string) {
  const prefix = `#/components/${kind}/`;
  if (!ref.startsWith(prefix)) {
    throw new SpecError(
      where,
      `$ref '${ref}' is not a local reference to components.${kind}`,
    );
  }
  return ref.slice(prefix.length);
}

/** Follows a `$ref` to components.<kind> (once; components refer by name). */
export function resolve<T>(
  spec: OpenApiDocument,
  value: T | Reference,
  kind: Exclude<ComponentKind, 'schemas'>,
  where: string,
): T {
  if (!isReference(value)) {
    return value;
  }
  const name = refName(value.$ref, kind, where);
  const target = spec.components?.[kind]?.[name];
  if (!target) {
    throw new SpecError(where, `$ref '${value.$ref}' points at nothing`);
  }
  return resolve(
    spec,
    target as T | Reference,
    kind,
    `components.${kind}.${name}`,
  );
}
