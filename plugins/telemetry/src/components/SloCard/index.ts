export { SLO_CARD_TITLE, SloCard } from './SloCard';
