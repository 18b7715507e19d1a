/**
 * What the demo traffic is meant to show, as numbers the shape is built from and its tests
 * check against the demo's SLO files (examples/dataflow/services/<name>/slo.yaml).
 */
export const DEMO_SCENARIO = {
  /** Requests entering the gateway: 7 in 10 start a pipeline run, 2 list connectors, 1 reads invoices. */
  routeCycle: [
    'run',
    'run',
    'connectors',
    'run',
    'run',
    'invoices',
    'run',
    'run',
    'connectors',
    'run',
  ] as const,
  /**
   * pipeline-service breaches its latency SLO (99% under 500 ms): lock waits on pipeline-db make
   * 40% of run creations and 10% of the workers' pipeline reads slower than 600 ms — a quarter
   * of its requests, a burn rate of 25, which pages.
   */
  slowRunCreation: 0.4,
  slowPipelineRead: 0.1,
  /** Run creations that fail (503, lock timeout): well inside the 99.9% availability SLO. */
  failedRunCreation: 0.0005,
  /** Pipeline runs that fail in the workers (a customer's source refuses the connection). */
  failedEtlRun: 0.03,
  /** Notifications the mail provider turns away. */
  failedNotification: 0.001,
  /**
   * etl-workers records usage with billing's API (POST /v1/usage) for every completed run, a
   * call its catalog entry does not declare (it consumes etl-task-queue, pipeline-api and
   * connector-api only) — the drift the Observed calls card and governance show.
   */
  undeclaredCall: { from: 'etl-workers', to: 'billing', route: '/v1/usage' },
} as const;

export type DemoRoute = (typeof DEMO_SCENARIO.routeCycle)[number];

/** The services the demo traffic emits spans for (their OpenTelemetry service.name). */
export const DEMO_SERVICES = [
  'api-gateway',
  'auth',
  'pipeline-service',
  'connector-service',
  'etl-workers',
  'billing',
  'notification',
  'user-management',
] as const;
