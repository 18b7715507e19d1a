import { SPANMETRICS_DEFAULTS, SpanMetricsNames } from './config';
import {
  bucketsQuery,
  countQuery,
  promDuration,
  quoteLabelValue,
  spanMatchers,
} from './promql';

const from = new Date('2026-01-01T00:00:00Z');
const to = new Date('2026-01-01T01:00:00Z');

describe('promql', () => {
  it('quotes label values with PromQL escapes', () => {
    expect(quoteLabelValue('a"b\\c\nd')).toBe('"a\\"b\\\\c\\nd"');
  });

  it('writes windows in whole seconds, else milliseconds', () => {
    expect(promDuration(300_000)).toBe('300s');
    expect(promDuration(1500)).toBe('1500ms');
    expect(() => promDuration(0)).toThrow('longer than 0 ms');
  });

  it('counts server spans of a service, and its errors, with increase() over the window', () => {
    const q = { serviceName: 'billing', kind: 'total' as const, from, to };
    expect(countQuery(q, 'total', SPANMETRICS_DEFAULTS, 3_600_000)).toBe(
      'sum(increase(traces_span_metrics_calls_total{service_name="billing", span_kind=~"SPAN_KIND_SERVER|SPAN_KIND_CONSUMER"}[3600s]))',
    );
    expect(
      countQuery(
        { ...q, operation: 'GET /x' },
        'errors',
        SPANMETRICS_DEFAULTS,
        300_000,
      ),
    ).toBe(
      'sum(increase(traces_span_metrics_calls_total{service_name="billing", span_name="GET /x", span_kind=~"SPAN_KIND_SERVER|SPAN_KIND_CONSUMER", status_code="STATUS_CODE_ERROR"}[300s]))',
    );
  });

  it('reads the histogram per le bound, with renamed labels and an extra selector', () => {
    const names: SpanMetricsNames = {
      ...SPANMETRICS_DEFAULTS,
      durationBucket: 'spans_duration_seconds_bucket',
      labels: {
        ...SPANMETRICS_DEFAULTS.labels,
        service: 'service',
        servedKinds: [],
      },
      selector: 'job="otel"',
    };
    expect(
      bucketsQuery(
        { serviceName: 'b', kind: 'slowerThan', thresholdMs: 250, from, to },
        names,
        60_000,
      ),
    ).toBe(
      'sum by (le) (increase(spans_duration_seconds_bucket{service="b", job="otel"}[60s]))',
    );
  });

  it('matches one served kind exactly, several with an anchored alternation', () => {
    const one = {
      ...SPANMETRICS_DEFAULTS,
      labels: { ...SPANMETRICS_DEFAULTS.labels, servedKinds: ['SERVER'] },
    };
    expect(spanMatchers({ serviceName: 's' }, one)).toBe(
      'service_name="s", span_kind="SERVER"',
    );
    const odd = {
      ...SPANMETRICS_DEFAULTS,
      labels: { ...SPANMETRICS_DEFAULTS.labels, servedKinds: ['a.b', 'c|d'] },
    };
    expect(spanMatchers({ serviceName: 's' }, odd)).toBe(
      'service_name="s", span_kind=~"a\\\\.b|c\\\\|d"',
    );
  });

  it('fills recording-rule templates', () => {
    const names: SpanMetricsNames = {
      ...SPANMETRICS_DEFAULTS,
      queries: {
        total: 'sum(increase(slo:requests{$matchers}[$window]))',
        errors:
          'sum(increase(slo:requests{$matchers, $errorMatcher}[$window])) # $service $operation',
      },
    };
    const q = {
      serviceName: 'a"b',
      operation: 'GET /',
      kind: 'errors' as const,
      from,
      to,
    };
    expect(countQuery(q, 'total', names, 120_000)).toBe(
      'sum(increase(slo:requests{service_name="a\\"b", span_name="GET /", span_kind=~"SPAN_KIND_SERVER|SPAN_KIND_CONSUMER"}[120s]))',
    );
    expect(spanMatchers(q, names)).toContain('service_name="a\\"b"');
    expect(countQuery(q, 'errors', names, 120_000)).toBe(
      'sum(increase(slo:requests{service_name="a\\"b", span_name="GET /", span_kind=~"SPAN_KIND_SERVER|SPAN_KIND_CONSUMER", status_code="STATUS_CODE_ERROR"}[120s])) # a\\"b GET /',
    );
  });
});
