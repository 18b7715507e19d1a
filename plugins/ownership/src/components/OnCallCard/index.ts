export { OnCallCard, ON_CALL_CARD_TITLE } from './OnCallCard';
