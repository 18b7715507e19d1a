/** A level's title from the checks' level list ("silver" → "Silver"); "No level" for none. */
export function levelTitle(
  levels: ReadonlyArray<{ id: string; title: string }>,
  id: string | null | undefined,
): string {
  if (!id || id === 'none') return 'No level';
  return levels.find(level => level.id === id)?.title ?? id;
}
