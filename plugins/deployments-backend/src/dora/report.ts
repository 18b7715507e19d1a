import { DoraReport, DoraWindow } from '@internal/plugin-deployments-common';
import { IncidentRecord, RolloutRecord } from '../history/records';
import { bandsFor } from './bands';
import { computeFigures } from './figures';
import { windowRanges } from './windows';

/**
 * A DORA report from the rows of both windows (the current one and the one before it, as the
 * store returns them for `[previous.from, current.to)`).
 */
export function buildDoraReport(options: {
  scope: DoraReport['scope'];
  window: DoraWindow;
  environment: string;
  now: number;
  rollouts: RolloutRecord[];
  incidents: IncidentRecord[];
}): DoraReport {
  const { current, previous } = windowRanges(options.window, options.now);
  const figures = computeFigures(options.rollouts, options.incidents, current);
  return {
    scope: options.scope,
    window: options.window,
    environment: options.environment,
    from: new Date(current.from).toISOString(),
    to: new Date(current.to).toISOString(),
    ...figures,
    bands: bandsFor(figures),
    previous: computeFigures(options.rollouts, options.incidents, previous),
  };
}
