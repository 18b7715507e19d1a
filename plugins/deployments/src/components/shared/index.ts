export { Loading } from '@internal/frontend-kit';
export { ErrorNotice } from './errors';
