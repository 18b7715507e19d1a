import { stronglyConnectedComponents, SyncCallGraph } from './syncCallGraph';

/** A graph straight from `from>to` pairs, without a catalog (for sizes the catalog helper is too slow for). */
function graphOf(pairs: Array<[string, string]>): SyncCallGraph {
  const nodes = new Set<string>();
  const calls = new Map<string, Array<{ from: string; to: string; apis: string[] }>>();
  for (const [from, to] of pairs) {
    nodes.add(from);
    nodes.add(to);
    calls.set(from, [...(calls.get(from) ?? []), { from, to, apis: [] }]);
  }
  return { nodes: [...nodes].sort(), calls };
}

describe('stronglyConnectedComponents', () => {
  it('returns components sinks first, each sorted', () => {
    const graph = graphOf([
      ['a', 'b'],
      ['b', 'c'],
      ['c', 'b'],
      ['c', 'd'],
    ]);
    expect(stronglyConnectedComponents(graph)).toEqual([['d'], ['b', 'c'], ['a']]);
  });

  it('walks a 200,000-service chain and a 200,000-service loop without overflowing the stack', () => {
    const n = 200_000;
    const name = (i: number) => `s${String(i).padStart(6, '0')}`;
    const chain = Array.from({ length: n - 1 }, (_, i): [string, string] => [name(i), name(i + 1)]);
    expect(stronglyConnectedComponents(graphOf(chain))).toHaveLength(n);
    const loop = graphOf([...chain, [name(n - 1), name(0)]]);
    const components = stronglyConnectedComponents(loop);
    expect(components).toHaveLength(1);
    expect(components[0]).toHaveLength(n);
  });
});
