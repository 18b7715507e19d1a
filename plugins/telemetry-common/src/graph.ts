/**
 * The observed service graph (client→server and producer→consumer span pairs; database and
 * messaging peers from `db.*` / `messaging.*` attributes) compared with the catalog's
 * relations: `GET /api/telemetry/v1/edges?window=…`.
 */

export type EdgeKind = 'http' | 'rpc' | 'messaging' | 'database';

export interface ObservedEdge {
  /** Entity refs where the service maps to an entity, else `otel:<service.name>` / `db:<system>/<name>` / `topic:<name>`. */
  from: string;
  to: string;
  kind: EdgeKind;
  count: number;
  errors: number;
  firstSeen: string;
  lastSeen: string;
  /** Whether a catalog relation (dependsOn, consumesApi/providesApi, produces/consumes) declares it. */
  declared: boolean;
}

export interface EdgeReport {
  window: string;
  edges: ObservedEdge[];
  /** Catalog relations between services with telemetry that no span showed in the window. */
  neverObserved: Array<{ from: string; to: string; relation: string }>;
}
