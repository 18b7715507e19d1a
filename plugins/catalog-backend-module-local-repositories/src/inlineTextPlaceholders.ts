import { JsonValue } from '@backstage/types';

/** Reads a file named relative to the entity's file; throws when it may not or cannot. */
export type RelativeFileReader = (relativePath: string) => Promise<string>;

function isTextPlaceholder(value: JsonValue): value is { $text: string } {
  return (
    typeof value === 'object' &&
    value !== null &&
    !Array.isArray(value) &&
    Object.keys(value).length === 1 &&
    typeof value.$text === 'string' &&
    !/^[a-z][a-z0-9+.-]*:/i.test(value.$text)
  );
}

/**
 * Replaces every `{ $text: <relative path> }` in `value` with the file's content, leaving
 * everything else (absolute URLs included) to the catalog's own placeholder processing.
 */
export async function inlineTextPlaceholders(
  value: JsonValue,
  read: RelativeFileReader,
): Promise<JsonValue> {
  if (isTextPlaceholder(value)) {
    return read(value.$text);
  }
  if (Array.isArray(value)) {
    return Promise.all(value.map(v => inlineTextPlaceholders(v, read)));
  }
  if (typeof value === 'object' && value !== null) {
    const entries = await Promise.all(
      Object.entries(value).map(
        async ([k, v]) => [k, await inlineTextPlaceholders(v!, read)] as const,
      ),
    );
    return Object.fromEntries(entries);
  }
  return value;
}
