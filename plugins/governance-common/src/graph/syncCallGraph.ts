import { isService, specOf } from '@internal/plugin-service-model-common';
import { CatalogIndex, refOf } from './CatalogIndex';

/** A synchronous call: `from` consumes `api` (openapi, grpc, graphql), which `to` provides. */
export interface SyncCall {
  from: string;
  to: string;
  /** The APIs through which `from` calls `to`, sorted. */
  apis: string[];
}

/** Service → service synchronous calls, indexed by caller. */
export interface SyncCallGraph {
  /** Every service, sorted. */
  nodes: string[];
  /** Calls by caller; callees sorted. */
  calls: Map<string, SyncCall[]>;
}

/**
 * The synchronous call graph between services: an edge from a service to another service
 * that provides an API of a synchronous type the first consumes. A service consuming its own
 * API is no call between services, so it is left out. Linear in relations.
 */
export function syncCallGraph(
  index: CatalogIndex,
  syncApiTypes: readonly string[],
): SyncCallGraph {
  const syncTypes = new Set(syncApiTypes.map(t => t.toLowerCase()));
  const isSyncApi = (apiRef: string) => {
    const type = specOf(index.entity(apiRef)).type;
    return typeof type === 'string' && syncTypes.has(type.toLowerCase());
  };
  const nodes: string[] = [];
  const calls = new Map<string, SyncCall[]>();
  for (const entity of index.entities()) {
    if (!isService(entity)) continue;
    const from = refOf(entity);
    nodes.push(from);
    const byCallee = new Map<string, string[]>();
    for (const api of index.consumedApis(from)) {
      if (!isSyncApi(api)) continue;
      for (const to of index.providersOf(api)) {
        if (to === from || !isService(index.entity(to))) continue;
        byCallee.set(to, [...(byCallee.get(to) ?? []), api]);
      }
    }
    calls.set(
      from,
      [...byCallee.keys()].sort().map(to => ({ from, to, apis: byCallee.get(to)!.sort() })),
    );
  }
  nodes.sort();
  return { nodes, calls };
}

/**
 * Strongly connected components (Tarjan's algorithm, iterative so a 10,000-service chain does
 * not overflow the stack). Components come out in reverse topological order: every call that
 * leaves a component goes to one listed before it.
 */
export function stronglyConnectedComponents(graph: SyncCallGraph): string[][] {
  const indexOf = new Map<string, number>();
  const lowLink = new Map<string, number>();
  const onStack = new Set<string>();
  const stack: string[] = [];
  const components: string[][] = [];
  let counter = 0;

  for (const root of graph.nodes) {
    if (indexOf.has(root)) continue;
    // Each frame: the node and the position of the next callee to visit.
    const frames: Array<{ node: string; next: number }> = [{ node: root, next: 0 }];
    indexOf.set(root, counter);
    lowLink.set(root, counter);
    counter += 1;
    stack.push(root);
    onStack.add(root);
    while (frames.length > 0) {
      const frame = frames[frames.length - 1];
      const callees = graph.calls.get(frame.node) ?? [];
      if (frame.next < callees.length) {
        const callee = callees[frame.next].to;
        frame.next += 1;
        if (!indexOf.has(callee)) {
          indexOf.set(callee, counter);
          lowLink.set(callee, counter);
          counter += 1;
          stack.push(callee);
          onStack.add(callee);
          frames.push({ node: callee, next: 0 });
        } else if (onStack.has(callee)) {
          lowLink.set(
            frame.node,
            Math.min(lowLink.get(frame.node)!, indexOf.get(callee)!),
          );
        }
        continue;
      }
      frames.pop();
      if (frames.length > 0) {
        const parent = frames[frames.length - 1].node;
        lowLink.set(parent, Math.min(lowLink.get(parent)!, lowLink.get(frame.node)!));
      }
      if (lowLink.get(frame.node) === indexOf.get(frame.node)) {
        const component: string[] = [];
        let member: string;
        do {
          member = stack.pop()!;
          onStack.delete(member);
          component.push(member);
        } while (member !== frame.node);
        components.push(component.sort());
      }
    }
  }
  return components;
}
