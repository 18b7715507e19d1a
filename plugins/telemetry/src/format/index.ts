export {
  formatBurnRate,
  formatCount,
  formatMs,
  formatPerMinute,
  formatRatio,
} from './numbers';
export {
  durationWords,
  formatMoment,
  TELEMETRY_WINDOW_LABELS,
  windowWords,
} from './time';
