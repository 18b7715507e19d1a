import { Knex } from 'knex';
import { BUCKET_COLUMNS } from '../aggregate/histogram';
import { HOUR_MS } from '../aggregate/minutes';
import { Retention, splitPoint } from './Retention';
import { readState, RED_HOURS, RED_MINUTES, ROLLED_UP_UNTIL } from './tables';

/** Requests, errors and the merged histogram of some rows. */
export interface RedSums {
  requests: number;
  errors: number;
  buckets: number[];
}

export interface RedRow extends RedSums {
  operation: string;
  bucketMs: number;
}

export interface RedRange {
  serviceName: string;
  operation?: string;
  fromMs: number;
  toMs: number;
  /** Read hour rows where complete (long windows), instead of minutes wherever they exist. */
  preferHours?: boolean;
}

const SUMS = ['requests', 'errors', ...BUCKET_COLUMNS];

function toSums(row: Record<string, unknown> | undefined): RedSums {
  return {
    requests: Number(row?.requests ?? 0),
    errors: Number(row?.errors ?? 0),
    buckets: BUCKET_COLUMNS.map(c => Number(row?.[c] ?? 0)),
  };
}

/** One service's served spans over a range, summed by the database. */
export interface ServiceTotals {
  serviceName: string;
  spans: number;
  errors: number;
  /** Start of the latest minute (or hour, from hour rows) with spans, epoch ms. */
  lastSeenMs: number;
}

/** A column the aggregate rows sum: requests, errors or a histogram bucket (b00 … b51). */
export type SumColumn = string;

/** Reads the RED aggregates over [from, to), from hour rows and minute rows as Retention says. */
export class AggregateReader {
  constructor(
    private readonly db: Knex,
    private readonly retention: Retention,
    private readonly now: () => number = Date.now,
  ) {}

  private async parts(
    range: Pick<RedRange, 'fromMs' | 'toMs' | 'preferHours'>,
  ) {
    const rolledUpUntil = (await readState(this.db, ROLLED_UP_UNTIL)) ?? 0;
    const split = splitPoint({
      nowMs: this.now(),
      rolledUpUntil,
      retention: this.retention,
      preferHours: range.preferHours ?? false,
    });
    const parts: Array<{ table: string; from: number; to: number }> = [];
    // An hour row counts when its hour starts inside the range.
    const hoursTo = Math.min(range.toMs, split);
    if (range.fromMs < hoursTo)
      parts.push({ table: RED_HOURS, from: range.fromMs, to: hoursTo });
    const minutesFrom = Math.max(range.fromMs, split);
    if (minutesFrom < range.toMs) {
      parts.push({ table: RED_MINUTES, from: minutesFrom, to: range.toMs });
    }
    return parts;
  }

  private where(
    q: Knex.QueryBuilder,
    range: RedRange,
    from: number,
    to: number,
  ) {
    q.where('service_name', range.serviceName)
      .andWhere('bucket', '>=', from)
      .andWhere('bucket', '<', to);
    if (range.operation !== undefined) q.andWhere('operation', range.operation);
    return q;
  }

  /** Totals over the range: one SUM per column, done by the database. */
  async sums(range: RedRange): Promise<RedSums> {
    const total: RedSums = toSums(undefined);
    for (const part of await this.parts(range)) {
      const row = await this.where(
        this.db(part.table).select(
          SUMS.map(c => this.db.raw('SUM(??) as ??', [c, c])),
        ),
        range,
        part.from,
        part.to,
      ).first();
      const sums = toSums(row);
      total.requests += sums.requests;
      total.errors += sums.errors;
      sums.buckets.forEach((n, i) => {
        total.buckets[i] += n;
      });
    }
    return total;
  }

