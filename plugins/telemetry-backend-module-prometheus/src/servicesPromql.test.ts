import { SPANMETRICS_DEFAULTS } from './config';
import { servicesCountQuery } from './servicesPromql';

describe('service list PromQL', () => {
  it('sums served spans (or failing ones) per service, over every service', () => {
    expect(
      servicesCountQuery(SPANMETRICS_DEFAULTS, 3_600_000, { errors: false }),
    ).toBe(
      'sum by (service_name) (increase(traces_span_metrics_calls_total{span_kind=~"SPAN_KIND_SERVER|SPAN_KIND_CONSUMER"}[3600s]))',
    );
    expect(
      servicesCountQuery(SPANMETRICS_DEFAULTS, 60_000, { errors: true }),
    ).toBe(
      'sum by (service_name) (increase(traces_span_metrics_calls_total{span_kind=~"SPAN_KIND_SERVER|SPAN_KIND_CONSUMER", status_code="STATUS_CODE_ERROR"}[60s]))',
    );
  });

  it('uses the configured names, kinds and selector', () => {
    expect(
      servicesCountQuery(
        {
          ...SPANMETRICS_DEFAULTS,
          calls: 'calls_total',
          labels: {
            ...SPANMETRICS_DEFAULTS.labels,
            service: 'job',
            servedKinds: [],
          },
          selector: 'env="prod"',
        },
        900_000,
        { errors: false },
      ),
    ).toBe('sum by (job) (increase(calls_total{env="prod"}[900s]))');
  });
});
