import { Knex } from 'knex';
import { StoredSpan } from './SampleWriter';
import { chunks, SAMPLE_SPANS, TRACE_SAMPLES } from './tables';

export interface StoredSample {
  traceId: string;
  serviceName: string;
  reason: 'error' | 'slow';
  rootName: string;
  startMs: number;
  durationMs: number;
}

/** A service's sampled traces and the spans kept of them. */
export class SampleReader {
  constructor(private readonly db: Knex) {}

  async samples(serviceName: string): Promise<StoredSample[]> {
    const rows = await this.db(TRACE_SAMPLES)
      .where({ service_name: serviceName })
      .select('trace_id', 'reason', 'root_name', 'start_ms', 'duration_ms');
    return rows.map(r => ({
      traceId: r.trace_id,
      serviceName,
      reason: r.reason,
      rootName: r.root_name,
      startMs: Number(r.start_ms),
      durationMs: Number(r.duration_ms),
    }));
  }

  async spans(traceIds: string[]): Promise<Map<string, StoredSpan[]>> {
    const byTrace = new Map<string, StoredSpan[]>();
    for (const chunk of chunks([...new Set(traceIds)], 500)) {
      const rows = await this.db(SAMPLE_SPANS).whereIn('trace_id', chunk).select('trace_id', 'span');
      for (const row of rows) {
        const list = byTrace.get(row.trace_id) ?? [];
        list.push(JSON.parse(row.span));
        byTrace.set(row.trace_id, list);
      }
    }
    return byTrace;
  }
}
