import type { Entity } from '@backstage/catalog-model';
import { api, group, service } from '../__testUtils__/catalog';
import { findingsOf } from '../__testUtils__/evaluate';

/** Services s0 → s1 → … calling each other's openapi APIs along `calls` (`from>to`). */
function callGraph(calls: string[], apiType = 'openapi'): Entity[] {
  const names = new Set(calls.flatMap(c => c.split('>')));
  const callees = new Map<string, string[]>();
  for (const [from, to] of calls.map(c => c.split('>'))) {
    callees.set(from, [...(callees.get(from) ?? []), to]);
  }
  return [
    group('team-a'),
    ...[...names].map(name => api(`${name}-api`, apiType)),
    ...[...names].map(name =>
      service(name, {
        providesApis: [`api:${name}-api`],
        consumesApis: (callees.get(name) ?? []).map(to => `api:${to}-api`),
      }),
    ),
  ];
}

const ref = (name: string) => `component:default/${name}`;

describe('sync-chain-depth', () => {
  it('is clean at exactly 2 calls (near miss)', async () => {
    expect(await findingsOf('sync-chain-depth', callGraph(['a>b', 'b>c']))).toEqual([]);
  });

  it('reports a chain of 3 calls once, not its prefixes or suffixes', async () => {
    const findings = await findingsOf(
      'sync-chain-depth',
      callGraph(['a>b', 'b>c', 'c>d', 'd>e']),
    );
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({
      key: `sync-chain-depth:${['a', 'b', 'c', 'd', 'e'].map(ref).join('>')}`,
      entityRefs: ['a', 'b', 'c', 'd', 'e'].map(ref),
      message:
        'a waits on a chain of 4 synchronous calls (limit 2): a → b (b-api) → c (c-api) → d (d-api) → e (e-api)',
      severity: 'warning',
    });
  });

  it('reports the longest chain from each entry point', async () => {
    const findings = await findingsOf(
      'sync-chain-depth',
      callGraph(['a>b', 'x>b', 'b>c', 'c>d', 'a>z']),
    );
    expect(findings.map(f => f.key)).toEqual([
      `sync-chain-depth:${['a', 'b', 'c', 'd'].map(ref).join('>')}`,
      `sync-chain-depth:${['x', 'b', 'c', 'd'].map(ref).join('>')}`,
    ]);
  });

  it('follows grpc and graphql but not asyncapi, and honours maxSyncDepth', async () => {
    expect(
      await findingsOf('sync-chain-depth', callGraph(['a>b', 'b>c', 'c>d'], 'asyncapi')),
    ).toEqual([]);
    expect(
      await findingsOf('sync-chain-depth', callGraph(['a>b', 'b>c', 'c>d'], 'grpc')),
    ).toHaveLength(1);
    expect(
      await findingsOf('sync-chain-depth', callGraph(['a>b', 'b>c', 'c>d'], 'graphql'), {
        options: { maxSyncDepth: 3 },
      }),
    ).toEqual([]);
  });

  it('ignores a service consuming its own API', async () => {
    expect(
      await findingsOf('sync-chain-depth', callGraph(['a>a', 'a>b', 'b>c'])),
    ).toEqual([]);
  });
});

describe('sync-cycle', () => {
  it('is clean without a loop', async () => {
    expect(await findingsOf('sync-cycle', callGraph(['a>b', 'b>c', 'a>c']))).toEqual([]);
  });

  it('reports a cycle once, rotation-normalised, whichever member it is entered from', async () => {
    const findings = await findingsOf('sync-cycle', callGraph(['x>c', 'c>a', 'a>b', 'b>c']));
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({
      key: `sync-cycle:${['a', 'b', 'c'].map(ref).join('>')}`,
      entityRefs: ['a', 'b', 'c'].map(ref),
      message:
        'a, b and c call each other synchronously in a loop: a → b (b-api) → c (c-api) → a (a-api)',
      severity: 'error',
    });
  });

  it('reports each elementary cycle of a component once', async () => {
    const findings = await findingsOf('sync-cycle', callGraph(['a>b', 'b>a', 'b>c', 'c>b']));
    expect(findings.map(f => f.key)).toEqual([
      `sync-cycle:${ref('a')}>${ref('b')}`,
      `sync-cycle:${ref('b')}>${ref('c')}`,
    ]);
  });

  it('leaves calls inside a cycle to the cycle rule, and measures chains through it', async () => {
    // a ↔ b, and b → c → d → e: the chain from b is 3 calls; a is called from inside the loop only.
    const graph = callGraph(['a>b', 'b>a', 'b>c', 'c>d', 'd>e']);
    expect((await findingsOf('sync-cycle', graph)).map(f => f.key)).toEqual([
      `sync-cycle:${ref('a')}>${ref('b')}`,
    ]);
    expect((await findingsOf('sync-chain-depth', graph)).map(f => f.key)).toEqual([
      `sync-chain-depth:${['b', 'c', 'd', 'e'].map(ref).join('>')}`,
    ]);
  });

  it('summarises a loop too long to list instead of recursing through it', async () => {
    const calls = Array.from({ length: 600 }, (_, i) => `s${i}>s${(i + 1) % 600}`);
    const findings = await findingsOf('sync-cycle', callGraph(calls));
    expect(findings).toHaveLength(1);
    expect(findings[0].message).toMatch(
      /^600 services call each other synchronously in more loops than are listed \(0 shown\)/,
    );
    expect(findings[0].key).toMatch(/^sync-cycle:knot>component:default\/s0>component:default\/s1>/);
  });
});
