import { EdgeKind } from '@internal/plugin-telemetry-common';
import { Knex } from 'knex';
import { Retention, splitPoint } from './Retention';
import { EDGE_HOURS, EDGE_MINUTES, readState, ROLLED_UP_UNTIL } from './tables';

export interface StoredEdge {
  source: string;
  target: string;
  kind: EdgeKind;
  count: number;
  errors: number;
  firstSeenMs: number;
  lastSeenMs: number;
}

/** The observed edges over [from, to), summed (hour rows before the split, minute rows after). */
export class GraphReader {
  constructor(
    private readonly db: Knex,
    private readonly retention: Retention,
    private readonly now: () => number = Date.now,
  ) {}

  async edges(fromMs: number, toMs: number, preferHours: boolean): Promise<StoredEdge[]> {
    const rolledUpUntil = (await readState(this.db, ROLLED_UP_UNTIL)) ?? 0;
    const split = splitPoint({
      nowMs: this.now(),
      rolledUpUntil,
      retention: this.retention,
      preferHours,
    });
    const merged = new Map<string, StoredEdge>();
    const parts = [
      { table: EDGE_HOURS, from: fromMs, to: Math.min(toMs, split) },
      { table: EDGE_MINUTES, from: Math.max(fromMs, split), to: toMs },
    ].filter(p => p.from < p.to);
    for (const part of parts) {
      const rows = await this.db(part.table)
        .select(
          'source',
          'target',
          'kind',
          this.db.raw('SUM(count) as count'),
          this.db.raw('SUM(errors) as errors'),
          this.db.raw('MIN(first_seen) as first_seen'),
          this.db.raw('MAX(last_seen) as last_seen'),
        )
        .where('bucket', '>=', part.from)
        .andWhere('bucket', '<', part.to)
        .groupBy('source', 'target', 'kind');
      for (const row of rows) {
        const k = `${row.source}\u0000${row.target}\u0000${row.kind}`;
        const edge = merged.get(k);
        const next: StoredEdge = {
          source: row.source,
          target: row.target,
          kind: row.kind,
          count: Number(row.count),
          errors: Number(row.errors),
          firstSeenMs: Number(row.first_seen),
          lastSeenMs: Number(row.last_seen),
        };
        if (!edge) merged.set(k, next);
        else {
          edge.count += next.count;
          edge.errors += next.errors;
          edge.firstSeenMs = Math.min(edge.firstSeenMs, next.firstSeenMs);
          edge.lastSeenMs = Math.max(edge.lastSeenMs, next.lastSeenMs);
        }
      }
    }
    return [...merged.values()].sort((a, b) => b.count - a.count);
  }
}
