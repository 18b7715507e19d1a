import { mockServices, startTestBackend } from '@backstage/backend-test-utils';
import {
  MetricsSource,
  telemetryMetricsSourceExtensionPoint,
} from '@internal/plugin-telemetry-node';
import { telemetryModulePrometheus } from './module';

async function installedSources(config: object): Promise<MetricsSource[]> {
  const installed: MetricsSource[] = [];
  const backend = await startTestBackend({
    extensionPoints: [
      [
        telemetryMetricsSourceExtensionPoint,
        { setMetricsSource: s => installed.push(s) },
      ],
    ],
    features: [
      telemetryModulePrometheus,
      mockServices.rootConfig.factory({ data: config }),
    ],
  });
  await backend.stop();
  return installed;
}

describe('telemetryModulePrometheus', () => {
  it('installs the Prometheus source when telemetry.prometheus.baseUrl is set', async () => {
    const sources = await installedSources({
      telemetry: { prometheus: { baseUrl: 'http://127.0.0.1:9' } },
    });
    expect(sources.map(s => s.id)).toEqual(['prometheus']);
  });

  it('leaves the embedded source in place without configuration', async () => {
    expect(await installedSources({})).toEqual([]);
  });
});
