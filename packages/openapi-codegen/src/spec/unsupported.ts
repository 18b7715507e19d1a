import { SpecError } from './SpecError';
import { Schema } from './types';

// Keywords whose meaning the emitted types could not carry. Refusing them is
// better than emitting a type that silently accepts what the spec refuses.
const UNSUPPORTED = [
  'not',
  'if',
  'then',
  'else',
  'prefixItems',
  'patternProperties',
  'dependentSchemas',
  'unevaluatedProperties',
];

/** Throws when `schema` uses a keyword the generator has no type for. */
export function assertSupported(schema: Schema, where: string): void {
  for (const keyword of UNSUPPORTED) {
    if (keyword in schema) {
      throw new SpecError(
        where,
        `'${keyword}' is not supported by the generator (packages/openapi-codegen)`,
      );
    }
  }
  if (Array.isArray(schema.items)) {
    throw new SpecError(where, 'tuple `items` are not supported');
  }
}
