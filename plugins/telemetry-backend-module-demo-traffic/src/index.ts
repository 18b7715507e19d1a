/**
 * Demo traffic for Strata's telemetry plugin: the DataFlow demo organisation's request flow as
 * real OpenTelemetry spans into the portal's own receiver, on the embedded default only.
 *
 * @packageDocumentation
 */
export { telemetryModuleDemoTraffic as default } from './module';
export { DemoTrafficShape, DEMO_SCENARIO, DEMO_SERVICES } from './shape';
export type { PlannedFlow, PlannedSpan } from './shape';
