export { DoraFigures } from './DoraFigures';
export { DoraPage } from './DoraPage';
export { GroupDoraContent } from './GroupDoraContent';
export { ServiceDoraCard, SERVICE_DORA_TITLE } from './ServiceDoraCard';
