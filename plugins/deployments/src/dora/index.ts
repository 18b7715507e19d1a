export { BAND_LABELS, DORA_METRICS } from './metrics';
export type { Better, DoraMetric } from './metrics';
export { trendOf } from './trend';
export type { Trend } from './trend';
export {
  DORA_WINDOW_LABELS,
  DORA_WINDOWS,
  countsSentence,
  hasNoData,
  isDoraWindow,
  previousWindowLabel,
  trendWords,
  windowLabel,
} from './words';
export type { TrendWords } from './words';
export { defaultTeam, teamOptions } from './teams';
export type { TeamOption } from './teams';
