/*
 * Workload statuses already built, reused while nothing they are built from has changed (the
 * cache's workload version) and for a few seconds at most (explanations depend on the clock: a
 * readiness grace period, how recent an OOM kill or an event is). Ten people looking at the
 * same service during an incident then cost one assembly every few seconds, not ten per refresh.
 */
import { WorkloadStatus } from '@internal/plugin-deployments-common';

const MAX_ENTRIES = 5_000;

interface Entry {
  version: number;
  builtAt: number;
  status: WorkloadStatus;
}

export class WorkloadStatusMemo {
  private readonly entries = new Map<string, Entry>();

  constructor(private readonly maxAgeMs = 5_000) {}

  get(
    key: string,
    version: number,
    now: number,
    build: () => WorkloadStatus,
  ): WorkloadStatus {
    const entry = this.entries.get(key);
    if (
      entry &&
      entry.version === version &&
      now - entry.builtAt < this.maxAgeMs &&
      now >= entry.builtAt
    ) {
      return entry.status;
    }
    const status = build();
    this.entries.delete(key);
    this.entries.set(key, { version, builtAt: now, status });
    if (this.entries.size > MAX_ENTRIES)
      this.entries.delete(this.entries.keys().next().value!);
    return status;
  }
}
