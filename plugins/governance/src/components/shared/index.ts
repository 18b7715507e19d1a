export { describeError } from './describeError';
export type { ErrorWords } from './describeError';
export { Empty, ErrorNotice, Loading } from './Notices';
export { LevelChip } from './LevelChip';
export { EntityRefs } from './EntityRefs';
export { levelTitle } from './levels';
