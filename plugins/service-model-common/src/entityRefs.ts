import { parseEntityRef, stringifyEntityRef } from '@backstage/catalog-model';

/** What a ref that names no kind or namespace resolves against. */
export type RefContext = {
  /** The kind when the ref names none, e.g. `Group` for `spec.owner`; none: the kind is required. */
  defaultKind?: string;
  /** The namespace when the ref names none; `default` when omitted. */
  defaultNamespace?: string;
};

/**
 * The full, lower-case form of an entity ref (`kind:namespace/name`), as the catalog compares
 * refs (case-insensitively, the name too): `Group:Team-A` → `group:default/team-a`. Upstream's
 * `parseEntityRef` and `stringifyEntityRef` with the field's defaults; throws upstream's error
 * when `ref` is not one. Lower-cased here as well, so the rule holds whatever upstream's
 * `stringifyEntityRef` does with the case of the name.
 */
export function normalizeRef(ref: string, context?: RefContext): string {
  return stringifyEntityRef(parseEntityRef(ref, context)).toLocaleLowerCase(
    'en-US',
  );
}

/** {@link normalizeRef}, or `undefined` when `ref` is not an entity ref. */
export function tryNormalizeRef(
  ref: string,
  context?: RefContext,
): string | undefined {
  try {
    return normalizeRef(ref, context);
  } catch {
    return undefined;
  }
}

/** The lower-case kind of an entity ref, or `undefined` when it is not one or names no kind. */
export function kindOfRef(
  ref: string,
  context?: RefContext,
): string | undefined {
  const normalized = tryNormalizeRef(ref, context);
  return normalized?.slice(0, normalized.indexOf(':'));
}
