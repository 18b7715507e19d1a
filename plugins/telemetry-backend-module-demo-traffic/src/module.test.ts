import {
  coreServices,
  createBackendPlugin,
} from '@backstage/backend-plugin-api';
import { mockServices, startTestBackend } from '@backstage/backend-test-utils';
import { telemetryModuleDemoTraffic } from './module';

/*
 * Enabled, the module exports through the SDK's OTLP exporter, which Jest cannot run (it loads
 * `http` with a dynamic import): demoTraffic.integration.test.ts runs that in a child process.
 * Here: what the module does when it is off or misconfigured.
 */

/** A telemetry plugin that counts the requests its receiver route gets. */
function countingTelemetryPlugin(calls: { count: number }) {
  return createBackendPlugin({
    pluginId: 'telemetry',
    register(env) {
      env.registerInit({
        deps: { httpRouter: coreServices.httpRouter },
        async init({ httpRouter }) {
          httpRouter.addAuthPolicy({ path: '/', allow: 'unauthenticated' });
          httpRouter.use((_req, res) => {
            calls.count += 1;
            res.status(200).end();
          });
        },
      });
    },
  });
}

describe('telemetryModuleDemoTraffic', () => {
  it('says it is off and sends nothing unless telemetry.demoTraffic.enabled is true', async () => {
    const logger = mockServices.logger.mock();
    const calls = { count: 0 };
    const backend = await startTestBackend({
      features: [
        countingTelemetryPlugin(calls),
        telemetryModuleDemoTraffic,
        logger.factory,
        mockServices.rootConfig.factory({
          data: { telemetry: { demoTraffic: { enabled: false } } },
        }),
      ],
    });
    await new Promise(resolve => setTimeout(resolve, 2500));
    await backend.stop();
    expect(logger.info).toHaveBeenCalledWith(
      'Demo traffic is off (telemetry.demoTraffic.enabled is not true)',
    );
    expect(calls.count).toBe(0);
  });

  it('refuses to start with a rate above the bound', async () => {
    await expect(
      startTestBackend({
        features: [
          countingTelemetryPlugin({ count: 0 }),
          telemetryModuleDemoTraffic,
          mockServices.rootConfig.factory({
            data: {
              telemetry: {
                demoTraffic: { enabled: true, requestsPerSecond: 500 },
              },
            },
          }),
        ],
      }),
    ).rejects.toThrow(
      /telemetry.demoTraffic.requestsPerSecond must be above 0 and at most 10, got 500/,
    );
  });
});
