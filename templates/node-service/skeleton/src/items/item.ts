/** The example domain object. Replace it with the service's own. */
export type Item = {
  id: number;
  name: string;
  /** ISO 8601 timestamp. */
  createdAt: string;
};

export type NewItem = {
  name: string;
};

export const MAX_NAME_LENGTH = 200;

/** Checks a request body; returns the item to create or the reason it is invalid. */
export function parseNewItem(body: unknown): { item: NewItem } | { error: string } {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) {
    return { error: 'the body must be a JSON object' };
  }
  const { name } = body as Record<string, unknown>;
  if (typeof name !== 'string' || name.trim() === '') {
    return { error: 'name must be a non-empty string' };
  }
  if (name.length > MAX_NAME_LENGTH) {
    return { error: `name must be at most ${MAX_NAME_LENGTH} characters` };
  }
  return { item: { name: name.trim() } };
}
