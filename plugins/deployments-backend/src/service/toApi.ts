import { Rollout } from '@internal/plugin-deployments-common';
import { RolloutRecord } from '../history/records';

const iso = (millis: number) => new Date(millis).toISOString();

/** A stored rollout in the API's shape: ISO times, and its duration once it ended. */
export function toApiRollout(record: RolloutRecord): Rollout {
  const rollout: Rollout = {
    id: record.id,
    entityRef: record.entityRef,
    environment: record.environment,
    startedAt: iso(record.startedAt),
    sources: record.sources,
  };
  if (record.version !== undefined) rollout.version = record.version;
  if (record.commitSha !== undefined) rollout.commitSha = record.commitSha;
  if (record.commitTime !== undefined)
    rollout.commitTime = iso(record.commitTime);
  if (record.finishedAt !== undefined) {
    rollout.finishedAt = iso(record.finishedAt);
    rollout.durationSeconds = (record.finishedAt - record.startedAt) / 1000;
  }
  if (record.outcome !== undefined) rollout.outcome = record.outcome;
  if (record.kubernetes !== undefined) rollout.kubernetes = record.kubernetes;
  return rollout;
}
