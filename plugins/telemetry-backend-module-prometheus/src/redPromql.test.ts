import { SPANMETRICS_DEFAULTS } from './config';
import { redCountQuery, redQuantileQuery } from './redPromql';

const matchers =
  'service_name="billing", span_kind=~"SPAN_KIND_SERVER|SPAN_KIND_CONSUMER"';

describe('RED PromQL', () => {
  it('counts requests and failing requests, in total or per operation', () => {
    expect(
      redCountQuery('billing', SPANMETRICS_DEFAULTS, 900_000, {
        errors: false,
        byOperation: false,
      }),
    ).toBe(`sum(increase(traces_span_metrics_calls_total{${matchers}}[900s]))`);
    expect(
      redCountQuery('billing', SPANMETRICS_DEFAULTS, 60_000, {
        errors: true,
        byOperation: true,
      }),
    ).toBe(
      `sum by (span_name) (increase(traces_span_metrics_calls_total{${matchers}, status_code="STATUS_CODE_ERROR"}[60s]))`,
    );
  });

  it('asks histogram_quantile over the duration buckets, per le and operation', () => {
    expect(
      redQuantileQuery(0.95, 'billing', SPANMETRICS_DEFAULTS, 3_600_000, {
        byOperation: true,
      }),
    ).toBe(
      `histogram_quantile(0.95, sum by (le, span_name) (increase(traces_span_metrics_duration_milliseconds_bucket{${matchers}}[3600s])))`,
    );
  });

  it('refuses a quantile outside (0, 1)', () => {
    expect(() =>
      redQuantileQuery(95, 'billing', SPANMETRICS_DEFAULTS, 60_000, {
        byOperation: false,
      }),
    ).toThrow('A quantile must lie between 0 and 1 (got 95)');
  });
});
