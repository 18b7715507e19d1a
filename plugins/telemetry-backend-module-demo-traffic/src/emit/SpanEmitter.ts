import {
  Context,
  ROOT_CONTEXT,
  Span,
  SpanKind,
  SpanStatusCode,
  trace,
} from '@opentelemetry/api';
import { resourceFromAttributes } from '@opentelemetry/resources';
import { SpanProcessor, TracerProvider } from '@opentelemetry/sdk-trace';
import { PlannedFlow } from '../shape';

const KINDS: Record<PlannedFlow['spans'][number]['kind'], SpanKind> = {
  server: SpanKind.SERVER,
  client: SpanKind.CLIENT,
  producer: SpanKind.PRODUCER,
  consumer: SpanKind.CONSUMER,
  internal: SpanKind.INTERNAL,
};

/**
 * Turns planned flows into real OpenTelemetry spans: one SDK tracer provider per demo service
 * (its own `service.name` resource, as each service's process would have), all feeding one span
 * processor. Parents are passed as context explicitly, so no context manager is involved and
 * trace and span ids are the SDK's own.
 */
export class SpanEmitter {
  private readonly providers = new Map<string, TracerProvider>();

  constructor(private readonly processor: SpanProcessor) {}

  private tracer(service: string) {
    let provider = this.providers.get(service);
    if (!provider) {
      provider = new TracerProvider({
        resource: resourceFromAttributes({
          'service.name': service,
          'service.namespace': 'dataflow',
          'deployment.environment.name': 'demo',
        }),
        spanProcessors: [this.processor],
      });
      this.providers.set(service, provider);
    }
    return provider.getTracer('strata-demo-traffic');
  }

  /** Emits a flow so that its last span ends at `endMs` (epoch ms): every span is in the past. */
  emit(flow: PlannedFlow, endMs: number): void {
    const startOfFlow = endMs - flow.durationMs;
    const spans: Span[] = [];
    for (const planned of flow.spans) {
      const parent: Context =
        planned.parent === undefined
          ? ROOT_CONTEXT
          : trace.setSpan(ROOT_CONTEXT, spans[planned.parent]);
      const startTime = startOfFlow + planned.startMs;
      const span = this.tracer(planned.service).startSpan(
        planned.name,
        {
          kind: KINDS[planned.kind],
          startTime,
          attributes: planned.attributes,
        },
        parent,
      );
      if (planned.error) {
        span.recordException(
          { name: 'Error', message: planned.error },
          startTime + planned.durationMs,
        );
        span.setStatus({ code: SpanStatusCode.ERROR, message: planned.error });
      }
      spans.push(span);
    }
    flow.spans.forEach((planned, i) =>
      spans[i].end(startOfFlow + planned.startMs + planned.durationMs),
    );
  }

  /** Exports what is still queued, then stops the processor (and the exporter behind it). */
  async shutdown(): Promise<void> {
    await this.processor.forceFlush();
    await this.processor.shutdown();
  }
}
