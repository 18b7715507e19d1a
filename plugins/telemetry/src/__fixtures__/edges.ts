import { EdgeReport, ObservedEdge } from '@internal/plugin-telemetry-common';

export function edge(
  from: string,
  to: string,
  overrides: Partial<ObservedEdge> = {},
): ObservedEdge {
  return {
    from,
    to,
    kind: 'http',
    count: 100,
    errors: 0,
    firstSeen: '2026-11-22T08:01:00.000Z',
    lastSeen: '2026-11-22T08:59:30.000Z',
    declared: true,
    ...overrides,
  };
}

/** The demo's pipelines system: etl-workers calls billing without declaring it. */
export const edgeReport: EdgeReport = {
  window: '1h',
  edges: [
    edge(
      'component:default/api-gateway',
      'component:default/pipeline-service',
      {
        count: 2400,
      },
    ),
    edge('component:default/etl-workers', 'component:default/billing', {
      count: 310,
      errors: 4,
      declared: false,
    }),
    edge('component:default/pipeline-service', 'resource:default/pipeline-db', {
      kind: 'database',
      count: 4800,
    }),
    edge(
      'component:default/pipeline-service',
      'component:default/etl-workers',
      {
        kind: 'messaging',
        count: 2400,
      },
    ),
    edge('otel:cron-runner', 'component:default/pipeline-service', {
      count: 12,
      declared: false,
    }),
    // Neither end in the pipelines system.
    edge('component:default/api-gateway', 'component:default/auth', {
      count: 2400,
    }),
    edge('component:default/auth', 'db:postgresql/auth-db', {
      kind: 'database',
      declared: false,
    }),
  ],
  neverObserved: [
    {
      from: 'component:default/pipeline-service',
      to: 'component:default/connector-service',
      relation: 'consumesApi',
    },
    {
      from: 'component:default/api-gateway',
      to: 'component:default/user-management',
      relation: 'consumesApi',
    },
  ],
};
