import {
  SampledSpan,
  SampledTrace,
  TraceSampleList,
} from '@internal/plugin-telemetry-common';

const T0 = Date.parse('2026-11-22T09:00:00.000Z');
const at = (ms: number) => new Date(T0 + ms).toISOString();

function span(
  spanId: string,
  serviceName: string,
  name: string,
  startMs: number,
  durationMs: number,
  options: Partial<SampledSpan> = {},
): SampledSpan {
  return {
    spanId,
    serviceName,
    name,
    kind: 'server',
    startTime: at(startMs),
    durationMs,
    status: 'unset',
    attributes: {},
    children: [],
    ...options,
  };
}

/**
 * gateway POST → pipeline-service POST /v1/pipelines/{id}/runs → INSERT on pipeline-db that
 * fails; pipeline-service answers 503.
 */
export const failingRunTrace: SampledTrace = {
  traceId: '4bf92f3577b34da6a3ce929d0e0e4736',
  serviceName: 'pipeline-service',
  reason: 'error',
  rootName: 'POST /v1/pipelines/{id}/runs',
  startTime: at(0),
  durationMs: 820,
  url: 'https://jaeger.dataflow.example/trace/4bf92f3577b34da6a3ce929d0e0e4736',
  root: span('a1', 'api-gateway', 'POST /v1/pipelines/{id}/runs', 0, 820, {
    attributes: {
      'http.route': '/v1/pipelines/{id}/runs',
      'http.response.status_code': 503,
      'http.request.method': 'POST',
    },
    status: 'error',
    children: [
      span('a2', 'api-gateway', 'POST', 5, 810, {
        kind: 'client',
        attributes: { 'server.address': 'pipeline-service' },
        children: [
          span(
            'b1',
            'pipeline-service',
            'POST /v1/pipelines/{id}/runs',
            10,
            800,
            {
              attributes: {
                'http.route': '/v1/pipelines/{id}/runs',
                'http.response.status_code': 503,
              },
              status: 'error',
              statusMessage: 'could not create the run',
              children: [
                span(
                  'b2',
                  'pipeline-service',
                  'INSERT pipeline_runs',
                  20,
                  790,
                  {
                    kind: 'client',
                    attributes: {
                      'db.system': 'postgresql',
                      'db.namespace': 'pipeline-db',
                      'exception.message':
                        'canceling statement due to lock timeout',
                    },
                    status: 'error',
                    statusMessage: 'lock timeout',
                  },
                ),
              ],
            },
          ),
        ],
      }),
    ],
  }),
};

export const slowRunTrace: SampledTrace = {
  ...failingRunTrace,
  traceId: '0af7651916cd43dd8448eb211c80319c',
  reason: 'slow',
  durationMs: 2400,
  url: undefined,
  root: span(
    'c1',
    'pipeline-service',
    'POST /v1/pipelines/{id}/runs',
    0,
    2400,
    {
      attributes: { 'http.route': '/v1/pipelines/{id}/runs' },
      children: [
        span('c3', 'pipeline-service', 'etl.tasks publish', 2300, 20, {
          kind: 'producer',
          attributes: { 'messaging.destination.name': 'etl.tasks' },
        }),
        span('c2', 'pipeline-service', 'SELECT pipelines', 10, 2200, {
          kind: 'client',
          attributes: { 'db.system': 'postgresql' },
        }),
      ],
    },
  ),
};

export function traceSamples(
  overrides: Partial<TraceSampleList> = {},
): TraceSampleList {
  return {
    serviceName: 'pipeline-service',
    failing: [failingRunTrace],
    slowest: [slowRunTrace],
    ...overrides,
  };
}
