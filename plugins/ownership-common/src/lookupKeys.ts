/**
 * The keys `GET /api/ownership/v1/lookup` (and the MCP actions) find an entity by; exactly one is
 * given per lookup.
 */
export const LOOKUP_KEYS = [
  'entityRef',
  'otelServiceName',
  'k8sWorkload',
  'repository',
  'topic',
  'database',
] as const;

/** @public */
export type LookupKey = (typeof LOOKUP_KEYS)[number];

/** One key and its value, e.g. `{ key: 'topic', value: 'pipeline.run.created' }`. */
export interface LookupQuery {
  key: LookupKey;
  value: string;
}

/** Whether a string names a lookup key. */
export function isLookupKey(name: string): name is LookupKey {
  return (LOOKUP_KEYS as readonly string[]).includes(name);
}
