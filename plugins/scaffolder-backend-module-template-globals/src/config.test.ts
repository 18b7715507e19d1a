import { mockServices } from '@backstage/backend-test-utils';
import { DEFAULT_OTLP_ENDPOINT, readOtlpEndpoint } from './config';

describe('readOtlpEndpoint', () => {
  it("is Strata's in-cluster receiver unless configured", () => {
    expect(readOtlpEndpoint(mockServices.rootConfig())).toBe(
      'http://strata.platform.svc.cluster.local:7007/api/otlp',
    );
    expect(DEFAULT_OTLP_ENDPOINT).toBe(
      'http://strata.platform.svc.cluster.local:7007/api/otlp',
    );
  });

  it('reads strata.telemetry.otlpEndpoint, without a trailing slash', () => {
    const config = mockServices.rootConfig({
      data: {
        strata: { telemetry: { otlpEndpoint: 'https://otel.example.com/' } },
      },
    });
    expect(readOtlpEndpoint(config)).toBe('https://otel.example.com');
  });
});
