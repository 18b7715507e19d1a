export { keyAttributes, spanCount, spanRows } from './spanRows';
export type { SpanRow } from './spanRows';
