import { mockServices } from '@backstage/backend-test-utils';
import path from 'node:path';
import {
  DEFAULT_OTLP_ENDPOINT,
  readLocalPublishing,
  readLocalRepositoriesDir,
  readOtlpEndpoint,
} from './config';

describe('readLocalRepositoriesDir', () => {
  it('defaults to .data/repositories under the working directory', () => {
    expect(readLocalRepositoriesDir(mockServices.rootConfig())).toBe(
      path.resolve('.data', 'repositories'),
    );
  });

  it('resolves a configured relative directory to an absolute one', () => {
    const config = mockServices.rootConfig({
      data: {
        strata: {
          scaffolder: { localRepositoriesDir: '../../.data/repositories' },
        },
      },
    });
    expect(readLocalRepositoriesDir(config)).toBe(
      path.resolve('../../.data/repositories'),
    );
  });
});

describe('readLocalPublishing', () => {
  it('is on unless switched off', () => {
    expect(readLocalPublishing(mockServices.rootConfig())).toBe(true);
    const off = mockServices.rootConfig({
      data: { strata: { scaffolder: { localPublishing: false } } },
    });
    expect(readLocalPublishing(off)).toBe(false);
  });
});

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
