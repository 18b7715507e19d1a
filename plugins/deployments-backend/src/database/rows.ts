import { DeploymentOutcome } from '@internal/plugin-deployments-common';
import {
  IncidentRecord,
  RolloutRecord,
  RolloutSource,
} from '../history/records';

export const ROLLOUTS = 'deployments_rollouts';
export const INCIDENTS = 'deployments_incidents';

/** PostgreSQL hands bigint columns back as strings, SQLite as numbers. */
type Millis = number | string;

export type RolloutRow = {
  id: string;
  entity_ref: string;
  environment: string;
  version: string | null;
  commit_sha: string | null;
  commit_time: Millis | null;
  started_at: Millis;
  finished_at: Millis | null;
  outcome: string | null;
  k8s_cluster: string | null;
  k8s_namespace: string | null;
  k8s_workload: string | null;
  k8s_revision: string | null;
  k8s_image: string | null;
  sources: string;
  updated_at: Millis;
};

export type IncidentRow = {
  id: string;
  entity_ref: string;
  environment: string;
  started_at: Millis;
  restored_at: Millis | null;
  updated_at: Millis;
};

function millis(value: Millis | null): number | undefined {
  return value === null ? undefined : Number(value);
}

function optional(value: string | null): string | undefined {
  return value === null ? undefined : value;
}

export function rolloutToRow(r: RolloutRecord, now: number): RolloutRow {
  return {
    id: r.id,
    entity_ref: r.entityRef,
    environment: r.environment,
    version: r.version ?? null,
    commit_sha: r.commitSha ?? null,
    commit_time: r.commitTime ?? null,
    started_at: r.startedAt,
    finished_at: r.finishedAt ?? null,
    outcome: r.outcome ?? null,
    k8s_cluster: r.kubernetes?.cluster ?? null,
    k8s_namespace: r.kubernetes?.namespace ?? null,
    k8s_workload: r.kubernetes?.workload ?? null,
    k8s_revision: r.kubernetes?.revision ?? null,
    k8s_image: r.kubernetes?.image ?? null,
    sources: [...r.sources].sort().join(','),
    updated_at: now,
  };
}

export function rowToRollout(row: RolloutRow): RolloutRecord {
  const record: RolloutRecord = {
    id: row.id,
    entityRef: row.entity_ref,
    environment: row.environment,
    version: optional(row.version),
    commitSha: optional(row.commit_sha),
    commitTime: millis(row.commit_time),
    startedAt: Number(row.started_at),
    finishedAt: millis(row.finished_at),
    outcome: optional(row.outcome) as DeploymentOutcome | undefined,
    sources: row.sources.split(',').filter(Boolean) as RolloutSource[],
  };
  if (row.k8s_cluster !== null) {
    record.kubernetes = {
      cluster: row.k8s_cluster,
      namespace: row.k8s_namespace ?? '',
      workload: row.k8s_workload ?? '',
      revision: row.k8s_revision ?? '',
      image: row.k8s_image ?? '',
    };
  }
  return Object.fromEntries(
    Object.entries(record).filter(([, v]) => v !== undefined),
  ) as RolloutRecord;
}

export function incidentToRow(i: IncidentRecord, now: number): IncidentRow {
  return {
    id: i.id,
    entity_ref: i.entityRef,
    environment: i.environment,
    started_at: i.startedAt,
    restored_at: i.restoredAt ?? null,
    updated_at: now,
  };
}

export function rowToIncident(row: IncidentRow): IncidentRecord {
  const record: IncidentRecord = {
    id: row.id,
    entityRef: row.entity_ref,
    environment: row.environment,
    startedAt: Number(row.started_at),
  };
  if (row.restored_at !== null) record.restoredAt = Number(row.restored_at);
  return record;
}
