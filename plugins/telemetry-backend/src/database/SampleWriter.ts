import { Knex } from 'knex';
import { RecentSpans } from '../aggregate/RecentSpans';
import { SAMPLES_PER_REASON, SampleCandidate, sampleCandidates } from '../aggregate/samples';
import { ReceivedSpan } from '../otlp/spans';
import { insertJson } from './insertJson';
import { chunks, SAMPLE_SPANS, TRACE_SAMPLES } from './tables';

/** Spans kept per sampled trace at most (a runaway trace does not fill the table). */
export const MAX_SPANS_PER_TRACE = 500;
const IDS_PER_QUERY = 500;

/** What a stored sample span holds (the tree is built when read). */
export interface StoredSpan {
  spanId: string;
  parentSpanId?: string;
  serviceName: string;
  name: string;
  kind: ReceivedSpan['kind'];
  startMs: number;
  durationMs: number;
  status: ReceivedSpan['status'];
  statusMessage?: string;
  attributes: ReceivedSpan['attributes'];
}

export function toStoredSpan(span: ReceivedSpan): StoredSpan {
  return {
    spanId: span.spanId,
    ...(span.parentSpanId ? { parentSpanId: span.parentSpanId } : {}),
    serviceName: span.serviceName,
    name: span.name,
    kind: span.kind,
    startMs: span.startMs,
    durationMs: span.endMs - span.startMs,
    status: span.status,
    ...(span.statusMessage ? { statusMessage: span.statusMessage } : {}),
    attributes: span.attributes,
  };
}

/**
 * Keeps per service the {@link SAMPLES_PER_REASON} latest failing and slowest traces
 * (replace-worst) and the spans of sampled traces, inside the ingest transaction. Remembers each
 * service's current slowest-sample threshold so most batches offer no slow candidates at all.
 */
export class SampleWriter {
  private readonly slowThresholds = new Map<string, number>();

  constructor(private readonly recent: RecentSpans) {}

  async write(tx: Knex.Transaction, spans: readonly ReceivedSpan[], nowMs: number) {
    this.recent.add(spans);
    const candidates = sampleCandidates(spans, s => this.slowThresholds.get(s) ?? 0);
    const newlySampled = await this.offer(tx, candidates, nowMs);

    const traceIds = [...new Set(spans.map(s => s.traceId))].sort();
    const sampled = new Set<string>();
    for (const chunk of chunks(traceIds, IDS_PER_QUERY)) {
      const rows = await tx(TRACE_SAMPLES).distinct('trace_id').whereIn('trace_id', chunk);
      for (const row of rows) sampled.add(row.trace_id);
    }
    if (sampled.size === 0) return;

    const toStore = new Map<string, ReceivedSpan>();
    const perTrace = new Map<string, number>();
    const keep = (span: ReceivedSpan) => {
      const n = perTrace.get(span.traceId) ?? 0;
      if (n >= MAX_SPANS_PER_TRACE) return;
      perTrace.set(span.traceId, n + 1);
      toStore.set(span.traceId + span.spanId, span);
    };
    for (const span of spans) if (sampled.has(span.traceId)) keep(span);
    for (const traceId of newlySampled) {
      if (!sampled.has(traceId)) continue;
      for (const span of this.recent.spansOf(traceId)) keep(span);
    }
    const rows = [...toStore.values()]
      .sort((a, b) => (a.traceId + a.spanId < b.traceId + b.spanId ? -1 : 1))
      .map(span => ({
        trace_id: span.traceId,
        span_id: span.spanId,
        span: JSON.stringify(toStoredSpan(span)),
        stored_at: nowMs,
      }));
    await insertJson(
      tx,
      SAMPLE_SPANS,
      ['trace_id', 'span_id', 'span', 'stored_at'],
      rows,
      '(trace_id, span_id) DO NOTHING',
    );
  }

  /** Inserts the candidates, trims each touched sample back to its bound; returns the traces that stayed. */
  private async offer(
    tx: Knex.Transaction,
    candidates: SampleCandidate[],
    nowMs: number,
  ): Promise<Set<string>> {
    if (candidates.length === 0) return new Set();
    const rows = candidates
      .map(c => ({
        service_name: c.serviceName,
        reason: c.reason,
        trace_id: c.traceId,
        duration_ms: c.durationMs,
        start_ms: Math.floor(c.startMs),
        root_name: c.rootName.slice(0, 255),
        sampled_at: nowMs,
      }))
      .sort((a, b) => {
        const ka = `${a.service_name}\u0000${a.reason}\u0000${a.trace_id}`;
        const kb = `${b.service_name}\u0000${b.reason}\u0000${b.trace_id}`;
        return ka < kb ? -1 : 1;
      });
    await insertJson(
      tx,
      TRACE_SAMPLES,
      Object.keys(rows[0]),
      rows,
      '(service_name, reason, trace_id) DO NOTHING',
    );
    const groups = new Map<string, { service: string; reason: string }>();
    for (const c of candidates) {
      groups.set(`${c.serviceName}\u0000${c.reason}`, { service: c.serviceName, reason: c.reason });
    }
    const kept = new Set<string>();
    for (const { service, reason } of groups.values()) {
      // Replace-worst: the slowest stay in the slow sample, the latest in the failing one.
      const order = reason === 'slow' ? 'duration_ms' : 'start_ms';
      const best = await tx(TRACE_SAMPLES)
        .where({ service_name: service, reason })
        .orderBy([{ column: order, order: 'desc' }, { column: 'trace_id' }])
        .limit(SAMPLES_PER_REASON)
        .select('trace_id', 'duration_ms');
      const bestIds = best.map(r => r.trace_id as string);
      await tx(TRACE_SAMPLES)
        .where({ service_name: service, reason })
        .whereNotIn('trace_id', bestIds)
        .delete();
      bestIds.forEach(id => kept.add(id));
      if (reason === 'slow') {
        this.slowThresholds.set(
          service,
          best.length >= SAMPLES_PER_REASON ? Number(best[best.length - 1].duration_ms) : 0,
        );
      }
    }
    return new Set(candidates.map(c => c.traceId).filter(id => kept.has(id)));
  }
}
