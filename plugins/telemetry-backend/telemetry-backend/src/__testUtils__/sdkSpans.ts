import { context, SpanKind, SpanStatusCode, trace } from '@opentelemetry/api';
import { resourceFromAttributes } from '@opentelemetry/resources';
import {
  InMemorySpanExporter,
  ReadableSpan,
  SimpleSpanProcessor,
  SpanExporter,
  SpanProcessor,
  TracerProvider,
} from '@opentelemetry/sdk-trace';

/** A tracer provider per service, as each service's process would have one. */
export function providerFor(serviceName: string, processor: SpanProcessor) {
  return new TracerProvider({
    resource: resourceFromAttributes({ 'service.name': serviceName }),
    spanProcessors: [processor],
  });
}

/**
 * The same small request flow every telemetry test talks about, made with the real SDK:
 * gateway (SERVER `GET /orders`) → CLIENT call → orders (SERVER `GET /orders/{id}`) → CLIENT
 * `SELECT` to postgresql `shop` and a PRODUCER to topic `orders.created`; `failing` makes the
 * orders server span an error (HTTP 503). Times are explicit so the tests know the minute.
 */
export function recordOrderFlow(options: {
  gateway: TracerProvider;
  orders: TracerProvider;
  startMs: number;
  gatewayMs: number;
  ordersMs: number;
  failing?: boolean;
}) {
  const { startMs, gatewayMs, ordersMs, failing } = options;
  const gw = options.gateway.getTracer('test');
  const or = options.orders.getTracer('test');
  const root = gw.startSpan(
    'GET /orders',
    {
      kind: SpanKind.SERVER,
      startTime: startMs,
      attributes: { 'http.route': '/orders', 'http.request.method': 'GET' },
    },
    context.active(),
  );
  const rootCtx = trace.setSpan(context.active(), root);
  const call = gw.startSpan(
    'GET',
    { kind: SpanKind.CLIENT, startTime: startMs + 1, attributes: { 'server.address': 'orders' } },
    rootCtx,
  );
  const callCtx = trace.setSpan(context.active(), call);
  const server = or.startSpan(
    'GET /orders/{id}',
    {
      kind: SpanKind.SERVER,
      startTime: startMs + 2,
      attributes: {
        'http.route': '/orders/{id}',
        'http.response.status_code': failing ? 503 : 200,
      },
    },
    callCtx,
  );
  const serverCtx = trace.setSpan(context.active(), server);
  const query = or.startSpan(
    'SELECT shop.orders',
    {
      kind: SpanKind.CLIENT,
      startTime: startMs + 3,
      attributes: { 'db.system': 'postgresql', 'db.namespace': 'shop' },
    },
    serverCtx,
  );
  query.end(startMs + 4);
  const publish = or.startSpan(
    'orders.created publish',
    {
      kind: SpanKind.PRODUCER,
      startTime: startMs + 4,
      attributes: { 'messaging.system': 'kafka', 'messaging.destination.name': 'orders.created' },
    },
    serverCtx,
  );
  publish.end(startMs + 5);
  if (failing) {
    server.recordException(new Error('inventory timed out'));
    server.setStatus({ code: SpanStatusCode.ERROR, message: 'upstream timeout' });
  }
  server.end(startMs + 2 + ordersMs);
  call.end(startMs + 3 + ordersMs);
  root.end(startMs + gatewayMs);
  return { traceId: root.spanContext().traceId, rootSpanId: root.spanContext().spanId };
}

/** Real SDK spans of `count` order flows, in memory. */
export async function sdkOrderFlowSpans(
  flows: Array<{ startMs: number; gatewayMs: number; ordersMs: number; failing?: boolean }>,
): Promise<ReadableSpan[]> {
  const exporter = new InMemorySpanExporter();
  const processor = new SimpleSpanProcessor({ exporter: exporter as SpanExporter });
  const gateway = providerFor('gateway', processor);
  const orders = providerFor('orders', processor);
  for (const flow of flows) recordOrderFlow({ gateway, orders, ...flow });
  await gateway.forceFlush();
  return exporter.getFinishedSpans();
}
