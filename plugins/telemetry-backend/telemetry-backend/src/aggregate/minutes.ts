import { isErrorSpan, ReceivedSpan } from '../otlp/spans';
import { bucketIndex, emptyBuckets } from './histogram';

export const MINUTE_MS = 60_000;
export const HOUR_MS = 60 * MINUTE_MS;

/** Longest operation name kept; longer span names are cut (they are usually ids in the name). */
export const MAX_OPERATION_LENGTH = 200;

/** Requests, errors and the latency histogram of one service's operation in one time bucket. */
export interface RedDelta {
  serviceName: string;
  operation: string;
  /** Start of the bucket (minute or hour), epoch ms. */
  bucketMs: number;
  requests: number;
  errors: number;
  durationSumMs: number;
  buckets: number[];
}

export function floorTo(ms: number, unitMs: number): number {
  return Math.floor(ms / unitMs) * unitMs;
}

/** Spans that are requests a service served: SERVER and CONSUMER spans. */
export function isServed(span: ReceivedSpan): boolean {
  return span.kind === 'server' || span.kind === 'consumer';
}

export function operationOf(span: ReceivedSpan): string {
  const name = span.name || String(span.attributes['http.route'] ?? '') || '(unnamed)';
  return name.length > MAX_OPERATION_LENGTH ? name.slice(0, MAX_OPERATION_LENGTH) : name;
}

function key(serviceName: string, operation: string, bucketMs: number) {
  return `${serviceName}\u0000${operation}\u0000${bucketMs}`;
}

/**
 * RED per service, operation and minute from the served spans of a batch. A request counts in
 * the minute it ended in (when its latency is known, as a server's own metrics would count it).
 */
export function redByMinute(spans: readonly ReceivedSpan[]): RedDelta[] {
  const rows = new Map<string, RedDelta>();
  for (const span of spans) {
    if (!isServed(span)) continue;
    const operation = operationOf(span);
    const bucketMs = floorTo(span.endMs, MINUTE_MS);
    const k = key(span.serviceName, operation, bucketMs);
    let row = rows.get(k);
    if (!row) {
      row = {
        serviceName: span.serviceName,
        operation,
        bucketMs,
        requests: 0,
        errors: 0,
        durationSumMs: 0,
        buckets: emptyBuckets(),
      };
      rows.set(k, row);
    }
    const durationMs = span.endMs - span.startMs;
    row.requests += 1;
    if (isErrorSpan(span)) row.errors += 1;
    row.durationSumMs += durationMs;
    row.buckets[bucketIndex(durationMs)] += 1;
  }
  return [...rows.values()];
}

/** The same deltas summed into hours (for late spans whose hour is already rolled up). */
export function toHours(deltas: readonly RedDelta[]): RedDelta[] {
  const rows = new Map<string, RedDelta>();
  for (const d of deltas) {
    const bucketMs = floorTo(d.bucketMs, HOUR_MS);
    const k = key(d.serviceName, d.operation, bucketMs);
    const row = rows.get(k);
    if (!row) {
      rows.set(k, { ...d, bucketMs, buckets: [...d.buckets] });
    } else {
      row.requests += d.requests;
      row.errors += d.errors;
      row.durationSumMs += d.durationSumMs;
      for (let i = 0; i < row.buckets.length; i++) row.buckets[i] += d.buckets[i];
    }
  }
  return [...rows.values()];
}
