/** One step of a fact path: a key, an index, or `[*]` (every item of a list). */
export type PathSegment =
  | { key: string }
  | { index: number }
  | { all: true };

const IDENTIFIER = /^[A-Za-z_$][\w$-]*/;

/**
 * Parses a fact path such as `metadata.annotations["strata.dev/slo-file"]`,
 * `metadata.links[*].title` or `spec.tier`. Throws an Error saying what is wrong and where.
 */
export function parseFactPath(path: string): PathSegment[] {
  const segments: PathSegment[] = [];
  let rest = path;
  let first = true;
  while (rest.length > 0) {
    if (rest.startsWith('[')) {
      const close = rest.indexOf(']');
      if (close < 0) throw new Error(`unclosed [ in ${JSON.stringify(path)}`);
      const inner = rest.slice(1, close).trim();
      if (inner === '*') segments.push({ all: true });
      else if (/^\d+$/.test(inner)) segments.push({ index: Number(inner) });
      else if (/^"[^"]*"$/.test(inner) || /^'[^']*'$/.test(inner)) {
        segments.push({ key: inner.slice(1, -1) });
      } else {
        throw new Error(
          `[${inner}] in ${JSON.stringify(path)} must be ["key"], [n] or [*]`,
        );
      }
      rest = rest.slice(close + 1);
    } else {
      if (!first) {
        if (!rest.startsWith('.')) {
          throw new Error(`expected . or [ at ${JSON.stringify(rest)} in ${JSON.stringify(path)}`);
        }
        rest = rest.slice(1);
      }
      const match = IDENTIFIER.exec(rest);
      if (!match) {
        throw new Error(`expected a name at ${JSON.stringify(rest)} in ${JSON.stringify(path)}`);
      }
      segments.push({ key: match[0] });
      rest = rest.slice(match[0].length);
    }
    first = false;
  }
  if (segments.length === 0) throw new Error('a fact path must not be empty');
  return segments;
}

/**
 * The value at the path: one value, or a list when the path has `[*]` (missing items left
 * out). `undefined` when any step is missing.
 */
export function readPath(root: unknown, segments: PathSegment[]): unknown {
  let values: unknown[] = [root];
  let collecting = false;
  for (const segment of segments) {
    const next: unknown[] = [];
    for (const value of values) {
      if ('all' in segment) {
        if (Array.isArray(value)) next.push(...value);
      } else if ('index' in segment) {
        if (Array.isArray(value) && segment.index < value.length) {
          next.push(value[segment.index]);
        }
      } else if (value && typeof value === 'object' && !Array.isArray(value)) {
        const child = (value as Record<string, unknown>)[segment.key];
        if (child !== undefined) next.push(child);
      }
    }
    if ('all' in segment) collecting = true;
    values = next;
  }
  return collecting ? values : values[0];
}
