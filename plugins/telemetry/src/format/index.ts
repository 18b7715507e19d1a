export {
  formatBurnRate,
  formatCount,
  formatMs,
  formatPerMinute,
  formatRatio,
} from './numbers';
export { durationWords, formatMoment, windowWords } from './time';
