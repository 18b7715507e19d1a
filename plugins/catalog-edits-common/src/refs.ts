import { normalizeRef } from '@internal/plugin-service-model-common';
import { CatalogEditError } from './errors';

/** A full, lower-case ref that YAML reads as the same string when written plain. */
const PLAIN_REF = /^[a-z0-9]+:[a-z0-9._-]+\/[a-z0-9._-]+$/;

/**
 * The ref an edit writes into a file: the service model's `normalizeRef`
 * (full and lower case, as the catalog compares refs), of one of `kinds`,
 * and plain enough to write unquoted. Throws `invalid-reference` otherwise.
 */
export function refToWrite(
  ref: string,
  options: { defaultKind: string; defaultNamespace: string; kinds: string[] },
): string {
  let normalized: string;
  try {
    normalized = normalizeRef(ref.trim(), {
      defaultKind: options.defaultKind,
      defaultNamespace: options.defaultNamespace,
    });
  } catch {
    throw new CatalogEditError(
      'invalid-reference',
      `'${ref}' is not a valid entity reference`,
    );
  }
  const kind = normalized.slice(0, normalized.indexOf(':'));
  if (!PLAIN_REF.test(normalized) || !options.kinds.includes(kind)) {
    throw new CatalogEditError(
      'invalid-reference',
      `'${ref}' is not a valid reference to a ${options.kinds.join(' or ')}`,
    );
  }
  return normalized;
}
