import { Config } from '@backstage/config';

/** How the spanmetrics output is named in Prometheus (see config.d.ts for each key). */
export interface SpanMetricsNames {
  calls: string;
  durationBucket: string;
  /** Unit of the histogram's `le` bounds. */
  durationUnit: 'ms' | 's';
  labels: {
    service: string;
    operation: string;
    spanKind: string;
    statusCode: string;
    /**
     * The span kinds counted as requests (server and consumer, as the embedded aggregates
     * count them); empty: no span-kind matcher (a Collector that keeps only those spans).
     */
    servedKinds: string[];
    errorStatus: string;
  };
  /** Extra matchers added to every selector, as written (e.g. `job="otel-collector"`). */
  selector?: string;
  /** PromQL templates replacing the built-in queries (recording rules). */
  queries: { total?: string; errors?: string; bucketsByLe?: string };
}

export interface PrometheusSettings {
  /** Without a trailing slash; `/api/v1/query` is appended. */
  baseUrl: string;
  headers: Record<string, string>;
  timeoutMs: number;
  maxConcurrentQueries: number;
  names: SpanMetricsNames;
}

/**
 * The names the OpenTelemetry Collector's spanmetrics connector produces with its default
 * namespace `traces.span.metrics`, as the Prometheus exporter / remote write translate them
 * (dots to underscores, `_total` on counters, the unit on the histogram).
 */
export const SPANMETRICS_DEFAULTS: SpanMetricsNames = {
  calls: 'traces_span_metrics_calls_total',
  durationBucket: 'traces_span_metrics_duration_milliseconds_bucket',
  durationUnit: 'ms',
  labels: {
    service: 'service_name',
    operation: 'span_name',
    spanKind: 'span_kind',
    statusCode: 'status_code',
    servedKinds: ['SPAN_KIND_SERVER', 'SPAN_KIND_CONSUMER'],
    errorStatus: 'STATUS_CODE_ERROR',
  },
  queries: {},
};

const LABEL_NAME = /^[a-zA-Z_][a-zA-Z0-9_]*$/;
const METRIC_NAME = /^[a-zA-Z_:][a-zA-Z0-9_:]*$/;

function checked(value: string, pattern: RegExp, key: string): string {
  if (!pattern.test(value)) {
    throw new Error(
      `telemetry.prometheus.${key} "${value}" is not a valid Prometheus name`,
    );
  }
  return value;
}

function authHeaders(config: Config): Record<string, string> {
  const bearer = config.getOptionalString('bearerToken');
  const basic = config.getOptionalConfig('basicAuth');
  if (bearer && basic) {
    throw new Error(
      'telemetry.prometheus: give bearerToken or basicAuth, not both',
    );
  }
  if (bearer) return { authorization: `Bearer ${bearer}` };
  if (basic) {
    const pair = `${basic.getString('username')}:${basic.getString(
      'password',
    )}`;
    return {
      authorization: `Basic ${Buffer.from(pair, 'utf8').toString('base64')}`,
    };
  }
  return {};
}

/** Reads `telemetry.prometheus`; undefined when it is absent (the module then stays off). */
export function readPrometheusConfig(
  root: Config,
): PrometheusSettings | undefined {
  const config = root.getOptionalConfig('telemetry.prometheus');
  if (!config) return undefined;
  const baseUrl = config.getString('baseUrl').replace(/\/+$/, '');
  if (!/^https?:\/\//.test(baseUrl)) {
    throw new Error(
      `telemetry.prometheus.baseUrl "${baseUrl}" must be an http(s) URL`,
    );
  }
  const extra = config.getOptionalConfig('headers');
  const headers: Record<string, string> = {};
  for (const name of extra?.keys() ?? [])
    headers[name.toLowerCase()] = extra!.getString(name);
  Object.assign(headers, authHeaders(config));

  const timeoutMs = config.getOptionalNumber('timeoutMs') ?? 10_000;
  if (!(timeoutMs > 0))
    throw new Error('telemetry.prometheus.timeoutMs must be above 0');

  const maxConcurrentQueries =
    config.getOptionalNumber('maxConcurrentQueries') ?? 8;
  if (!Number.isInteger(maxConcurrentQueries) || maxConcurrentQueries < 1) {
    throw new Error(
      'telemetry.prometheus.maxConcurrentQueries must be a whole number above 0',
    );
  }

  const metrics = config.getOptionalConfig('metrics');
  const labels = config.getOptionalConfig('labels');
  const queries = config.getOptionalConfig('queries');
  const d = SPANMETRICS_DEFAULTS;
  const durationUnit =
    metrics?.getOptionalString('durationUnit') ?? d.durationUnit;
  if (durationUnit !== 'ms' && durationUnit !== 's') {
    throw new Error(
      'telemetry.prometheus.metrics.durationUnit must be ms or s',
    );
  }
  const label = (
    key: Exclude<keyof SpanMetricsNames['labels'], 'servedKinds'>,
  ) => labels?.getOptionalString(key) ?? d.labels[key];
  const labelName = (
    key: 'service' | 'operation' | 'spanKind' | 'statusCode',
  ) => checked(label(key), LABEL_NAME, `labels.${key}`);
  return {
    baseUrl,
    headers,
    timeoutMs,
    maxConcurrentQueries,
    names: {
      calls: checked(
        metrics?.getOptionalString('calls') ?? d.calls,
        METRIC_NAME,
        'metrics.calls',
      ),
      durationBucket: checked(
        metrics?.getOptionalString('durationBucket') ?? d.durationBucket,
        METRIC_NAME,
        'metrics.durationBucket',
      ),
      durationUnit,
      labels: {
        service: labelName('service'),
        operation: labelName('operation'),
        spanKind: labelName('spanKind'),
        statusCode: labelName('statusCode'),
        servedKinds:
          labels?.getOptionalStringArray('servedKinds') ?? d.labels.servedKinds,
        errorStatus: label('errorStatus'),
      },
      selector: config.getOptionalString('selector'),
      queries: {
        total: queries?.getOptionalString('total'),
        errors: queries?.getOptionalString('errors'),
        bucketsByLe: queries?.getOptionalString('bucketsByLe'),
      },
    },
  };
}
