import { EdgeKind } from '@internal/plugin-telemetry-common';
import { isErrorSpan, ReceivedSpan } from '../otlp/spans';
import { floorTo, HOUR_MS, MINUTE_MS } from './minutes';

/*
 * The observed service graph from one batch. Nodes are written as the contract's fallback names
 * (`otel:<service.name>`, `db:<system>/<name>`, `topic:<name>`); the read side maps them to
 * catalog entities, so a changed annotation applies to the whole history.
 *
 * - A CLIENT (or PRODUCER) span and the SERVER (or CONSUMER) span whose parent it is, in two
 *   services: an edge caller → callee. A consumer's link to the producer's span counts like a
 *   parent. Halves in different batches (the usual case: every service exports its own) meet in
 *   the pending-pair tables, keyed by the client span's trace and span id. A CLIENT span has one
 *   SERVER span; a PRODUCER span may have several CONSUMER spans (one message, several
 *   subscribers), in this batch and later ones, so a producer always leaves its half.
 * - A CLIENT span with `db.system`: service → `db:<system>/<db.namespace | db.name>`.
 * - A PRODUCER span with `messaging.destination.name`: service → `topic:<name>`; a CONSUMER span
 *   with it: `topic:<name>` → service.
 */

export interface EdgeDelta {
  source: string;
  target: string;
  kind: EdgeKind;
  bucketMs: number;
  count: number;
  errors: number;
  firstSeenMs: number;
  lastSeenMs: number;
}

/** One half of a caller/callee pair, waiting for the other. */
export interface PendingHalf {
  /** Trace id + the client (or producer) span's id. */
  pairKey: string;
  /** Trace id + this half's own span id (for a client half, its pair key). */
  spanKey: string;
  side: 'client' | 'server';
  serviceName: string;
  kind: EdgeKind;
  error: boolean;
  atMs: number;
}

export const serviceNode = (serviceName: string) => `otel:${serviceName}`;

function str(value: unknown): string | undefined {
  return typeof value === 'string' && value ? value : undefined;
}

export function databaseNode(span: ReceivedSpan): string | undefined {
  const system = str(span.attributes['db.system']) ?? str(span.attributes['db.system.name']);
  if (!system) return undefined;
  const name = str(span.attributes['db.namespace']) ?? str(span.attributes['db.name']);
  return `db:${system}/${name ?? system}`;
}

export function topicNode(span: ReceivedSpan): string | undefined {
  const topic = str(span.attributes['messaging.destination.name']);
  return topic ? `topic:${topic}` : undefined;
}

function callKind(span: ReceivedSpan): EdgeKind {
  if (span.kind === 'producer' || span.kind === 'consumer') return 'messaging';
  return span.attributes['rpc.system'] ? 'rpc' : 'http';
}

export class EdgeAccumulator {
  private readonly edges = new Map<string, EdgeDelta>();

  constructor(private readonly unitMs: number = MINUTE_MS) {}

  add(source: string, target: string, kind: EdgeKind, atMs: number, error: boolean) {
    const bucketMs = floorTo(atMs, this.unitMs);
    const k = `${source}\u0000${target}\u0000${kind}\u0000${bucketMs}`;
    const edge = this.edges.get(k);
    if (edge) {
      edge.count += 1;
      if (error) edge.errors += 1;
      edge.firstSeenMs = Math.min(edge.firstSeenMs, atMs);
      edge.lastSeenMs = Math.max(edge.lastSeenMs, atMs);
    } else {
      this.edges.set(k, {
        source,
        target,
        kind,
        bucketMs,
        count: 1,
        errors: error ? 1 : 0,
        firstSeenMs: atMs,
        lastSeenMs: atMs,
      });
    }
  }

  values(): EdgeDelta[] {
    return [...this.edges.values()];
  }
}

/** Deltas with the same edge and bucket (of `unitMs`) added together: one row per key. */
export function mergeEdges(deltas: readonly EdgeDelta[], unitMs: number): EdgeDelta[] {
  const merged = new Map<string, EdgeDelta>();
  for (const d of deltas) {
    const bucketMs = floorTo(d.bucketMs, unitMs);
    const k = `${d.source}\u0000${d.target}\u0000${d.kind}\u0000${bucketMs}`;
    const row = merged.get(k);
    if (!row) merged.set(k, { ...d, bucketMs });
    else {
      row.count += d.count;
      row.errors += d.errors;
      row.firstSeenMs = Math.min(row.firstSeenMs, d.firstSeenMs);
      row.lastSeenMs = Math.max(row.lastSeenMs, d.lastSeenMs);
    }
  }
  return [...merged.values()];
}

/** Edge deltas summed into hours (late data for rolled-up hours). */
export function edgesToHours(deltas: readonly EdgeDelta[]): EdgeDelta[] {
  return mergeEdges(deltas, HOUR_MS);
}

export interface BatchGraph {
  edges: EdgeDelta[];
  pending: PendingHalf[];
}

/** The edges a batch shows by itself, and the halves it leaves for other batches. */
export function graphOfBatch(spans: readonly ReceivedSpan[]): BatchGraph {
  const byId = new Map<string, ReceivedSpan>();
  for (const span of spans) byId.set(span.traceId + span.spanId, span);
  const acc = new EdgeAccumulator();
  const pairedCallers = new Set<string>();
  const pending: PendingHalf[] = [];

  for (const span of spans) {
    const error = isErrorSpan(span);
    if (span.kind === 'client') {
      const db = databaseNode(span);
      if (db) acc.add(serviceNode(span.serviceName), db, 'database', span.endMs, error);
    } else if (span.kind === 'producer') {
      const topic = topicNode(span);
      if (topic) acc.add(serviceNode(span.serviceName), topic, 'messaging', span.endMs, error);
    } else if (span.kind === 'consumer') {
      const topic = topicNode(span);
      if (topic) acc.add(topic, serviceNode(span.serviceName), 'messaging', span.endMs, error);
    }
    if (span.kind !== 'server' && span.kind !== 'consumer') continue;

    // A consumer whose parent is also its link meets that producer once.
    const callers = new Set([
      ...(span.parentSpanId ? [span.traceId + span.parentSpanId] : []),
      ...(span.kind === 'consumer' ? (span.links ?? []).map(l => l.traceId + l.spanId) : []),
    ]);
    for (const callerKey of callers) {
      const caller = byId.get(callerKey);
      if (caller) {
        if (
          (caller.kind === 'client' || caller.kind === 'producer') &&
          caller.serviceName !== span.serviceName
        ) {
          pairedCallers.add(callerKey);
          acc.add(
            serviceNode(caller.serviceName),
            serviceNode(span.serviceName),
            callKind(caller),
            caller.endMs,
            error || isErrorSpan(caller),
          );
        }
      } else {
        pending.push({
          pairKey: callerKey,
          spanKey: span.traceId + span.spanId,
          side: 'server',
          serviceName: span.serviceName,
          kind: callKind(span),
          error,
          atMs: span.endMs,
        });
      }
    }
  }

  for (const span of spans) {
    if (span.kind !== 'client' && span.kind !== 'producer') continue;
    const k = span.traceId + span.spanId;
    // Database calls have no server span to meet; a client span met its one server span here.
    // A producer's other consumers may come in later batches: its half always waits for them.
    if (databaseNode(span) || (span.kind === 'client' && pairedCallers.has(k))) continue;
    pending.push({
      pairKey: k,
      spanKey: k,
      side: 'client',
      serviceName: span.serviceName,
      kind: callKind(span),
      error: isErrorSpan(span),
      atMs: span.endMs,
    });
  }
  return { edges: acc.values(), pending };
}
