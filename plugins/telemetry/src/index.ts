/**
 * Telemetry on service and system pages: SLO status with burn-rate alerts and the error
 * budget over time, RED over time with failing and slow traces as span trees, and the calls
 * traces show against the catalog's declared ones.
 *
 * @packageDocumentation
 */
export { telemetryPlugin as default } from './plugin';
export { TELEMETRY_WINDOWS, telemetryApiRef, TelemetryClient } from './api';
export type { TelemetryApi, TelemetryWindow } from './api';
export * from './extensions';
