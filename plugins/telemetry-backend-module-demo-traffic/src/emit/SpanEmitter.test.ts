import { SpanKind, SpanStatusCode } from '@opentelemetry/api';
import {
  InMemorySpanExporter,
  ReadableSpan,
  SimpleSpanProcessor,
} from '@opentelemetry/sdk-trace';
import { DemoTrafficShape, PlannedFlow } from '../shape';
import { SpanEmitter } from './SpanEmitter';

const msOf = ([s, ns]: [number, number]) => s * 1000 + ns / 1e6;

function emitted(flows: PlannedFlow[], endMs: number) {
  const exporter = new InMemorySpanExporter();
  const emitter = new SpanEmitter(new SimpleSpanProcessor({ exporter }));
  for (const flow of flows) emitter.emit(flow, endMs);
  return exporter.getFinishedSpans();
}

describe('SpanEmitter', () => {
  const END = Date.parse('2026-11-22T09:00:00Z');
  const shape = new DemoTrafficShape();
  const run = shape.nextFlow();

  it('emits every planned span as a real SDK span of its own service, in one trace', () => {
    const spans = emitted([run], END);
    expect(spans).toHaveLength(run.spans.length);
    expect(new Set(spans.map(s => s.spanContext().traceId)).size).toBe(1);
    const byName = (service: string, name: string) =>
      spans.find(
        s =>
          s.resource.attributes['service.name'] === service && s.name === name,
      )!;
    const usage = byName('billing', 'POST /v1/usage');
    expect(usage.kind).toBe(SpanKind.SERVER);
    expect(usage.attributes).toMatchObject({ 'http.route': '/v1/usage' });
    expect(usage.resource.attributes).toMatchObject({
      'service.name': 'billing',
      'service.namespace': 'dataflow',
    });
    // Its parent is etl-workers' CLIENT span, which is the child of the worker's CONSUMER span.
    const client = spans.find(
      s => s.spanContext().spanId === usage.parentSpanContext?.spanId,
    )!;
    expect(client.resource.attributes['service.name']).toBe('etl-workers');
    expect(client.kind).toBe(SpanKind.CLIENT);
    const consumer = spans.find(
      s => s.spanContext().spanId === client.parentSpanContext?.spanId,
    )!;
    expect(consumer.kind).toBe(SpanKind.CONSUMER);
    expect(consumer.name).toBe('etl.tasks process');
    // The gateway's server span is the root.
    const root = byName('api-gateway', 'POST /v1/pipelines/{id}/runs');
    expect(root.parentSpanContext).toBeUndefined();
  });

  it('keeps the planned times, all in the past, the flow ending at the given moment', () => {
    const spans = emitted([run], END);
    const ends = spans.map(s => msOf(s.endTime as [number, number]));
    expect(Math.max(...ends)).toBeCloseTo(END, 0);
    const starts = spans.map(s => msOf(s.startTime as [number, number]));
    expect(Math.min(...starts)).toBeCloseTo(END - run.durationMs, 0);
    // Each planned span, by name and start, lasts what the plan says.
    const base = END - run.durationMs;
    const key = (name: string, startMs: number) =>
      `${name}@${startMs.toFixed(1)}`;
    const durations = new Map(
      spans.map(s => [
        key(s.name, msOf(s.startTime as [number, number]) - base),
        msOf(s.duration as [number, number]),
      ]),
    );
    expect(
      run.spans.map(p => durations.get(key(p.name, p.startMs))?.toFixed(1)),
    ).toEqual(run.spans.map(p => p.durationMs.toFixed(1)));
  });

  it('marks failed spans with an error status and an exception event', () => {
    const failingShape = new DemoTrafficShape();
    let failed: PlannedFlow | undefined;
    for (let i = 0; i < 500 && !failed; i++) {
      const flow = failingShape.nextFlow();
      if (flow.spans.some(s => s.service === 'etl-workers' && s.error))
        failed = flow;
    }
    const spans: ReadableSpan[] = emitted([failed!], END);
    const worker = spans.find(s => s.name === 'etl.tasks process')!;
    expect(worker.status).toEqual({
      code: SpanStatusCode.ERROR,
      message: 'pipeline run failed: source refused the connection',
    });
    expect(
      worker.events.map(e => [e.name, e.attributes?.['exception.message']]),
    ).toEqual([
      ['exception', 'pipeline run failed: source refused the connection'],
    ]);
    expect(spans.some(s => s.name === 'pipeline.run.failed publish')).toBe(
      true,
    );
    const healthy = spans.find(s => s.name === 'GET /v1/pipelines/{id}')!;
    expect(healthy.status.code).toBe(SpanStatusCode.UNSET);
  });
});
