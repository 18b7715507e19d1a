/*
 * The PromQL the Prometheus source sends (pure). Every count is a counter increase over a
 * window that ends at the query's evaluation time: `sum(increase(calls{…}[W]))` evaluated at
 * `to` counts the spans of [to − W, to]. The latency histogram is read per `le` bound
 * (`sum by (le) (increase(bucket{…}[W]))`), so "slower than t" can be interpolated in TS the
 * same way the embedded source does (histogram.ts).
 */
import { SliQuery } from '@internal/plugin-telemetry-node';
import { SpanMetricsNames } from './config';

/** A label value inside double quotes: PromQL string escapes. */
export function quoteLabelValue(value: string): string {
  return `"${value
    .replace(/\\/g, '\\\\')
    .replace(/"/g, '\\"')
    .replace(/\n/g, '\\n')}"`;
}

/** A PromQL range duration for a window in ms: whole seconds as `300s`, else `1500ms`. */
export function promDuration(ms: number): string {
  if (!(ms > 0))
    throw new Error(`A window must be longer than 0 ms (got ${ms})`);
  const whole = Math.round(ms);
  return whole % 1000 === 0 ? `${whole / 1000}s` : `${whole}ms`;
}

/** The matchers that select one service's (or operation's) server spans, without braces. */
export function spanMatchers(
  query: Pick<SliQuery, 'serviceName' | 'operation'>,
  names: SpanMetricsNames,
): string {
  const { labels } = names;
  const parts = [`${labels.service}=${quoteLabelValue(query.serviceName)}`];
  if (query.operation !== undefined) {
    parts.push(`${labels.operation}=${quoteLabelValue(query.operation)}`);
  }
  return [...parts, ...servedMatchers(names)].join(', ');
}

/** The matchers that select every service's served spans: the span kinds and the selector. */
export function servedMatchers(names: SpanMetricsNames): string[] {
  const { labels } = names;
  const parts: string[] = [];
  const kinds = labels.servedKinds;
  if (kinds.length === 1) {
    parts.push(`${labels.spanKind}=${quoteLabelValue(kinds[0])}`);
  } else if (kinds.length > 1) {
    const alternatives = kinds
      .map(k => k.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'))
      .join('|');
    parts.push(`${labels.spanKind}=~${quoteLabelValue(alternatives)}`);
  }
  if (names.selector?.trim()) parts.push(names.selector.trim());
  return parts;
}

/** The matcher of failing spans (`status_code="STATUS_CODE_ERROR"` by default). */
export function errorMatcher(names: SpanMetricsNames): string {
  return `${names.labels.statusCode}=${quoteLabelValue(
    names.labels.errorStatus,
  )}`;
}

function fill(
  template: string,
  query: SliQuery,
  names: SpanMetricsNames,
  windowMs: number,
) {
  // Longest placeholder names first, so `$matchers` is not read as `$m…`.
  return template
    .replace(/\$errorMatcher/g, errorMatcher(names))
    .replace(/\$matchers/g, spanMatchers(query, names))
    .replace(
      /\$operation/g,
      quoteLabelValue(query.operation ?? '').slice(1, -1),
    )
    .replace(/\$service/g, quoteLabelValue(query.serviceName).slice(1, -1))
    .replace(/\$window/g, promDuration(windowMs));
}

/** One number: all server spans, or the failing ones, over the window ending at evaluation. */
export function countQuery(
  query: SliQuery,
  kind: 'total' | 'errors',
  names: SpanMetricsNames,
  windowMs: number,
): string {
  const template = names.queries[kind];
  if (template) return fill(template, query, names, windowMs);
  const matchers =
    kind === 'errors'
      ? `${spanMatchers(query, names)}, ${errorMatcher(names)}`
      : spanMatchers(query, names);
  return `sum(increase(${names.calls}{${matchers}}[${promDuration(
    windowMs,
  )}]))`;
}

/** One series per `le` bound: the cumulative histogram over the window ending at evaluation. */
export function bucketsQuery(
  query: SliQuery,
  names: SpanMetricsNames,
  windowMs: number,
): string {
  const template = names.queries.bucketsByLe;
  if (template) return fill(template, query, names, windowMs);
  return `sum by (le) (increase(${names.durationBucket}{${spanMatchers(
    query,
    names,
  )}}[${promDuration(windowMs)}]))`;
}