  /**
   * Sums of `columns` per step [from + i·step, from + (i + 1)·step) of the range, grouped by the
   * database: a page of SLO cards reads a few dozen numbers per series instead of every row of
   * 28 days. Columns not asked for are 0. The step of a row is the same integer division the
   * rows' JS bucketing did (bucket ≥ from, so truncation is floor).
   */
  async stepSums(
    range: RedRange,
    stepMs: number,
    columns: readonly SumColumn[],
  ): Promise<RedSums[]> {
    const steps = Math.max(0, Math.ceil((range.toMs - range.fromMs) / stepMs));
    const out: RedSums[] = Array.from({ length: steps }, () =>
      toSums(undefined),
    );
    const known = new Set(SUMS);
    for (const c of columns) {
      if (!known.has(c)) throw new Error(`Unknown aggregate column ${c}`);
    }
    if (steps === 0 || columns.length === 0) return out;
    // CAST … AS BIGINT: an integer on both databases (SQLite's INTEGER affinity, PostgreSQL's
    // int8), so the division truncates and epoch milliseconds do not overflow.
    const step = this.db.raw(
      '(bucket - CAST(? AS BIGINT)) / CAST(? AS BIGINT)',
      [range.fromMs, stepMs],
    );
    for (const part of await this.parts(range)) {
      const rows = await this.where(
        this.db(part.table).select(
          this.db.raw('? as step', [step]),
          ...columns.map(c => this.db.raw('SUM(??) as ??', [c, c])),
        ),
        range,
        part.from,
        part.to,
      )
        // By position: PostgreSQL does not see two bound copies of the expression as the same.
        .groupByRaw('1');
      for (const row of rows) {
        const into = out[Number(row.step)];
        if (!into) continue;
        const sums = toSums(row);
        into.requests += sums.requests;
        into.errors += sums.errors;
        sums.buckets.forEach((n, i) => {
          into.buckets[i] += n;
        });
      }
    }
    return out;
  }

  /** The rows of the range (per operation and bucket), for per-operation figures and series. */
  async rows(range: RedRange): Promise<RedRow[]> {
    const out: RedRow[] = [];
    for (const part of await this.parts(range)) {
      const rows = await this.where(
        this.db(part.table).select('operation', 'bucket', ...SUMS),
        range,
        part.from,
        part.to,
      );
      for (const row of rows) {
        out.push({
          ...toSums(row),
          operation: row.operation,
          bucketMs: Number(row.bucket),
        });
      }
    }
    return out;
  }

  /**
   * Every service with served spans in [from, to), busiest first: spans, errors and the latest
   * bucket per service, from hour rows and minute rows as `parts` splits the range (the same
   * split RED reads). One statement: the parts' rows are grouped by service in SQL (UNION ALL
   * under one GROUP BY), so a week of minutes is summed by the database, not here.
   */
  async serviceTotals(
    range: Omit<RedRange, 'serviceName' | 'operation'>,
  ): Promise<ServiceTotals[]> {
    const parts = await this.parts(range);
    if (parts.length === 0) return [];
    const selects = parts.map(part =>
      this.db(part.table)
        .select('service_name', 'requests', 'errors', 'bucket')
        .where('bucket', '>=', part.from)
        .andWhere('bucket', '<', part.to),
    );
    const [first, ...rest] = selects;
    const rows = await this.db
      .from(rest.length ? first.unionAll(rest).as('parts') : first.as('parts'))
      .select(
        'service_name',
        this.db.raw('SUM(requests) as spans'),
        this.db.raw('SUM(errors) as errors'),
        this.db.raw('MAX(bucket) as last_seen'),
      )
      .groupBy('service_name')
      .orderByRaw('SUM(requests) DESC, service_name ASC');
    return rows.map(row => ({
      serviceName: row.service_name,
      spans: Number(row.spans),
      errors: Number(row.errors),
      lastSeenMs: Number(row.last_seen),
    }));
  }

  /** Services with any served span in the range (for the graph's "has telemetry"). */
  async servicesSeen(fromMs: number, toMs: number): Promise<string[]> {
    const hourFrom = Math.floor(fromMs / HOUR_MS) * HOUR_MS;
    const names = new Set<string>();
    for (const [table, from] of [
      [RED_MINUTES, fromMs],
      [RED_HOURS, hourFrom],
    ] as const) {
      const rows = await this.db(table)
        .distinct('service_name')
        .where('bucket', '>=', from)
        .andWhere('bucket', '<', toMs);
      rows.forEach(r => names.add(r.service_name));
    }
    return [...names].sort();
  }
}
