import {
  RELATION_CONSUMES_API,
  RELATION_DEPENDS_ON,
} from '@backstage/catalog-model';
import {
  isComponent,
  isDatabase,
  isTopicOrQueue,
  RELATION_CONSUMES,
  RELATION_PRODUCES,
} from '@internal/plugin-service-model-common';
import { CatalogIndex, displayName } from '../graph/CatalogIndex';
import type { Finding, ObservedEdgeInput } from '../types';
import { makeFinding, Rule } from './context';

/**
 * Whether a catalog relation declares an observed edge: the same reading as telemetry's edge
 * report (dependsOn; for messaging produces/consumes, also producer → consumer through a
 * topic; otherwise an API `from` consumes and `to` provides). Used only for edges that come
 * without telemetry's `declared` flag.
 */
export function declares(
  index: CatalogIndex,
  edge: Pick<ObservedEdgeInput, 'from' | 'to' | 'kind'>,
): boolean {
  const { from, to, kind } = edge;
  if (index.has(from, RELATION_DEPENDS_ON, to)) return true;
  if (kind === 'messaging') {
    if (
      index.has(from, RELATION_PRODUCES, to) ||
      index.has(to, RELATION_CONSUMES, from)
    ) {
      return true;
    }
    return index
      .targets(from, RELATION_PRODUCES)
      .some(topic => index.has(to, RELATION_CONSUMES, topic));
  }
  return index
    .consumedApis(from)
    .some(api => index.providersOf(api).includes(to));
}

/** What to write in the caller's catalog-info.yaml to declare an edge. */
function declarationFix(index: CatalogIndex, edge: ObservedEdgeInput): string {
  const target = index.entity(edge.to);
  const caller = displayName(edge.from);
  if (isDatabase(target)) {
    return `Add \`${displayName(
      edge.to,
    )}\` to ${caller}'s spec.dependsOn, or stop it from using the database.`;
  }
  if (isTopicOrQueue(target)) {
    return `Add \`${displayName(
      edge.to,
    )}\` to ${caller}'s spec.produces, or remove the publishing code.`;
  }
  if (isTopicOrQueue(index.entity(edge.from))) {
    return `Add \`${displayName(edge.from)}\` to ${displayName(
      edge.to,
    )}'s spec.consumes, or remove the consumer.`;
  }
  const apis = target
    ? index.targets(edge.to, 'providesApi').map(displayName)
    : [];
  if (apis.length > 0) {
    return `Add the API ${caller} calls (${displayName(
      edge.to,
    )} provides ${apis.join(
      ', ',
    )}) to ${caller}'s spec.consumesApis, or remove the call.`;
  }
  return `Declare the dependency in ${caller}'s catalog-info.yaml (spec.consumesApis or spec.dependsOn), or remove the call${
    target ? '' : `; ${edge.to} is not in the catalog, so register it first`
  }.`;
}

/**
 * `undeclared-dependency`: an edge telemetry observed that no catalog relation declares. Only
 * edges with a catalog Component at one end count (someone owns the fix); the same pair seen
 * by several kinds of spans is one finding.
 */
export const undeclaredDependencyRule: Rule = context => {
  const { index, input } = context;
  if (!input.observedEdges) return [];
  const pairs = new Map<string, ObservedEdgeInput>();
  for (const raw of input.observedEdges) {
    const edge = {
      ...raw,
      from: raw.from.toLowerCase(),
      to: raw.to.toLowerCase(),
    };
    if (edge.from === edge.to) continue;
    const declared = edge.declared ?? declares(index, edge);
    if (declared) continue;
    if (
      !isComponent(index.entity(edge.from)) &&
      !isComponent(index.entity(edge.to))
    ) {
      continue;
    }
    const pair = `${edge.from}>${edge.to}`;
    const seen = pairs.get(pair);
    pairs.set(pair, seen ? { ...seen, count: seen.count + edge.count } : edge);
  }
  const findings: Finding[] = [];
  for (const edge of pairs.values()) {
    const refs = [edge.from, edge.to].filter(ref => index.entity(ref));
    findings.push(
      makeFinding(context, 'undeclared-dependency', {
        keyParts: [edge.from, edge.to],
        ordered: true,
        entityRefs: refs,
        message: `${displayName(edge.from)} calls ${displayName(edge.to)} (${
          edge.kind
        }, ${edge.count} ${
          edge.count === 1 ? 'time' : 'times'
        } in the window) but the catalog declares no such dependency`,
        fix: declarationFix(index, edge),
      }),
    );
  }
  return findings;
};

/**
 * `stale-declaration`: a relation of a service that sent telemetry which no span showed in the
 * window — telemetry's `neverObserved`, as it computes it. Telemetry lists a consumesApi
 * relation once per API the target provides (auth consumes user-api and user-events, both from
 * user-management: two entries), so entries are merged by finding key; the fix names every API.
 */
export const staleDeclarationRule: Rule = context => {
  const { index, input } = context;
  if (!input.unobservedDeclarations) return [];
  const byKey = new Map<string, Finding>();
  for (const raw of input.unobservedDeclarations) {
    const from = raw.from.toLowerCase();
    const to = raw.to.toLowerCase();
    const apis =
      raw.relation === RELATION_CONSUMES_API
        ? index
            .consumedApis(from)
            .filter(api => index.providersOf(api).includes(to))
        : [];
    const field =
      raw.relation === RELATION_CONSUMES_API
        ? `spec.consumesApis (${
            apis.map(displayName).join(', ') || displayName(to)
          })`
        : `spec.${raw.relation}`;
    const finding = makeFinding(context, 'stale-declaration', {
      keyParts: [from, to, raw.relation],
      ordered: true,
      entityRefs: [from, to].filter(ref => index.entity(ref)),
      message: `${displayName(from)} declares ${raw.relation} ${displayName(
        to,
      )} but no span showed it in the window`,
      fix: `If ${displayName(from)} no longer uses ${displayName(
        to,
      )}, remove it from ${field} in ${displayName(
        from,
      )}'s catalog-info.yaml; if the call is rare, waive this finding with that reason.`,
    });
    if (!byKey.has(finding.key)) byKey.set(finding.key, finding);
  }
  return [...byKey.values()];
};
