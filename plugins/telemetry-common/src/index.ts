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
