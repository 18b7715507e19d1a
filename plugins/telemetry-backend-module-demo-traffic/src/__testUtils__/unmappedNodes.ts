/** The graph's own names for nodes no catalog entity matches (`otel:`, `topic:`, `db:`). */
const UNMAPPED_NODE = /^(otel|topic|db):/;

/** The nodes of an edge report that the telemetry plugin did not map to a catalog entity. */
export function unmappedNodes(
  edges: ReadonlyArray<{ from: string; to: string }>,
): string[] {
  const nodes = new Set(edges.flatMap(e => [e.from, e.to]));
  return [...nodes].filter(node => UNMAPPED_NODE.test(node)).sort();
}
