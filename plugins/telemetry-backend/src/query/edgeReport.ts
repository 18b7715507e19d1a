import { EdgeReport, ObservedEdge } from '@internal/plugin-telemetry-common';
import { CatalogGraph, DeclaredRelation } from '../catalog/CatalogGraph';
import { StoredEdge } from '../database/GraphReader';

/**
 * The observed graph against the catalog: each observed edge with its nodes resolved to entity
 * refs where the catalog has them and a `declared` flag; then the relations of services that
 * had telemetry in the window that no edge showed (`neverObserved`). A relation counts as
 * observable when its target is a service with telemetry or a Resource (database, topic).
 */
export function edgeReport(options: {
  window: string;
  edges: readonly StoredEdge[];
  servicesSeen: readonly string[];
  catalog: CatalogGraph;
}): EdgeReport {
  const { catalog } = options;
  const observed = new Set<string>();
  const edges: ObservedEdge[] = options.edges.map(edge => {
    const from = catalog.resolveNode(edge.source);
    const to = catalog.resolveNode(edge.target);
    observed.add(`${from}\u0000${to}`);
    return {
      from,
      to,
      kind: edge.kind,
      count: edge.count,
      errors: edge.errors,
      firstSeen: new Date(edge.firstSeenMs).toISOString(),
      lastSeen: new Date(edge.lastSeenMs).toISOString(),
      declared: catalog.declares(from, to, edge.kind),
    };
  });

  const withTelemetry = new Set(
    options.servicesSeen
      .map(name => catalog.entityOfService(name))
      .filter((ref): ref is string => Boolean(ref)),
  );
  const seen = (r: DeclaredRelation) =>
    observed.has(`${r.from}\u0000${r.to}`) ||
    // consumes points at the topic; the observed message flow goes topic → consumer.
    observed.has(`${r.to}\u0000${r.from}`);
  const observable = (r: DeclaredRelation) =>
    withTelemetry.has(r.to) || catalog.kinds.get(r.to) === 'resource';
  const neverObserved = [...withTelemetry]
    .sort()
    .flatMap(ref => catalog.declaredFrom(ref))
    .filter(r => observable(r) && !seen(r));

  return { window: options.window, edges, neverObserved };
}
