import {
  noClusters,
  oneReplicaEach,
  wellConfigured,
} from '../__testUtils__/fakeStatus';
import { readWorkloads } from './deploymentsInput';
import { readTelemetry } from './telemetryInput';

describe('readTelemetry', () => {
  const edge = (
    from: string,
    to: string,
    kind: 'http' | 'rpc' | 'messaging' | 'database',
    declared = true,
  ) => ({
    from,
    to,
    kind,
    count: 1,
    errors: 0,
    firstSeen: 'x',
    lastSeen: 'y',
    declared,
  });
  const listed = (serviceName: string, entityRef: string | null) => ({
    serviceName,
    entityRef,
    spans: 5,
    errors: 0,
    lastSeen: '2026-12-02T07:59:00.000Z',
  });

  it('counts the services telemetry lists and the callers of observed edges as traced, and passes the edges on', async () => {
    const asked: string[] = [];
    const data = await readTelemetry(
      {
        edges: async window => {
          asked.push(`edges ${window}`);
          return {
            window,
            edges: [
              {
                ...edge('component:default/a', 'component:default/b', 'http'),
                count: 3,
              },
              edge('component:default/c', 'resource:default/db', 'database'),
              edge(
                'otel:legacy-cron',
                'component:default/d',
                'messaging',
                false,
              ),
              edge(
                'component:default/e',
                'db:postgresql/orders',
                'database',
                false,
              ),
              // A consumer's edge starts at the topic, which sends nothing itself.
              edge(
                'resource:default/orders-created',
                'component:default/d',
                'messaging',
              ),
            ],
            neverObserved: [
              {
                from: 'component:default/a',
                to: 'component:default/z',
                relation: 'dependsOn',
              },
            ],
          };
        },
        services: async window => {
          asked.push(`services ${window}`);
          return {
            window,
            source: 'embedded',
            items: [
              listed('b', 'component:default/b'),
              listed('d', 'component:default/d'),
              // Its spans pair with nothing: no edge shows it, the list does.
              listed('lonely', 'component:default/lonely'),
              // No entity maps to it: nothing to mark.
              listed('legacy-cron', null),
            ],
          };
        },
      },
      '6h',
    );
    expect(asked.sort()).toEqual(['edges 6h', 'services 6h']);
    // a, c and e only called out (client spans): they are the callers of the edges.
    expect(data.servicesWithTraces).toEqual([
      'component:default/a',
      'component:default/b',
      'component:default/c',
      'component:default/d',
      'component:default/e',
      'component:default/lonely',
    ]);
    expect(data.observedEdges).toHaveLength(5);
    expect(data.observedEdges[0]).toEqual({
      from: 'component:default/a',
      to: 'component:default/b',
      kind: 'http',
      count: 3,
      declared: true,
      errors: 0,
      lastSeen: 'y',
    });
    expect(data.unobservedDeclarations).toEqual([
      {
        from: 'component:default/a',
        to: 'component:default/z',
        relation: 'dependsOn',
      },
    ]);
  });

  it('has no services with traces when no span arrived', async () => {
    const data = await readTelemetry(
      {
        edges: async window => ({ window, edges: [], neverObserved: [] }),
        services: async window => ({ window, source: 'embedded', items: [] }),
      },
      '24h',
    );
    expect(data).toEqual({
      observedEdges: [],
      unobservedDeclarations: [],
      servicesWithTraces: [],
    });
  });

  it('fails when either read fails, so the evaluation records telemetry as unavailable', async () => {
    await expect(
      readTelemetry(
        {
          edges: async window => ({ window, edges: [], neverObserved: [] }),
          services: async () => {
            throw new Error('connect ECONNREFUSED 127.0.0.1:7007');
          },
        },
        '1h',
      ),
    ).rejects.toThrow('ECONNREFUSED');
  });
});

describe('readWorkloads', () => {
  it('maps each cluster workload to the rules’ input, asking for every service', async () => {
    const asked: string[] = [];
    const result = await readWorkloads(
      async ref => {
        asked.push(ref);
        return oneReplicaEach(ref);
      },
      Array.from({ length: 20 }, (_, i) => `component:default/s${i}`),
    );
    expect(asked).toHaveLength(20);
    expect(result.status).toBe('ok');
    const data = result.status === 'ok' ? result.data : [];
    expect(data).toHaveLength(20);
    expect(data[0]).toEqual({
      entityRef: 'component:default/s0',
      cluster: 'prod-eu',
      environment: 'production',
      namespace: 'dataflow',
      name: 's0',
      replicas: 1,
      containers: [{ name: 's0', hasLimits: true, hasReadinessProbe: true }],
    });
  });

  it("maps each container's limits (both cpu and memory) and readiness probe; unknown stays unknown", async () => {
    const result = await readWorkloads(
      async ref =>
        oneReplicaEach(ref, [
          wellConfigured('app'),
          { name: 'no-limits', limits: {}, readinessProbe: true },
          {
            name: 'memory-only',
            limits: { memory: '1Gi' },
            readinessProbe: true,
          },
          {
            name: 'no-probe',
            limits: { cpu: '1', memory: '1Gi' },
            readinessProbe: false,
          },
        ]),
      ['component:default/a'],
    );
    expect(result.status === 'ok' && result.data[0].containers).toEqual([
      { name: 'app', hasLimits: true, hasReadinessProbe: true },
      { name: 'no-limits', hasLimits: false, hasReadinessProbe: true },
      { name: 'memory-only', hasLimits: false, hasReadinessProbe: true },
      { name: 'no-probe', hasLimits: true, hasReadinessProbe: false },
    ]);

    // An older deployments backend sends no containers: the rules must not read "none".
    const older = await readWorkloads(
      async ref => {
        const answer = await oneReplicaEach(ref);
        delete answer.clusters[0].workloads[0].containers;
        return answer;
      },
      ['component:default/a'],
    );
    expect(older.status === 'ok' && older.data[0]).not.toHaveProperty(
      'containers',
    );
  });

  it('is unavailable, not empty, without a configured cluster; asks once', async () => {
    const asked: string[] = [];
    const result = await readWorkloads(
      async ref => {
        asked.push(ref);
        return noClusters(ref);
      },
      ['component:default/a', 'component:default/b'],
    );
    expect(result).toEqual({
      status: 'unavailable',
      reason: 'the deployments plugin has no Kubernetes cluster configured',
    });
    expect(asked).toEqual(['component:default/a']);
  });
});
