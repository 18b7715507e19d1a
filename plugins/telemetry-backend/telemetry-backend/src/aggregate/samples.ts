import { isErrorSpan, ReceivedSpan } from '../otlp/spans';
import { isServed, operationOf } from './minutes';

/** Per service: this many failing and this many slowest traces are kept. */
export const SAMPLES_PER_REASON = 20;

export type SampleReason = 'error' | 'slow';

/** A trace that may enter a service's sample, judged by the service's entry span. */
export interface SampleCandidate {
  serviceName: string;
  traceId: string;
  reason: SampleReason;
  durationMs: number;
  startMs: number;
  rootName: string;
}

/**
 * The traces of a batch that may enter the per-service samples: a service's entry span (a served
 * span whose parent is in another service, or not in the batch) that failed is a `error`
 * candidate; one slower than the service's current slowest-sample threshold is a `slow` one. At
 * most {@link SAMPLES_PER_REASON} per service and reason per batch: the slowest, the latest
 * failing. The store then keeps the best of old and new (replace-worst).
 */
export function sampleCandidates(
  spans: readonly ReceivedSpan[],
  slowThresholdMs: (serviceName: string) => number,
): SampleCandidate[] {
  const byId = new Map<string, ReceivedSpan>();
  for (const span of spans) byId.set(span.traceId + span.spanId, span);
  const best = new Map<string, SampleCandidate>();
  const offer = (candidate: SampleCandidate) => {
    const k = `${candidate.serviceName}\u0000${candidate.reason}\u0000${candidate.traceId}`;
    const known = best.get(k);
    if (!known || known.durationMs < candidate.durationMs) best.set(k, candidate);
  };
  for (const span of spans) {
    if (!isServed(span)) continue;
    const parent = span.parentSpanId ? byId.get(span.traceId + span.parentSpanId) : undefined;
    if (parent && parent.serviceName === span.serviceName) continue;
    const durationMs = span.endMs - span.startMs;
    const base = {
      serviceName: span.serviceName,
      traceId: span.traceId,
      durationMs,
      startMs: span.startMs,
      rootName: operationOf(span),
    };
    if (isErrorSpan(span)) offer({ ...base, reason: 'error' });
    if (durationMs > slowThresholdMs(span.serviceName)) offer({ ...base, reason: 'slow' });
  }
  const groups = new Map<string, SampleCandidate[]>();
  for (const c of best.values()) {
    const k = `${c.serviceName}\u0000${c.reason}`;
    const group = groups.get(k) ?? [];
    group.push(c);
    groups.set(k, group);
  }
  const out: SampleCandidate[] = [];
  for (const group of groups.values()) {
    group.sort((a, b) =>
      a.reason === 'slow' ? b.durationMs - a.durationMs : b.startMs - a.startMs,
    );
    out.push(...group.slice(0, SAMPLES_PER_REASON));
  }
  return out;
}
