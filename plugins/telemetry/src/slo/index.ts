export {
  ALERT_WORDS,
  attainmentWords,
  budgetWords,
  burnWindowsOf,
  bySeverity,
  isExhausted,
  sloTitle,
  windowDescription,
} from './words';
export type { AlertWords } from './words';
