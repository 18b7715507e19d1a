import {
  DoraBand,
  DoraBands,
  DoraFigures,
} from '@internal/plugin-deployments-common';
import { formatDeploysPerDay, formatDuration, formatPercent } from '../format';

/** Which way is better for a figure: more deployments, but less lead time, failure, restore time. */
export type Better = 'higher' | 'lower';

/** One of the four DORA figures, as the page shows it. */
export interface DoraMetric {
  key: keyof DoraBands;
  label: string;
  /** How the figure is computed, in one line (the full definitions are in docs/deployments.md). */
  definition: string;
  better: Better;
  value(figures: DoraFigures): number | null;
  format(value: number | null): string;
}

/** The four DORA figures in their usual order. */
export const DORA_METRICS: DoraMetric[] = [
  {
    key: 'deploymentFrequency',
    label: 'Deployment frequency',
    definition: 'Successful production deployments per day.',
    better: 'higher',
    value: f => f.deploymentsPerDay,
    format: v => (v === null ? 'no data' : formatDeploysPerDay(v)),
  },
  {
    key: 'leadTime',
    label: 'Lead time for changes',
    definition:
      'Median time from commit to a successful production deployment.',
    better: 'lower',
    value: f => f.leadTimeSeconds.median,
    format: formatDuration,
  },
  {
    key: 'changeFailureRate',
    label: 'Change failure rate',
    definition:
      'Share of production deployments that failed or were rolled back.',
    better: 'lower',
    value: f => f.changeFailureRate,
    format: formatPercent,
  },
  {
    key: 'timeToRestore',
    label: 'Time to restore',
    definition:
      'Median time from an incident starting to service being restored.',
    better: 'lower',
    value: f => f.timeToRestoreSeconds.median,
    format: formatDuration,
  },
];

export const BAND_LABELS: Record<DoraBand, string> = {
  elite: 'Elite',
  high: 'High',
  medium: 'Medium',
  low: 'Low',
};
