import { DoraFigures } from '@internal/plugin-deployments-common';
import { IncidentRecord, RolloutRecord } from '../history/records';
import { median } from './median';
import { TimeRange } from './windows';

/**
 * The four DORA figures over one window, by the definitions in deployments-common's dora.ts
 * (and docs/deployments.md). Which rows belong to the window:
 * - a deployment counts in the window its `finishedAt` falls in (`from` inclusive, `to`
 *   exclusive); one still running (no outcome) counts nowhere yet;
 * - an incident counts in the window its `startedAt` falls in; its time to restore counts
 *   once it is restored.
 * Rows outside the range are ignored, so callers may pass both windows' rows at once.
 */
export function computeFigures(
  rollouts: RolloutRecord[],
  incidents: IncidentRecord[],
  range: TimeRange,
): DoraFigures {
  const inRange = (t: number | undefined) =>
    t !== undefined && t >= range.from && t < range.to;

  const finished = rollouts.filter(r => r.outcome && inRange(r.finishedAt));
  const succeeded = finished.filter(r => r.outcome === 'succeeded');
  const failed = finished.filter(
    r => r.outcome === 'failed' || r.outcome === 'rolled_back',
  );
  const leadTimes = succeeded
    .filter(r => r.commitTime !== undefined)
    .map(r => (r.finishedAt! - r.commitTime!) / 1000);

  const started = incidents.filter(i => inRange(i.startedAt));
  const restoreTimes = started
    .filter(i => i.restoredAt !== undefined)
    .map(i => (i.restoredAt! - i.startedAt) / 1000);

  return {
    deploymentsPerDay: succeeded.length / range.days,
    leadTimeSeconds: { median: median(leadTimes) },
    changeFailureRate: finished.length ? failed.length / finished.length : null,
    timeToRestoreSeconds: { median: median(restoreTimes) },
    deployments: finished.length,
    failedDeployments: failed.length,
    incidents: started.length,
  };
}
