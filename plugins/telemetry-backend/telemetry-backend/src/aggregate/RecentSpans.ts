import { ReceivedSpan } from '../otlp/spans';

/**
 * The last few thousand spans this process received, by trace: when a trace enters a sample,
 * the spans of it that came in earlier batches (other services usually export before the entry
 * service's span ends) are still here to complete its tree. Bounded by span count; the oldest
 * traces go first. Per process: on another replica, or after a restart, a sampled trace's tree
 * shows only the spans that arrive from then on.
 */
export class RecentSpans {
  private readonly traces = new Map<string, ReceivedSpan[]>();
  private size = 0;

  constructor(private readonly capacity: number) {}

  add(spans: readonly ReceivedSpan[]) {
    if (this.capacity <= 0) return;
    for (const span of spans) {
      const list = this.traces.get(span.traceId);
      if (list) list.push(span);
      else this.traces.set(span.traceId, [span]);
      this.size += 1;
    }
    // Map iteration order is insertion order: the first keys are the oldest traces.
    for (const [traceId, list] of this.traces) {
      if (this.size <= this.capacity) break;
      this.traces.delete(traceId);
      this.size -= list.length;
    }
  }

  spansOf(traceId: string): readonly ReceivedSpan[] {
    return this.traces.get(traceId) ?? [];
  }

  get spanCount(): number {
    return this.size;
  }
}
