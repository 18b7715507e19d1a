export { DemoTrafficShape } from './DemoTrafficShape';
export { DEMO_SCENARIO, DEMO_SERVICES } from './scenario';
export type { DemoRoute } from './scenario';
export type { PlannedFlow, PlannedSpan } from './types';
