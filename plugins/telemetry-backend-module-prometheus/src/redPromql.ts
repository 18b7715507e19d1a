/*
 * The PromQL of the RED report (pure), over the spanmetrics names directly: recording-rule
 * templates (`queries.*`) are SLO indicators' business and are not used here. Every figure is
 * over the window ending at the evaluation time, as the SLO counts are (promql.ts).
 */
import { SpanMetricsNames } from './config';
import { errorMatcher, promDuration, spanMatchers } from './promql';

/** Requests (or failing requests) of a service, summed per operation or in total. */
export function redCountQuery(
  serviceName: string,
  names: SpanMetricsNames,
  windowMs: number,
  options: { errors: boolean; byOperation: boolean },
): string {
  const matchers = spanMatchers({ serviceName }, names);
  const selector = options.errors
    ? `${matchers}, ${errorMatcher(names)}`
    : matchers;
  const sum = options.byOperation
    ? `sum by (${names.labels.operation}) (`
    : 'sum(';
  return `${sum}increase(${names.calls}{${selector}}[${promDuration(
    windowMs,
  )}]))`;
}

/**
 * The q-quantile of a service's span durations (in the histogram's unit), per operation or in
 * total: histogram_quantile interpolates linearly inside the bucket that holds the rank q × N,
 * as the embedded source's percentile does.
 */
export function redQuantileQuery(
  q: number,
  serviceName: string,
  names: SpanMetricsNames,
  windowMs: number,
  options: { byOperation: boolean },
): string {
  if (!(q > 0 && q < 1))
    throw new Error(`A quantile must lie between 0 and 1 (got ${q})`);
  const by = options.byOperation ? `le, ${names.labels.operation}` : 'le';
  return `histogram_quantile(${q}, sum by (${by}) (increase(${
    names.durationBucket
  }{${spanMatchers({ serviceName }, names)}}[${promDuration(windowMs)}])))`;
}
