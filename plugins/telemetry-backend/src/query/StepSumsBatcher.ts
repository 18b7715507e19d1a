import { RedRange, RedSums, SumColumn } from '../database/AggregateReader';

type ReadStepSums = (
  range: RedRange,
  stepMs: number,
  columns: readonly SumColumn[],
) => Promise<RedSums[]>;

interface Pending {
  range: RedRange;
  stepMs: number;
  columns: Set<SumColumn>;
  waiters: Array<{
    resolve: (sums: RedSums[]) => void;
    reject: (error: unknown) => void;
  }>;
}

function keyOf(range: RedRange, stepMs: number): string {
  return JSON.stringify([
    range.serviceName,
    range.operation ?? null,
    range.fromMs,
    range.toMs,
    range.preferHours ?? false,
    stepMs,
  ]);
}

/**
 * Coalesces series reads of the same range and step that are asked for together into one
 * query. An SLO status asks for four series per SLO — total and bad, over the SLO window and
 * over the last 6 hours — and both SLOs of a file use the same ranges (one `now`), so the eight
 * reads of a service's answer become two queries that sum the union of the columns (requests,
 * errors, the buckets above a threshold). Reads are collected until the current event-loop turn
 * ends (setImmediate), so nothing waits longer than that. Every caller gets the same sums and
 * reads only its own columns from them.
 */
export class StepSumsBatcher {
  private pending = new Map<string, Pending>();

  constructor(private readonly read: ReadStepSums) {}

  load(
    range: RedRange,
    stepMs: number,
    columns: readonly SumColumn[],
  ): Promise<RedSums[]> {
    if (this.pending.size === 0) setImmediate(() => this.flush());
    const key = keyOf(range, stepMs);
    let entry = this.pending.get(key);
    if (!entry) {
      entry = { range, stepMs, columns: new Set(), waiters: [] };
      this.pending.set(key, entry);
    }
    columns.forEach(c => entry!.columns.add(c));
    return new Promise((resolve, reject) =>
      entry!.waiters.push({ resolve, reject }),
    );
  }

  private flush() {
    const batch = [...this.pending.values()];
    this.pending = new Map();
    for (const entry of batch) {
      this.read(entry.range, entry.stepMs, [...entry.columns]).then(
        sums => entry.waiters.forEach(w => w.resolve(sums)),
        error => entry.waiters.forEach(w => w.reject(error)),
      );
    }
  }
}
