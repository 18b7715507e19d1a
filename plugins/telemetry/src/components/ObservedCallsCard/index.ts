export {
  OBSERVED_CALLS_CARD_TITLE,
  ObservedCallsCard,
} from './ObservedCallsCard';
