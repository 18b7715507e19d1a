export { ScorecardCard, SCORECARD_CARD_TITLE } from './ScorecardCard';
