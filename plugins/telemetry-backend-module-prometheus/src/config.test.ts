import { ConfigReader } from '@backstage/config';
import { readPrometheusConfig, SPANMETRICS_DEFAULTS } from './config';

const read = (prometheus: unknown) =>
  readPrometheusConfig(new ConfigReader({ telemetry: { prometheus } } as any));

describe('readPrometheusConfig', () => {
  it('is off without telemetry.prometheus', () => {
    expect(readPrometheusConfig(new ConfigReader({}))).toBeUndefined();
  });

  it('defaults to the spanmetrics connector names and a 10 s timeout', () => {
    expect(read({ baseUrl: 'http://mimir:8080/prometheus/' })).toEqual({
      baseUrl: 'http://mimir:8080/prometheus',
      headers: {},
      timeoutMs: 10_000,
      maxConcurrentQueries: 8,
      names: { ...SPANMETRICS_DEFAULTS, selector: undefined, queries: {} },
    });
  });

  it('builds auth headers and keeps extra ones (tenant id)', () => {
    expect(
      read({
        baseUrl: 'http://p',
        bearerToken: 't0k',
        headers: { 'X-Scope-OrgID': 'acme' },
      })!.headers,
    ).toEqual({ authorization: 'Bearer t0k', 'x-scope-orgid': 'acme' });
    expect(
      read({
        baseUrl: 'http://p',
        basicAuth: { username: 'u', password: 'p' },
      })!.headers,
    ).toEqual({
      authorization: `Basic ${Buffer.from('u:p').toString('base64')}`,
    });
  });

  it('reads renamed metrics and labels, and the seconds unit', () => {
    const names = read({
      baseUrl: 'http://p',
      metrics: {
        calls: 'calls_total',
        durationBucket: 'duration_seconds_bucket',
        durationUnit: 's',
      },
      labels: { service: 'service', servedKinds: ['SERVER'] },
      selector: 'job="collector"',
    })!.names;
    expect(names).toMatchObject({
      calls: 'calls_total',
      durationBucket: 'duration_seconds_bucket',
      durationUnit: 's',
      labels: {
        service: 'service',
        servedKinds: ['SERVER'],
        operation: 'span_name',
      },
      selector: 'job="collector"',
    });
  });

  it('refuses what would make a broken query', () => {
    expect(() => read({ baseUrl: 'prometheus:9090' })).toThrow(
      'must be an http(s) URL',
    );
    expect(() =>
      read({
        baseUrl: 'http://p',
        bearerToken: 'a',
        basicAuth: { username: 'u', password: 'p' },
      }),
    ).toThrow('not both');
    expect(() =>
      read({ baseUrl: 'http://p', labels: { service: 'service.name' } }),
    ).toThrow(
      'telemetry.prometheus.labels.service "service.name" is not a valid Prometheus name',
    );
    expect(() =>
      read({ baseUrl: 'http://p', metrics: { durationUnit: 'us' } }),
    ).toThrow('ms or s');
    expect(() => read({ baseUrl: 'http://p', timeoutMs: 0 })).toThrow(
      'above 0',
    );
  });
});
