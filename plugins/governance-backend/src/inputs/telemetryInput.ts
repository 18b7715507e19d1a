import type {
  ObservedEdgeInput,
  UnobservedDeclarationInput,
} from '@internal/plugin-governance-common';
import type { EdgeReport } from '@internal/plugin-telemetry-common';

/** The telemetry windows the edges endpoint offers. */
export const TELEMETRY_WINDOWS = ['15m', '1h', '6h', '24h', '7d'] as const;
export type TelemetryWindow = (typeof TELEMETRY_WINDOWS)[number];

/** What the rules get from telemetry. */
export interface TelemetryData {
  observedEdges: ObservedEdgeInput[];
  unobservedDeclarations: UnobservedDeclarationInput[];
  servicesWithTraces: string[];
}

/** Reads the observed service graph (`GET /api/telemetry/v1/edges`). */
export type EdgesReader = (window: TelemetryWindow) => Promise<EdgeReport>;

/**
 * The rules' telemetry input from one edge report. Telemetry has no list of the services that
 * sent spans, so a service "has traces" when it is an end of an observed edge (a call it made
 * or served, a message it produced or consumed, a database it queried). A service whose spans
 * pair with nothing at all is not seen here (docs/governance.md says so).
 */
export async function readTelemetry(
  edges: EdgesReader,
  window: TelemetryWindow,
): Promise<TelemetryData> {
  const report = await edges(window);
  const withTraces = new Set<string>();
  for (const edge of report.edges) {
    if (isEntityRef(edge.from)) withTraces.add(edge.from);
    // A database edge's target is a database, which emits nothing itself.
    if (edge.kind !== 'database' && isEntityRef(edge.to))
      withTraces.add(edge.to);
  }
  return {
    observedEdges: report.edges.map(e => ({
      from: e.from,
      to: e.to,
      kind: e.kind,
      count: e.count,
      declared: e.declared,
      errors: e.errors,
      lastSeen: e.lastSeen,
    })),
    unobservedDeclarations: report.neverObserved.map(n => ({
      from: n.from,
      to: n.to,
      relation: n.relation,
    })),
    servicesWithTraces: [...withTraces].sort(),
  };
}

/** Telemetry writes `otel:…`, `db:…` and `topic:…` for peers it could not map to an entity. */
function isEntityRef(ref: string): boolean {
  return !/^(otel|db|topic):/.test(ref);
}
