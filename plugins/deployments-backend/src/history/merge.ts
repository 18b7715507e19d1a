import {
  IncidentRecord,
  KubernetesPlacement,
  RolloutRecord,
  RolloutReport,
} from './records';

/** `next` when it says something, else what was known. */
function fill<T>(known: T | undefined, next: T | undefined): T | undefined {
  return next === undefined ? known : next;
}

/**
 * Merges a report into the rollout recorded under the same id.
 *
 * - A fact a report leaves out never erases one already known: the watch reports a start
 *   (no outcome) and later the end, a CD system may post a start and an end, and a replayed
 *   start after the end must not reopen the rollout.
 * - A fact a report states replaces the known one (a CD system corrects a version or outcome).
 * - `startedAt` keeps the earliest time any source saw: the CD pipeline starts before the
 *   cluster sees the new ReplicaSet, and the rollout began when the first of them started it.
 * - `sources` is the union of who reported it.
 */
export function mergeRollout(
  known: RolloutRecord | undefined,
  report: RolloutReport,
): RolloutRecord {
  const { source, ...facts } = report;
  if (!known) {
    return dropUndefined({ ...facts, sources: [source] });
  }
  return dropUndefined({
    id: known.id,
    entityRef: facts.entityRef,
    environment: facts.environment,
    version: fill(known.version, facts.version),
    commitSha: fill(known.commitSha, facts.commitSha),
    commitTime: fill(known.commitTime, facts.commitTime),
    startedAt: Math.min(known.startedAt, facts.startedAt),
    finishedAt: fill(known.finishedAt, facts.finishedAt),
    outcome: fill(known.outcome, facts.outcome),
    kubernetes: fill<KubernetesPlacement>(known.kubernetes, facts.kubernetes),
    sources: [...new Set([...known.sources, source])].sort(),
  });
}

/** Merges a posted incident into the one recorded under the same id: stated facts replace known ones. */
export function mergeIncident(
  known: IncidentRecord | undefined,
  report: IncidentRecord,
): IncidentRecord {
  if (!known) return dropUndefined({ ...report });
  return dropUndefined({
    ...report,
    restoredAt: fill(known.restoredAt, report.restoredAt),
  });
}

/** Whether two records say the same thing (a retried post changes nothing). */
export function sameRecord<T extends object>(a: T, b: T): boolean {
  return canonical(a) === canonical(b);
}

function canonical(value: unknown): string {
  return JSON.stringify(value, (_key, v) =>
    v && typeof v === 'object' && !Array.isArray(v)
      ? Object.fromEntries(
          Object.entries(v)
            .filter(([, x]) => x !== undefined)
            .sort(([x], [y]) => (x < y ? -1 : 1)),
        )
      : v,
  );
}

function dropUndefined<T extends object>(record: T): T {
  return Object.fromEntries(
    Object.entries(record).filter(([, v]) => v !== undefined),
  ) as T;
}
