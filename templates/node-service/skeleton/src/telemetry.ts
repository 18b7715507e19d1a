/**
 * OpenTelemetry traces and metrics, both over OTLP/HTTP (JSON) to
 * OTEL_EXPORTER_OTLP_ENDPOINT. The SLOs in slo.yaml are computed from the
 * `http.server.request.duration` histogram and the server spans. Loaded with `node --require ./dist/telemetry.js`
 * so the SDK patches `http` and `pg` before any application module loads them;
 * instrumentation registered later would miss modules that are already loaded.
 */
import { NodeSDK } from '@opentelemetry/sdk-node';
import { OTLPMetricExporter } from '@opentelemetry/exporter-metrics-otlp-http';
import { OTLPTraceExporter } from '@opentelemetry/exporter-trace-otlp-http';
import { HttpInstrumentation } from '@opentelemetry/instrumentation-http';
import { PgInstrumentation } from '@opentelemetry/instrumentation-pg';
import { resourceFromAttributes } from '@opentelemetry/resources';
import { PeriodicExportingMetricReader } from '@opentelemetry/sdk-metrics';
import {
  ATTR_SERVICE_NAME,
  ATTR_SERVICE_VERSION,
} from '@opentelemetry/semantic-conventions';
import { readTelemetryConfig } from './config';
import { isProbePath } from './probes';

const config = readTelemetryConfig(process.env);

const sdk = new NodeSDK({
  resource: resourceFromAttributes({
    [ATTR_SERVICE_NAME]: config.serviceName,
    [ATTR_SERVICE_VERSION]: config.serviceVersion,
    // The current attribute name and the older one many backends still read;
    // neither is in the stable semantic-conventions export yet.
    'deployment.environment.name': config.environment,
    'deployment.environment': config.environment,
  }),
  traceExporter: new OTLPTraceExporter({
    url: `${config.otlpEndpoint}/v1/traces`,
  }),
  // Explicit so metrics use the same endpoint and encoding as traces; the
  // SDK's default reader would send protobuf.
  metricReaders: [
    new PeriodicExportingMetricReader({
      exporter: new OTLPMetricExporter({ url: `${config.otlpEndpoint}/v1/metrics` }),
      exportIntervalMillis: 60_000,
    }),
  ],
  instrumentations: [
    new HttpInstrumentation({
      // Kubernetes probes every few seconds would drown the real traffic.
      ignoreIncomingRequestHook: request => isProbePath(request.url ?? ''),
    }),
    // Only queries made while serving a request: the readiness `select 1`
    // and background work would otherwise each be a trace of its own.
    new PgInstrumentation({ requireParentSpan: true }),
  ],
});

sdk.start();

/** Flushes buffered spans; main.ts calls it last on SIGTERM. */
export async function shutdownTelemetry(): Promise<void> {
  await sdk.shutdown();
}
