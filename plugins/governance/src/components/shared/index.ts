export { Empty, Loading } from '@internal/frontend-kit';
export { ErrorNotice } from './errors';
export { LevelChip } from './LevelChip';
export { EntityRefs } from './EntityRefs';
export { levelTitle } from './levels';
