export { governanceApiRef } from './GovernanceApi';
export type { GovernanceApi, ScorecardQuery } from './GovernanceApi';
export { GovernanceClient } from './GovernanceClient';
export type * from './types';
