/** 0.725 → "73%"; whole percent, as a table of teams does not need more. */
export function percent(ratio: number): string {
  return `${Math.round(ratio * 100)}%`;
}

/** An ISO timestamp as a day, in the reader's locale but unambiguous: "2027-03-01". */
export function day(iso: string): string {
  return iso.slice(0, 10);
}

/** "1 finding" / "3 findings". */
export function plural(count: number, one: string, many = `${one}s`): string {
  return `${count} ${count === 1 ? one : many}`;
}
