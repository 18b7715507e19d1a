/**
 * Telemetry: RED, SLO status, the observed service graph and trace samples — the types the
 * backend, the frontend and API clients share.
 *
 * @packageDocumentation
 */
export * from './red';
export * from './slo';
export * from './graph';
export * from './traces';
export * from './openslo';
// `./slo` is the contract file slo.ts; the SLO math lives in the folder slo/.
export * from './slo/index';

// The backend's API, generated from its spec (`yarn openapi:generate`); the frontend and other
// callers use it instead of writing the requests again.
export { TelemetryApiClient } from './generated';
export type { ServiceActivity, ServiceList } from './generated';
