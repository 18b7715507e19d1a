export { describeError } from './describeError';
export type { ErrorWords } from './describeError';
export { ErrorNotice } from './ErrorNotice';
export { Loading } from './Loading';
