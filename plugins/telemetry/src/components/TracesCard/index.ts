export { TRACES_CARD_TITLE, TracesCard } from './TracesCard';
