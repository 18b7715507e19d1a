import { displayName, listNames } from '../graph/CatalogIndex';
import {
  stronglyConnectedComponents,
  SyncCall,
  SyncCallGraph,
  syncCallGraph,
} from '../graph/syncCallGraph';
import type { Finding } from '../types';
import { makeFinding, Rule, RuleContext } from './context';

/** Cycles reported per strongly connected component before the rest is summarised. */
const MAX_CYCLES_PER_COMPONENT = 50;
/** DFS steps spent looking for cycles in one component before the rest is summarised. */
const MAX_STEPS_PER_COMPONENT = 200_000;
/** Longest cycle walked (bounds the recursion); longer loops are summarised. */
const MAX_CYCLE_LENGTH = 500;

interface SyncAnalysis {
  graph: SyncCallGraph;
  components: string[][];
  componentOf: Map<string, number>;
}

// Both rules read the same graph; build it once per evaluation.
const analyses = new WeakMap<RuleContext, SyncAnalysis>();

function analyse(context: RuleContext): SyncAnalysis {
  let analysis = analyses.get(context);
  if (!analysis) {
    const graph = syncCallGraph(context.index, context.options.syncApiTypes);
    const components = stronglyConnectedComponents(graph);
    const componentOf = new Map<string, number>();
    components.forEach((members, i) =>
      members.forEach(member => componentOf.set(member, i)),
    );
    analysis = { graph, components, componentOf };
    analyses.set(context, analysis);
  }
  return analysis;
}

/** "a → b (b-api) → c (c-api)". */
function describePath(calls: SyncCall[]): string {
  if (calls.length === 0) return '';
  return [
    displayName(calls[0].from),
    ...calls.map(
      call => `${displayName(call.to)} (${call.apis.map(displayName).join(', ')})`,
    ),
  ].join(' → ');
}

/**
 * `sync-chain-depth`: synchronous call chains longer than `maxSyncDepth` calls. Calls inside a
 * cycle are the cycle rule's; the chains are the longest paths of the graph that remains (a
 * DAG), computed once per service in reverse topological order (linear). Each chain is
 * reported once, from a service nobody calls from outside its own cycle, as the longest chain
 * starting there — not its prefixes or suffixes.
 */
export const syncChainDepthRule: Rule = context => {
  const { graph, components, componentOf } = analyse(context);
  const outside = (call: SyncCall) =>
    componentOf.get(call.from) !== componentOf.get(call.to);
  const longest = new Map<string, number>();
  const next = new Map<string, SyncCall>();
  const called = new Set<string>();
  // Components come sinks first, so every callee's longest chain is known when it is read.
  for (const members of components) {
    for (const node of members) {
      let best = 0;
      let bestCall: SyncCall | undefined;
      for (const call of graph.calls.get(node) ?? []) {
        if (!outside(call)) continue;
        called.add(call.to);
        const length = 1 + longest.get(call.to)!;
        if (length > best) {
          best = length;
          bestCall = call;
        }
      }
      longest.set(node, best);
      if (bestCall) next.set(node, bestCall);
    }
  }
  const max = context.options.maxSyncDepth;
  const findings: Finding[] = [];
  for (const start of graph.nodes) {
    if (called.has(start) || longest.get(start)! <= max) continue;
    const calls: SyncCall[] = [];
    for (let call = next.get(start); call; call = next.get(call.to)) {
      calls.push(call);
    }
    const chain = [start, ...calls.map(call => call.to)];
    findings.push(
      makeFinding(context, 'sync-chain-depth', {
        keyParts: chain,
        ordered: true,
        entityRefs: chain,
        message: `${displayName(start)} waits on a chain of ${
          calls.length
        } synchronous calls (limit ${max}): ${describePath(calls)}`,
        fix: `Make one of these calls asynchronous (e.g. ${displayName(
          calls[calls.length - 1].to,
        )} publishes an event ${displayName(
          calls[calls.length - 1].from,
        )} consumes instead of answering its call), or let a caller keep the data it needs, so no request waits on more than ${max} calls in a row.`,
      }),
    );
  }
  return findings;
};

/**
 * The elementary cycles of one component, each once and rotation-normalised: a cycle is found
 * only from its smallest member, walking members greater than it. Bounded: a dense component
 * is summarised as one finding instead of enumerating exponentially many cycles.
 */
function cyclesOf(
  members: string[],
  graph: SyncCallGraph,
): { cycles: SyncCall[][]; complete: boolean } {
  const inComponent = new Set(members);
  const cycles: SyncCall[][] = [];
  // A box rather than a `let`, so the walk below may count in it (no-loop-func).
  const budget = { steps: 0 };
  for (const start of members) {
    const path: SyncCall[] = [];
    const onPath = new Set<string>([start]);
    const walk = (node: string): boolean => {
      for (const call of graph.calls.get(node) ?? []) {
        budget.steps += 1;
        if (budget.steps > MAX_STEPS_PER_COMPONENT) return false;
        if (!inComponent.has(call.to) || call.to < start) continue;
        if (call.to === start) {
          cycles.push([...path, call]);
          if (cycles.length >= MAX_CYCLES_PER_COMPONENT) return false;
        } else if (!onPath.has(call.to)) {
          if (path.length >= MAX_CYCLE_LENGTH) return false;
          path.push(call);
          onPath.add(call.to);
          const more = walk(call.to);
          onPath.delete(call.to);
          path.pop();
          if (!more) return false;
        }
      }
      return true;
    };
    if (!walk(start)) return { cycles, complete: false };
  }
  return { cycles, complete: true };
}

/**
 * `sync-cycle`: services that call each other synchronously in a loop. Each elementary cycle
 * is reported once, starting at its smallest ref, so the same loop found from any member has
 * one key.
 */
export const syncCycleRule: Rule = context => {
  const { graph, components } = analyse(context);
  const findings: Finding[] = [];
  for (const members of components) {
    if (members.length < 2) continue;
    const { cycles, complete } = cyclesOf(members, graph);
    for (const calls of cycles) {
      const loop = calls.map(call => call.from);
      findings.push(
        makeFinding(context, 'sync-cycle', {
          keyParts: loop,
          ordered: true,
          entityRefs: loop,
          message: `${listNames(loop)} call each other synchronously in a loop: ${describePath(
            calls,
          )}`,
          fix: `Remove one call of the loop: move the logic ${displayName(
            calls[calls.length - 1].from,
          )} needs from ${displayName(
            loop[0],
          )} into it, or replace that call by an event.`,
        }),
      );
    }
    if (!complete) {
      findings.push(
        makeFinding(context, 'sync-cycle', {
          // The knot as a whole (members sorted): one key however many loops it has.
          keyParts: ['knot', ...members],
          ordered: true,
          entityRefs: members,
          message: `${members.length} services call each other synchronously in more loops than are listed (${cycles.length} shown): ${listNames(
            members,
          )}`,
          fix: 'Untangle these services: decide which way calls may go between them and turn the other direction into events.',
        }),
      );
    }
  }
  return findings;
};
