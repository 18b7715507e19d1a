import {
  InMemorySpanExporter,
  SimpleSpanProcessor,
} from '@opentelemetry/sdk-trace';
import { DemoTrafficShape } from '../shape';
import { DemoTrafficRunner } from './DemoTrafficRunner';
import { SpanEmitter } from './SpanEmitter';

function runner(requestsPerSecond: number, tickMs = 1000) {
  const exporter = new InMemorySpanExporter();
  const emitter = new SpanEmitter(new SimpleSpanProcessor({ exporter }));
  const emit = jest.spyOn(emitter, 'emit');
  const now = Date.parse('2026-11-22T09:00:00Z');
  const r = new DemoTrafficRunner({
    shape: new DemoTrafficShape(),
    emitter,
    requestsPerSecond,
    tickMs,
    now: () => now,
  });
  return { r, emit, exporter, now };
}

describe('DemoTrafficRunner', () => {
  it('emits the requests due each tick, carrying fractions over', () => {
    const { r } = runner(2.5);
    expect([r.tick(), r.tick(), r.tick(), r.tick()]).toEqual([2, 3, 2, 3]);
    expect(r.requests).toBe(10);
  });

  it('spreads the ends of a tick’s requests over the tick, the last one now', () => {
    const { r, emit, now } = runner(4);
    r.tick();
    expect(emit.mock.calls.map(([, end]) => now - end)).toEqual([
      750, 500, 250, 0,
    ]);
  });

  it('caps the rate at 10 requests a second — under 300 spans a second', () => {
    const { r, exporter } = runner(50);
    r.tick();
    expect(r.requests).toBe(10);
    expect(exporter.getFinishedSpans().length).toBeLessThan(300);
  });

  it('ticks on a timer once started, and stops by flushing and shutting down', async () => {
    const sleep = (ms: number) =>
      new Promise(resolve => setTimeout(resolve, ms));
    const { r, exporter } = runner(10, 20);
    r.start();
    r.start(); // a second start does not double the rate
    await sleep(300);
    await r.stop();
    const made = r.requests;
    // 10 a second for about 0.3 s, one timer only.
    expect(made).toBeGreaterThanOrEqual(1);
    expect(made).toBeLessThanOrEqual(5);
    await sleep(100);
    expect(r.requests).toBe(made);
    // The processor is shut down, and the in-memory exporter with it.
    expect(exporter.getFinishedSpans()).toEqual([]);
  });
});
