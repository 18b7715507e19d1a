/**
 * The catalog resolves placeholders such as `definition: { $text: ./openapi.yaml }`
 * (Backstage's PlaceholderProcessor) before it checks an entity against its
 * schema, so the schema never sees the `$text` object. The validator cannot
 * read the referenced file (it has no file system), so it puts a stand-in
 * string where the catalog would put the file's text.
 *
 * Only `$text` is substituted: its result is always a string. `$json` and
 * `$yaml` produce values of unknown shape and are left as written.
 */

function textPlaceholderTarget(value: unknown): string | undefined {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    return undefined;
  }
  const keys = Object.keys(value);
  const target = (value as Record<string, unknown>).$text;
  return keys.length === 1 && typeof target === 'string' ? target : undefined;
}

/** A copy of `value` with every `{ $text: <target> }` replaced by a string. */
export function substituteTextPlaceholders(value: unknown): unknown {
  const target = textPlaceholderTarget(value);
  if (target !== undefined) {
    return `(text of ${target})`;
  }
  if (Array.isArray(value)) {
    return value.map(substituteTextPlaceholders);
  }
  if (typeof value === 'object' && value !== null) {
    return Object.fromEntries(
      Object.entries(value).map(([key, inner]) => [
        key,
        substituteTextPlaceholders(inner),
      ]),
    );
  }
  return value;
}
