/**
 * DORA figures for a service (`entityRef=`) or a team (`owner=`, over the services it owns),
 * production environment only, over a window ending now. Definitions: docs/deployments.md.
 */

export type DoraWindow = '7d' | '30d' | '90d';

export type DoraBand = 'elite' | 'high' | 'medium' | 'low';

export interface DoraFigures {
  /** Successful deployments ÷ days in the window. */
  deploymentsPerDay: number;
  /** Median of (finishedAt − commitTime) over successful deployments with a commit time; null without any. */
  leadTimeSeconds: { median: number | null };
  /** (failed + rolled back) ÷ all finished deployments; null without deployments. */
  changeFailureRate: number | null;
  /** Median of (restoredAt − startedAt) over restored incidents; null without any. */
  timeToRestoreSeconds: { median: number | null };
  deployments: number;
  failedDeployments: number;
  incidents: number;
}

export interface DoraBands {
  deploymentFrequency: DoraBand | null;
  leadTime: DoraBand | null;
  changeFailureRate: DoraBand | null;
  timeToRestore: DoraBand | null;
}

export interface DoraReport extends DoraFigures {
  /** What the figures are about: the entity, or the team and the services it owns. */
  scope: { entityRef?: string; owner?: string; services: string[] };
  window: DoraWindow;
  /** The production environment's name (`deployments.productionEnvironment`, default `production`). */
  environment: string;
  from: string;
  to: string;
  bands: DoraBands;
  /** The same figures over the window before this one, for the trend. */
  previous: DoraFigures;
}
