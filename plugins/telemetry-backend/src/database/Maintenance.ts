import { Knex } from 'knex';
import { mergeEdges, EdgeDelta } from '../aggregate/graph';
import { BUCKET_COLUMNS } from '../aggregate/histogram';
import { floorTo, HOUR_MS, MINUTE_MS, RedDelta, toHours } from '../aggregate/minutes';
import { ROLLUP_LOCK_KEY } from './IngestStore';
import { Retention } from './Retention';
import {
  EDGE_HOURS,
  EDGE_MINUTES,
  isPostgres,
  PENDING_PAIRS,
  PENDING_RECEIVERS,
  readState,
  RED_HOURS,
  RED_MINUTES,
  ROLLED_UP_UNTIL,
  SAMPLE_SPANS,
  SEEN_SPANS,
  TRACE_SAMPLES,
  upsertAddEdges,
  upsertAddRed,
  writeState,
} from './tables';

/** Hours rolled up per transaction, so one run's work (and lock) stays short. */
const HOURS_PER_TRANSACTION = 6;

export interface MaintenanceReport {
  rolledUpUntil: number;
  deleted: Record<string, number>;
}

/**
 * The scheduled work: minutes → hours (downsampling) and retention. Safe to run on several
 * replicas at once (the scheduler runs it on one; the rollup lock covers the rest).
 */
export class Maintenance {
  constructor(
    private readonly db: Knex,
    private readonly retention: Retention,
    private readonly now: () => number = Date.now,
  ) {}

  async run(): Promise<MaintenanceReport> {
    const rolledUpUntil = await this.rollUp();
    return { rolledUpUntil, deleted: await this.expire(rolledUpUntil) };
  }

  /**
   * Rolls every complete hour (ended at least 5 minutes ago) that is not rolled up yet into the
   * hour tables, then moves the watermark. Late spans for hours before the watermark are added
   * to hour rows by the ingest itself.
   */
  async rollUp(): Promise<number> {
    const target = floorTo(this.now() - 5 * MINUTE_MS, HOUR_MS);
    for (;;) {
      const done = await this.db.transaction(async tx => {
        if (isPostgres(tx)) {
          await tx.raw('SELECT pg_advisory_xact_lock(?)', [ROLLUP_LOCK_KEY]);
        }
        let from = await readState(tx, ROLLED_UP_UNTIL);
        if (from === undefined) {
          const oldest = await tx(RED_MINUTES).min('bucket as oldest').first();
          const oldestEdge = await tx(EDGE_MINUTES).min('bucket as oldest').first();
          const candidates = [oldest?.oldest, oldestEdge?.oldest]
            .filter(v => v !== null && v !== undefined)
            .map(Number);
          from = candidates.length ? floorTo(Math.min(...candidates), HOUR_MS) : target;
        }
        if (from >= target) {
          await writeState(tx, ROLLED_UP_UNTIL, Math.max(from, 0));
          return { until: from, finished: true };
        }
        const until = Math.min(target, from + HOURS_PER_TRANSACTION * HOUR_MS);
        await this.rollUpRange(tx, from, until);
        await writeState(tx, ROLLED_UP_UNTIL, until);
        return { until, finished: until >= target };
      });
      if (done.finished) return done.until;
    }
  }

  private async rollUpRange(tx: Knex.Transaction, from: number, to: number) {
    const red = await tx(RED_MINUTES)
      .where('bucket', '>=', from)
      .andWhere('bucket', '<', to)
      .select();
    const deltas: RedDelta[] = red.map(r => ({
      serviceName: r.service_name,
      operation: r.operation,
      bucketMs: Number(r.bucket),
      requests: Number(r.requests),
      errors: Number(r.errors),
      durationSumMs: Number(r.duration_sum_ms),
      buckets: BUCKET_COLUMNS.map(c => Number(r[c])),
    }));
    await upsertAddRed(tx, RED_HOURS, toHours(deltas));

    const edges = await tx(EDGE_MINUTES)
      .where('bucket', '>=', from)
      .andWhere('bucket', '<', to)
      .select();
    const edgeDeltas: EdgeDelta[] = edges.map(e => ({
      source: e.source,
      target: e.target,
      kind: e.kind,
      bucketMs: Number(e.bucket),
      count: Number(e.count),
      errors: Number(e.errors),
      firstSeenMs: Number(e.first_seen),
      lastSeenMs: Number(e.last_seen),
    }));
    await upsertAddEdges(tx, EDGE_HOURS, mergeEdges(edgeDeltas, HOUR_MS));
  }

  /** Deletes what is past its retention; minute rows only once they are rolled up. */
  async expire(rolledUpUntil: number): Promise<Record<string, number>> {
    const now = this.now();
    const r = this.retention;
    const minutesBefore = Math.min(now - r.minutesMs, rolledUpUntil);
    const deleted: Record<string, number> = {};
    const drop = async (table: string, column: string, before: number) => {
      deleted[table] = (deleted[table] ?? 0) + (await this.db(table).where(column, '<', before).delete());
    };
    await drop(RED_MINUTES, 'bucket', minutesBefore);
    await drop(EDGE_MINUTES, 'bucket', minutesBefore);
    await drop(RED_HOURS, 'bucket', now - r.hoursMs);
    await drop(EDGE_HOURS, 'bucket', now - r.hoursMs);
    await drop(SEEN_SPANS, 'seen_at', now - r.dedupMs);
    await drop(PENDING_PAIRS, 'created_at', now - r.pendingPairsMs);
    await drop(PENDING_RECEIVERS, 'created_at', now - r.pendingPairsMs);
    await drop(TRACE_SAMPLES, 'sampled_at', now - r.samplesMs);
    await drop(SAMPLE_SPANS, 'stored_at', now - r.samplesMs);
    // Spans of traces that left their sample (replaced by worse ones).
    deleted[SAMPLE_SPANS] += await this.db(SAMPLE_SPANS)
      .whereNotIn('trace_id', this.db(TRACE_SAMPLES).select('trace_id'))
      .delete();
    return deleted;
  }
}
