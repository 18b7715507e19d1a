import {
  child,
  isRecord,
  Located,
  pathText,
  ProblemCollector,
} from './context';
import {
  DataSourceTypes,
  EvaluableSource,
  readMetricSource,
} from './metricSource';
import { OPENSLO_RULES } from './rules';

/** Milliseconds per unit of a threshold metric's `spec.unit`. */
const UNIT_MS: Record<string, number> = { s: 1000, ms: 1 };

/** What an SLI measures, before an objective gives it a target (and a threshold). */
export type MappedIndicator =
  | { kind: 'availability'; serviceName: string; operation?: string }
  | {
      kind: 'latency';
      serviceName: string;
      operation?: string;
      /** Milliseconds per unit of the objective's `value`. */
      unitMs: number;
    };

function ratioPart(
  ratio: Located,
  name: 'good' | 'bad' | 'total',
  dataSources: DataSourceTypes,
  problems: ProblemCollector,
): EvaluableSource | undefined {
  return readMetricSource(child(ratio, name), 'ratio', dataSources, problems);
}

/**
 * A `ratioMetric` Strata can count: `total` selects a service's requests (optionally one
 * operation), and `good` the same requests with `http.response.status_code < 500` — or `bad` with
 * `>= 500`. Good = total − failing requests.
 */
function readRatio(
  ratio: Located,
  dataSources: DataSourceTypes,
  problems: ProblemCollector,
): MappedIndicator | undefined {
  if (child(ratio, 'raw').value !== undefined) {
    problems.report(
      child(ratio, 'raw'),
      OPENSLO_RULES.unsupportedMetricSource,
      'precomputed ratios (raw) cannot be evaluated from spans: give good (or bad) and total',
      'key',
    );
    return undefined;
  }
  const good = child(ratio, 'good');
  const bad = child(ratio, 'bad');
  const total = child(ratio, 'total');
  if ((good.value === undefined) === (bad.value === undefined)) {
    problems.report(
      ratio,
      OPENSLO_RULES.requiredField,
      `${pathText(ratio.path)} needs exactly one of good and bad, with total`,
      'key',
    );
    return undefined;
  }
  if (total.value === undefined) {
    problems.report(
      total,
      OPENSLO_RULES.requiredField,
      `${pathText(total.path)} is required`,
    );
    return undefined;
  }
  const numeratorName = good.value !== undefined ? 'good' : 'bad';
  const numerator = ratioPart(ratio, numeratorName, dataSources, problems);
  const denominator = ratioPart(ratio, 'total', dataSources, problems);
  if (!numerator || !denominator) return undefined;

  let ok = true;
  if (denominator.filter.status !== undefined) {
    problems.report(
      denominator.filterAt,
      OPENSLO_RULES.unsupportedFilter,
      'the total must count every request: leave http.response.status_code out of its filter',
    );
    ok = false;
  }
  const wanted = numeratorName === 'good' ? 'non-5xx' : '5xx';
  if (numerator.filter.status !== wanted) {
    problems.report(
      numerator.filterAt,
      OPENSLO_RULES.unsupportedFilter,
      numeratorName === 'good'
        ? "good must be the total's requests that did not fail: add AND http.response.status_code < 500"
        : "bad must be the total's requests that failed: add AND http.response.status_code >= 500",
    );
    ok = false;
  }
  const { serviceName, operation } = denominator.filter;
  if (
    numerator.filter.serviceName !== serviceName ||
    numerator.filter.operation !== operation
  ) {
    problems.report(
      numerator.filterAt,
      OPENSLO_RULES.unsupportedFilter,
      `${numeratorName} must select the same service and operation as total (service.name="${serviceName}"${
        operation !== undefined ? `, operation "${operation}"` : ''
      })`,
    );
    ok = false;
  }
  if (!ok) return undefined;
  return {
    kind: 'availability',
    serviceName: serviceName!,
    ...(operation !== undefined && { operation }),
  };
}

/** A `thresholdMetric`: each request's duration compared with the objective's value. */
function readThreshold(
  threshold: Located,
  dataSources: DataSourceTypes,
  problems: ProblemCollector,
): MappedIndicator | undefined {
  const source = readMetricSource(
    threshold,
    'threshold',
    dataSources,
    problems,
  );
  if (!source) return undefined;
  let ok = true;
  if (source.filter.status !== undefined) {
    problems.report(
      source.filterAt,
      OPENSLO_RULES.unsupportedFilter,
      'a latency threshold counts every request: leave http.response.status_code out of its filter',
    );
    ok = false;
  }
  const unit = source.unit ?? 's';
  const unitMs = typeof unit === 'string' ? UNIT_MS[unit] : undefined;
  if (unitMs === undefined) {
    problems.report(
      source.unitAt,
      OPENSLO_RULES.unsupportedMetricSource,
      `unit "${String(
        unit,
      )}" is not supported: use s (the unit of ${'http.server.request.duration'}, the default) or ms`,
    );
    ok = false;
  }
  if (!ok) return undefined;
  const { serviceName, operation } = source.filter;
  return {
    kind: 'latency',
    serviceName: serviceName!,
    ...(operation !== undefined && { operation }),
    unitMs: unitMs!,
  };
}

/**
 * An SLI as read: its shape (so objectives can be checked against it even when the metric
 * source has problems) and, when it has none, what it counts.
 */
export interface ReadIndicator {
  shape?: 'ratio' | 'threshold';
  indicator?: MappedIndicator;
}

/**
 * Reads an SLI's `spec` (of a `kind: SLI` document or an SLO's inline `indicator`): exactly
 * one of `ratioMetric` and `thresholdMetric`.
 */
export function readIndicatorSpec(
  spec: Located,
  dataSources: DataSourceTypes,
  problems: ProblemCollector,
): ReadIndicator {
  const shape = readShape(spec, problems);
  if (!shape) return {};
  const metric = child(
    spec,
    shape === 'ratio' ? 'ratioMetric' : 'thresholdMetric',
  );
  if (!isRecord(metric.value)) {
    problems.report(
      metric,
      OPENSLO_RULES.requiredField,
      `${pathText(metric.path)} must be a mapping`,
    );
    return { shape };
  }
  const indicator =
    shape === 'ratio'
      ? readRatio(metric, dataSources, problems)
      : readThreshold(metric, dataSources, problems);
  return { shape, ...(indicator && { indicator }) };
}

function readShape(
  spec: Located,
  problems: ProblemCollector,
): ReadIndicator['shape'] {
  if (!isRecord(spec.value)) {
    problems.report(
      spec,
      OPENSLO_RULES.requiredField,
      `${pathText(
        spec.path,
      )} is required (with ratioMetric or thresholdMetric)`,
    );
    return undefined;
  }
  const ratio = child(spec, 'ratioMetric');
  const threshold = child(spec, 'thresholdMetric');
  if ((ratio.value === undefined) === (threshold.value === undefined)) {
    problems.report(
      spec,
      OPENSLO_RULES.requiredField,
      `${pathText(
        spec.path,
      )} needs exactly one of ratioMetric and thresholdMetric`,
      'key',
    );
    return undefined;
  }
  return ratio.value !== undefined ? 'ratio' : 'threshold';
}
