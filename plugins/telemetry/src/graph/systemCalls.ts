import { parseEntityRef } from '@backstage/catalog-model';
import { EdgeReport, ObservedEdge } from '@internal/plugin-telemetry-common';

const lower = (s: string) => s.toLocaleLowerCase('en-US');

/** The observed and declared calls that touch one system, sorted for reading. */
export interface SystemCalls {
  /** Observed, but no catalog relation declares them: the drift to fix first. */
  undeclared: ObservedEdge[];
  /** Observed and declared. */
  declared: ObservedEdge[];
  /** Declared, and no span showed them in the window. */
  neverObserved: EdgeReport['neverObserved'];
}

const busiestFirst = (a: ObservedEdge, b: ObservedEdge) =>
  b.count - a.count || a.from.localeCompare(b.from) || a.to.localeCompare(b.to);

/**
 * The calls with at least one end among the system's parts (`hasPart`: components and
 * resources), inside the system or crossing its border, split by how they compare with the
 * catalog. Refs are compared in lower case, as the backend writes them.
 */
export function callsOfSystem(
  report: EdgeReport,
  parts: ReadonlySet<string>,
): SystemCalls {
  const touches = (e: { from: string; to: string }) =>
    parts.has(lower(e.from)) || parts.has(lower(e.to));
  const edges = report.edges.filter(touches);
  return {
    undeclared: edges.filter(e => !e.declared).sort(busiestFirst),
    declared: edges.filter(e => e.declared).sort(busiestFirst),
    neverObserved: report.neverObserved
      .filter(touches)
      .sort((a, b) => a.from.localeCompare(b.from) || a.to.localeCompare(b.to)),
  };
}

/** A graph node as the card names it: a catalog entity, or what the spans said. */
export type NodeName =
  | { type: 'entity'; ref: string }
  | { type: 'unmapped'; text: string };

/**
 * Entity refs link to the entity; the backend's fallbacks for what the catalog does not know
 * (`otel:<service.name>`, `topic:<name>`, `db:<system>/<name>`) are said in words.
 */
export function nodeName(node: string): NodeName {
  if (node.startsWith('otel:')) {
    return { type: 'unmapped', text: `service.name "${node.slice(5)}"` };
  }
  if (node.startsWith('topic:')) {
    return { type: 'unmapped', text: `topic ${node.slice(6)}` };
  }
  if (node.startsWith('db:')) {
    return { type: 'unmapped', text: `database ${node.slice(3)}` };
  }
  try {
    parseEntityRef(node);
    return { type: 'entity', ref: node };
  } catch {
    return { type: 'unmapped', text: node };
  }
}

const RELATION_WORDS: Record<string, string> = {
  dependsOn: 'depends on',
  consumesApi: 'consumes an API of',
  produces: 'produces to',
  consumes: 'consumes from',
};

/** A catalog relation in words: "consumes an API of". */
export function relationWords(relation: string): string {
  return RELATION_WORDS[relation] ?? relation;
}
