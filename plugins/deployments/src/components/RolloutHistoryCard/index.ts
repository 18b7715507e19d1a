export {
  RolloutHistoryCard,
  ROLLOUT_HISTORY_LIMIT,
  ROLLOUT_HISTORY_TITLE,
} from './RolloutHistoryCard';
