export { describeError } from './describeError';
export type { ErrorWords } from './describeError';
export { ErrorNotice, Loading } from './Notices';
