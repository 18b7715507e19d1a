import { DoraFigures, DoraWindow } from '@internal/plugin-deployments-common';
import { DoraMetric } from './metrics';
import { trendOf } from './trend';

export const DORA_WINDOWS: DoraWindow[] = ['7d', '30d', '90d'];

/** What the window picker calls each window. */
export const DORA_WINDOW_LABELS: Record<DoraWindow, string> = {
  '7d': 'Last 7 days',
  '30d': 'Last 30 days',
  '90d': 'Last 90 days',
};

const WINDOW_DAYS: Record<DoraWindow, number> = {
  '7d': 7,
  '30d': 30,
  '90d': 90,
};

/** "the last 30 days". */
export function windowLabel(window: DoraWindow): string {
  return `the last ${WINDOW_DAYS[window]} days`;
}

/** "the 30 days before". */
export function previousWindowLabel(window: DoraWindow): string {
  return `the ${WINDOW_DAYS[window]} days before`;
}

/** Whether the window is a known one (for values read from the URL). */
export function isDoraWindow(value: unknown): value is DoraWindow {
  return DORA_WINDOWS.includes(value as DoraWindow);
}

/** The trend of one figure in words, e.g. "up from 1.2 per day · better". */
export interface TrendWords {
  arrow: '↑' | '↓' | '→' | '';
  text: string;
  verdict?: 'better' | 'worse';
}

export function trendWords(
  metric: DoraMetric,
  current: DoraFigures,
  previous: DoraFigures,
  window: DoraWindow,
): TrendWords {
  const now = metric.value(current);
  const before = metric.value(previous);
  const trend = trendOf(now, before, metric.better);
  const was = metric.format(before);
  switch (trend.direction) {
    case 'unknown':
      return before === null
        ? { arrow: '', text: `no figure for ${previousWindowLabel(window)}` }
        : { arrow: '', text: `was ${was} in ${previousWindowLabel(window)}` };
    case 'same':
      return {
        arrow: '→',
        text: `same as ${previousWindowLabel(window)} (${was})`,
      };
    default:
      return {
        arrow: trend.direction === 'up' ? '↑' : '↓',
        text: `${trend.direction} from ${was} in ${previousWindowLabel(
          window,
        )}`,
        verdict: trend.verdict,
      };
  }
}

function plural(count: number, one: string, many: string): string {
  return `${count} ${count === 1 ? one : many}`;
}

/** "42 deployments (3 failed or rolled back), 2 incidents". */
export function countsSentence(figures: DoraFigures): string {
  return `${plural(figures.deployments, 'deployment', 'deployments')} (${
    figures.failedDeployments
  } failed or rolled back), ${plural(
    figures.incidents,
    'incident',
    'incidents',
  )}`;
}

/** Nothing recorded in either window: the page explains where data comes from instead. */
export function hasNoData(
  current: DoraFigures,
  previous: DoraFigures,
): boolean {
  return [current, previous].every(
    f => f.deployments === 0 && f.incidents === 0,
  );
}
