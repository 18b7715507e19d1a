/**
 * Governance in the portal: the Governance page (levels from the organisation down to a team's
 * services, architecture findings, trends, waivers) and the Scorecard card on services.
 *
 * @packageDocumentation
 */
export { governancePlugin as default } from './plugin';
export { governanceApiRef, GovernanceClient } from './api';
export type { GovernanceApi, ScorecardQuery } from './api';
export { governanceRouteRef } from './routes';
export * from './extensions';
