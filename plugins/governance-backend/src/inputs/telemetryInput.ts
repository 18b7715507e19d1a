import type {
  ObservedEdgeInput,
  UnobservedDeclarationInput,
} from '@internal/plugin-governance-common';
import type {
  EdgeReport,
  ServiceList,
} from '@internal/plugin-telemetry-common';

/** The telemetry windows the edges and services endpoints offer. */
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

/** Reads the services that sent spans (`GET /api/telemetry/v1/services`). */
export type ServicesReader = (window: TelemetryWindow) => Promise<ServiceList>;

/** Telemetry's two reads the rules need. */
export interface TelemetryReader {
  edges: EdgesReader;
  services: ServicesReader;
}

/**
 * The rules' telemetry input: the edges for the drift rules, and the services with traces from
 * telemetry's list of the services that sent spans (those a catalog entity maps to). That list
 * counts served spans (SERVER and CONSUMER, what RED counts), so a service that only calls out —
 * a job querying its database, a producer — is added from the edges it is the caller of.
 */
export async function readTelemetry(
  reader: TelemetryReader,
  window: TelemetryWindow,
): Promise<TelemetryData> {
  const [report, services] = await Promise.all([
    reader.edges(window),
    reader.services(window),
  ]);
  const withTraces = new Set<string>();
  for (const service of services.items) {
    if (service.entityRef) withTraces.add(service.entityRef);
  }
  for (const edge of report.edges) {
    // The caller's end emitted the span; a consumer's edge starts at its topic, which emits nothing.
    if (isEntityRef(edge.from) && !edge.from.startsWith('resource:')) {
      withTraces.add(edge.from);
    }
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
