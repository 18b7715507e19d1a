import {
  noClusters,
  oneReplicaEach,
  wellConfigured,
} from '../__testUtils__/fakeStatus';
import { readWorkloads } from './deploymentsInput';
import { readTelemetry } from './telemetryInput';

describe('readTelemetry', () => {
  it('passes the edges on and counts the entity ends of calls and messages as traced, not databases or unmapped peers', async () => {
    const data = await readTelemetry(
      async window => ({
        window,
        edges: [
          {
            from: 'component:default/a',
            to: 'component:default/b',
            kind: 'http',
            count: 3,
            errors: 0,
            firstSeen: 'x',
            lastSeen: 'y',
            declared: true,
          },
          {
            from: 'component:default/c',
            to: 'resource:default/db',
            kind: 'database',
            count: 1,
            errors: 0,
            firstSeen: 'x',
            lastSeen: 'y',
            declared: true,
          },
          {
            from: 'otel:legacy-cron',
            to: 'component:default/d',
            kind: 'messaging',
            count: 1,
            errors: 0,
            firstSeen: 'x',
            lastSeen: 'y',
            declared: false,
          },
          {
            from: 'component:default/e',
            to: 'db:postgresql/orders',
            kind: 'database',
            count: 1,
            errors: 0,
            firstSeen: 'x',
            lastSeen: 'y',
            declared: false,
          },
        ],
        neverObserved: [
          {
            from: 'component:default/a',
            to: 'component:default/z',
            relation: 'dependsOn',
          },
        ],
      }),
      '6h',
    );
    expect(data.servicesWithTraces).toEqual([
      'component:default/a',
      'component:default/b',
      'component:default/c',
      'component:default/d',
      'component:default/e',
    ]);
    expect(data.observedEdges).toHaveLength(4);
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
          { name: 'memory-only', limits: { memory: '1Gi' }, readinessProbe: true },
          { name: 'no-probe', limits: { cpu: '1', memory: '1Gi' }, readinessProbe: false },
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
    const older = await readWorkloads(async ref => {
      const answer = await oneReplicaEach(ref);
      delete answer.clusters[0].workloads[0].containers;
      return answer;
    }, ['component:default/a']);
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
