/*
 * Run as its own process (`node -r nodeTransform exportFlows.ts '<json>'`): records order flows
 * with the OpenTelemetry JS SDK and exports them with the SDK's OTLP/HTTP exporter, one export
 * per service as separate processes would. Its own process because the exporters load `http`
 * with a dynamic import, which Jest's module system does not run. Prints the export results.
 */
import { OTLPTraceExporter as HttpJsonExporter } from '@opentelemetry/exporter-trace-otlp-http';
import { OTLPTraceExporter as HttpProtoExporter } from '@opentelemetry/exporter-trace-otlp-proto';
import { ReadableSpan } from '@opentelemetry/sdk-trace';
import { sdkOrderFlowSpans } from './sdkSpans';

export interface ExportFlowsRequest {
  url: string;
  token: string;
  encoding: 'protobuf' | 'json';
  compression: 'gzip' | 'none';
  flows: Array<{ startMs: number; gatewayMs: number; ordersMs: number; failing?: boolean }>;
}

async function main() {
  const request: ExportFlowsRequest = JSON.parse(process.argv[2]);
  const Exporter = request.encoding === 'protobuf' ? HttpProtoExporter : HttpJsonExporter;
  const exporter = new Exporter({
    url: request.url,
    headers: { Authorization: `Bearer ${request.token}` },
    compression: request.compression as never,
  });
  const spans = await sdkOrderFlowSpans(request.flows);
  const results = [];
  for (const service of ['orders', 'gateway']) {
    const batch = spans.filter(s => s.resource.attributes['service.name'] === service);
    results.push(
      await new Promise(resolve =>
        exporter.export(batch as ReadableSpan[], result =>
          resolve({ code: result.code, error: result.error?.message }),
        ),
      ),
    );
  }
  await exporter.shutdown();
  process.stdout.write(JSON.stringify(results));
}

main().catch(error => {
  process.stderr.write(String(error?.stack ?? error));
  process.exit(1);
});
