import { sharedSpecComponents } from '@internal/openapi-runtime';
import { OpenApiDocument } from '../spec/types';

/**
 * Whether two JSON values are equal, key order aside. (Not util's
 * isDeepStrictEqual: it also compares prototypes, which differ between
 * realms, e.g. under Jest.)
 */
function sameJson(a: unknown, b: unknown): boolean {
  if (a === b) {
    return true;
  }
  if (!a || !b || typeof a !== 'object' || typeof b !== 'object') {
    return false;
  }
  if (Array.isArray(a) !== Array.isArray(b)) {
    return false;
  }
  const aKeys = Object.keys(a);
  const bKeys = Object.keys(b);
  return (
    aKeys.length === bKeys.length &&
    aKeys.every(
      k =>
        Object.prototype.hasOwnProperty.call(b, k) &&
        sameJson(
          (a as Record<string, unknown>)[k],
          (b as Record<string, unknown>)[k],
        ),
    )
  );
}

/**
 * The spec as a TypeScript literal for a generated router, with each part that
 * equals one of @internal/openapi-runtime's shared components (the Error
 * schema, the ErrorResponse, the JWT scheme) written as a reference to it, so
 * routers do not each repeat them. Only an exact match is replaced: a spec
 * with its own variant keeps it inline, and the value the router sees is the
 * same either way.
 */
export function specLiteral(spec: OpenApiDocument): {
  source: string;
  imports: string[];
} {
  const copy = JSON.parse(JSON.stringify(spec)) as Record<string, unknown>;
  const imports: string[] = [];
  const markers = new Map<string, string>();
  for (const [name, { at, value }] of Object.entries(sharedSpecComponents)) {
    const parent = at
      .slice(0, -1)
      .reduce<unknown>(
        (node, key) =>
          node && typeof node === 'object'
            ? (node as Record<string, unknown>)[key]
            : undefined,
        copy,
      ) as Record<string, unknown> | undefined;
    const key = at[at.length - 1];
    if (parent && typeof parent === 'object' && sameJson(parent[key], value)) {
      // A string no spec contains, swapped for the identifier after printing.
      const marker = `\u0000shared:${name}\u0000`;
      parent[key] = marker;
      markers.set(JSON.stringify(marker), name);
      imports.push(name);
    }
  }
  let source = JSON.stringify(copy, null, 2);
  for (const [quoted, name] of markers) {
    source = source.replace(quoted, name);
  }
  return { source, imports: imports.sort() };
}
