/**
 * One report of the catalog's conflict event: an entity declared in two registered locations,
 * seen at a time. The store folds reports into the API's `EntityConflict` (first/last seen).
 */
export interface ConflictReport {
  entityRef: string;
  /** Location key of the copy the catalog serves (the one it saw first). */
  keptLocation: string;
  /** Location key of the copy the catalog ignores. */
  ignoredLocation: string;
  seenAt: Date;
}

/** The catalog's events topic for an entity emitted by a second location. */
export const CATALOG_CONFLICT_TOPIC = 'experimental.catalog.conflict';

const isText = (value: unknown): value is string =>
  typeof value === 'string' && value.length > 0;

/**
 * Reads a payload of the catalog's `experimental.catalog.conflict` event. The topic is marked
 * experimental upstream, so every field is checked and anything unexpected yields `undefined`
 * (the caller logs it) instead of a half-filled record.
 */
export function parseConflictEvent(
  payload: unknown,
): ConflictReport | undefined {
  if (!payload || typeof payload !== 'object') return undefined;
  const p = payload as Record<string, unknown>;
  if (
    !isText(p.entityRef) ||
    !isText(p.existingLocationKey) ||
    !isText(p.newLocationKey)
  ) {
    return undefined;
  }
  const seenAt = isText(p.lastConflictAt)
    ? new Date(p.lastConflictAt)
    : new Date();
  return {
    entityRef: p.entityRef.toLocaleLowerCase('en-US'),
    keptLocation: p.existingLocationKey,
    ignoredLocation: p.newLocationKey,
    seenAt: Number.isNaN(seenAt.getTime()) ? new Date() : seenAt,
  };
}
