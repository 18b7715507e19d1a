import {
  child,
  isRecord,
  Located,
  pathText,
  ProblemCollector,
} from './context';
import { parseSpanFilter, SpanFilter } from './filter';
import { OPENSLO_RULES } from './rules';

/** The metric every OpenTelemetry HTTP server records, and the one server spans reproduce. */
export const SUPPORTED_METRIC = 'http.server.request.duration';

/** The metric-source `type` Strata evaluates. */
export const SUPPORTED_SOURCE_TYPE = 'OpenTelemetry';

const PERCENTILE_AGGREGATION = /^p[0-9]{1,2}(\.[0-9]+)?$/;

/** Names of the file's `kind: DataSource` documents and their `spec.type`. */
export type DataSourceTypes = Map<string, unknown>;

/** A metric source Strata can evaluate: the spans its filter selects. */
export interface EvaluableSource {
  filter: SpanFilter;
  /** `spec.unit` as written (threshold metrics only read it). */
  unit?: unknown;
  /** Where `spec.unit` is (or would be). */
  unitAt: Located;
  /** Where `spec.filter` is. */
  filterAt: Located;
}

/**
 * Checks a `metricSource` (of a ratio's good/bad/total, or of a threshold metric): the
 * OpenTelemetry type (directly or through a `metricSourceRef` to a DataSource of the file),
 * the `http.server.request.duration` metric, an aggregation that fits (`count` for ratios,
 * a percentile for thresholds), and a filter in the supported grammar.
 */
export function readMetricSource(
  holder: Located,
  use: 'ratio' | 'threshold',
  dataSources: DataSourceTypes,
  problems: ProblemCollector,
): EvaluableSource | undefined {
  const source = child(holder, 'metricSource');
  if (!isRecord(source.value)) {
    problems.report(
      source,
      OPENSLO_RULES.requiredField,
      `${pathText(
        source.path,
      )} is required (a mapping with type: ${SUPPORTED_SOURCE_TYPE} and spec.filter)`,
    );
    return undefined;
  }
  const type = child(source, 'type');
  const ref = child(source, 'metricSourceRef');
  let effectiveType = type.value;
  if (type.value === undefined && typeof ref.value === 'string') {
    if (!dataSources.has(ref.value)) {
      problems.report(
        ref,
        OPENSLO_RULES.unsupportedMetricSource,
        `metricSourceRef "${ref.value}" names no kind: DataSource document in this file`,
      );
      return undefined;
    }
    effectiveType = dataSources.get(ref.value);
  }
  if (
    typeof effectiveType !== 'string' ||
    effectiveType.toLowerCase() !== SUPPORTED_SOURCE_TYPE.toLowerCase()
  ) {
    problems.report(
      type.value === undefined && ref.value !== undefined ? ref : type,
      OPENSLO_RULES.unsupportedMetricSource,
      effectiveType === undefined
        ? `${pathText(
            type.path,
          )} is required: Strata evaluates metric sources of type ${SUPPORTED_SOURCE_TYPE}`
        : `metric source type "${String(
            effectiveType,
          )}" is not supported: Strata evaluates ${SUPPORTED_SOURCE_TYPE} sources (server spans or ${SUPPORTED_METRIC})`,
    );
    return undefined;
  }
  const spec = child(source, 'spec');
  if (!isRecord(spec.value)) {
    problems.report(
      spec,
      OPENSLO_RULES.requiredField,
      `${pathText(
        spec.path,
      )} is required (a mapping with filter: 'service.name="<name>"')`,
    );
    return undefined;
  }
  let ok = true;
  const metric = child(spec, 'metric');
  if (metric.value !== undefined && metric.value !== SUPPORTED_METRIC) {
    problems.report(
      metric,
      OPENSLO_RULES.unsupportedMetricSource,
      `metric "${String(
        metric.value,
      )}" is not supported: Strata counts server spans, which give ${SUPPORTED_METRIC}`,
    );
    ok = false;
  }
  const aggregation = child(spec, 'aggregation');
  if (aggregation.value !== undefined) {
    const fits =
      use === 'ratio'
        ? aggregation.value === 'count'
        : typeof aggregation.value === 'string' &&
          PERCENTILE_AGGREGATION.test(aggregation.value);
    if (!fits) {
      problems.report(
        aggregation,
        OPENSLO_RULES.unsupportedMetricSource,
        use === 'ratio'
          ? `aggregation "${String(
              aggregation.value,
            )}" does not count requests: a ratio's good, bad and total use aggregation: count`
          : `aggregation "${String(
              aggregation.value,
            )}" is not a percentile (p50, p95, p99…): a threshold metric compares each request's duration with the objective's value`,
      );
      ok = false;
    }
  }
  const filterAt = child(spec, 'filter');
  if (typeof filterAt.value !== 'string') {
    problems.report(
      filterAt,
      OPENSLO_RULES.requiredField,
      `${pathText(
        filterAt.path,
      )} is required: a string such as 'service.name="billing"'`,
    );
    return undefined;
  }
  const parsed = parseSpanFilter(filterAt.value);
  if (!parsed.ok) {
    problems.report(
      filterAt,
      OPENSLO_RULES.unsupportedFilter,
      `filter cannot be evaluated: ${parsed.message}`,
    );
    return undefined;
  }
  if (parsed.filter.serviceName === undefined) {
    problems.report(
      filterAt,
      OPENSLO_RULES.unsupportedFilter,
      'filter must name the service: service.name="<OTel service.name>"',
    );
    return undefined;
  }
  return ok
    ? {
        filter: parsed.filter,
        unit: child(spec, 'unit').value,
        unitAt: child(spec, 'unit'),
        filterAt,
      }
    : undefined;
}
