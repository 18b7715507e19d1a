export { createEventAndStranglerActions } from './templateActions';
export { createSplitTrafficAction } from './splitTrafficAction';
export { createAnnotateEntityAction } from './annotateEntityAction';
export { createFetchTemplateSkeletonAction } from './fetchTemplateSkeletonAction';
export { splitTraffic } from './splitTraffic';
export type { TrafficSplit } from './splitTraffic';
