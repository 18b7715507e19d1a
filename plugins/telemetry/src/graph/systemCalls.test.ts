import { edgeReport } from '../__fixtures__/edges';
import { pipelinesSystem } from '../__fixtures__/entities';
import { partsOfSystem } from '../filters';
import { callsOfSystem, nodeName, relationWords } from './systemCalls';

describe('callsOfSystem', () => {
  it("keeps the calls touching the system's parts, undeclared ones split out, busiest first", () => {
    const calls = callsOfSystem(edgeReport, partsOfSystem(pipelinesSystem));
    const pairs = (edges: Array<{ from: string; to: string }>) =>
      edges.map(e => `${e.from} → ${e.to}`);
    expect(pairs(calls.undeclared)).toEqual([
      'component:default/etl-workers → component:default/billing',
      'otel:cron-runner → component:default/pipeline-service',
    ]);
    expect(pairs(calls.declared)).toEqual([
      'component:default/pipeline-service → resource:default/pipeline-db',
      'component:default/api-gateway → component:default/pipeline-service',
      'component:default/pipeline-service → component:default/etl-workers',
    ]);
    expect(pairs(calls.neverObserved)).toEqual([
      'component:default/pipeline-service → component:default/connector-service',
    ]);
  });

  it('compares refs whatever their case', () => {
    const calls = callsOfSystem(
      edgeReport,
      new Set(['component:default/billing']),
    );
    expect(calls.undeclared.map(e => e.from)).toEqual([
      'component:default/etl-workers',
    ]);
    const upper = callsOfSystem(
      {
        ...edgeReport,
        edges: [{ ...edgeReport.edges[1], to: 'Component:default/Billing' }],
      },
      new Set(['component:default/billing']),
    );
    expect(upper.undeclared).toHaveLength(1);
  });
});

describe('nodeName', () => {
  it('links entities and says the rest in words', () => {
    expect(nodeName('component:default/billing')).toEqual({
      type: 'entity',
      ref: 'component:default/billing',
    });
    expect(nodeName('otel:cron-runner')).toEqual({
      type: 'unmapped',
      text: 'service.name "cron-runner"',
    });
    expect(nodeName('topic:pipeline.run.completed')).toEqual({
      type: 'unmapped',
      text: 'topic pipeline.run.completed',
    });
    expect(nodeName('db:postgresql/auth-db')).toEqual({
      type: 'unmapped',
      text: 'database postgresql/auth-db',
    });
    expect(relationWords('consumesApi')).toBe('consumes an API of');
    expect(relationWords('ownedBy')).toBe('ownedBy');
  });
});
