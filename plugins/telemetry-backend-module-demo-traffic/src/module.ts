import {
  coreServices,
  createBackendModule,
} from '@backstage/backend-plugin-api';
import { OTLPTraceExporter } from '@opentelemetry/exporter-trace-otlp-proto';
import { BatchSpanProcessor } from '@opentelemetry/sdk-trace';
import { readDemoTrafficConfig } from './config';
import { DemoTrafficRunner, LoggingExporter, SpanEmitter } from './emit';
import { DemoTrafficShape } from './shape';

/**
 * Demo traffic for the embedded default (`telemetry.demoTraffic.enabled`): the DataFlow demo
 * organisation's request flow as real OpenTelemetry spans, exported with the SDK's OTLP/HTTP
 * protobuf exporter to this portal's own receiver (`<telemetry base URL>/v1/traces`) with a
 * service token — the path any service's SDK takes. Starts when the backend has started,
 * stops (after flushing) on shutdown.
 */
export const telemetryModuleDemoTraffic = createBackendModule({
  pluginId: 'telemetry',
  moduleId: 'demo-traffic',
  register(reg) {
    reg.registerInit({
      deps: {
        config: coreServices.rootConfig,
        logger: coreServices.logger,
        auth: coreServices.auth,
        discovery: coreServices.discovery,
        lifecycle: coreServices.lifecycle,
      },
      async init({ config, logger, auth, discovery, lifecycle }) {
        const settings = readDemoTrafficConfig(config);
        if (!settings.enabled) {
          logger.info(
            'Demo traffic is off (telemetry.demoTraffic.enabled is not true)',
          );
          return;
        }
        const url = `${await discovery.getBaseUrl('telemetry')}/v1/traces`;
        const exporter = new OTLPTraceExporter({
          url,
          // Asked for on every export: service tokens expire, the SDK keeps no copy.
          headers: async () => {
            const { token } = await auth.getPluginRequestToken({
              onBehalfOf: await auth.getOwnServiceCredentials(),
              targetPluginId: 'telemetry',
            });
            return { Authorization: `Bearer ${token}` };
          },
        });
        const processor = new BatchSpanProcessor({
          exporter: new LoggingExporter(exporter, logger, url),
          // Bounded: at most this many spans wait; the demo drops the rest rather than grow.
          maxQueueSize: 8192,
          maxExportBatchSize: 1024,
          scheduledDelayMillis: 2000,
        });
        const runner = new DemoTrafficRunner({
          shape: new DemoTrafficShape(),
          emitter: new SpanEmitter(processor),
          requestsPerSecond: settings.requestsPerSecond,
          logger,
        });
        lifecycle.addStartupHook(() => runner.start());
        lifecycle.addShutdownHook(() => runner.stop());
      },
    });
  },
});
