const MAX_SHOWN = 40;

/** A value quoted for a message, shortened when long: `"aaaa…" (300 characters)`. */
export function shown(value: unknown): string {
  const text = typeof value === 'string' ? value : JSON.stringify(value);
  if (text === undefined) {
    return String(value);
  }
  if (text.length <= MAX_SHOWN) {
    return JSON.stringify(text);
  }
  return `${JSON.stringify(`${text.slice(0, MAX_SHOWN)}…`)} (${
    text.length
  } characters)`;
}

/** The entries of a mapping that may be absent or of the wrong type. */
export function entriesOf(value: unknown): [string, unknown][] {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    return [];
  }
  return Object.entries(value);
}
