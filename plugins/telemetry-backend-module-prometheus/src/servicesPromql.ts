/*
 * The PromQL of the service list (pure): served spans (or failing ones) summed per service over
 * the window ending at the evaluation time, from the spanmetrics counter directly, as RED reads
 * it (redPromql.ts); recording-rule templates are per service and do not apply.
 */
import { SpanMetricsNames } from './config';
import { errorMatcher, promDuration, servedMatchers } from './promql';

/** `sum by (service_name) (increase(calls{served kinds, selector[, errors]}[window]))`. */
export function servicesCountQuery(
  names: SpanMetricsNames,
  windowMs: number,
  options: { errors: boolean },
): string {
  const matchers = [
    ...servedMatchers(names),
    ...(options.errors ? [errorMatcher(names)] : []),
  ].join(', ');
  return `sum by (${names.labels.service}) (increase(${
    names.calls
  }{${matchers}}[${promDuration(windowMs)}]))`;
}
