/**
 * Governance: the architecture rules of the product brief as pure functions over the catalog
 * (with telemetry's observed edges and deployments' workloads when present), checks and
 * Bronze/Silver/Gold scorecards as code, their app-config reader, and the plugin's permissions.
 * Run by `@internal/plugin-governance-backend`; the frontend reads the rule and check metadata.
 *
 * @packageDocumentation
 */
export * from './types';
export { governanceRules } from './rules/metadata';
export { evaluateFindings } from './evaluateFindings';
export * from './checks/types';
export { evaluateChecks } from './checks/evaluateChecks';
export { scorecard, rollup } from './checks/scorecard';
export { DEFAULT_CHECKS, DEFAULT_LEVELS } from './checks/defaults';
export {
  readGovernanceConfig,
  parseChecks,
  parseLevels,
} from './config/readGovernanceConfig';
export * from './permissions';
// The backend's API client, generated from governance-backend's openapi.yaml (`yarn openapi:generate`).
export { GovernanceApiClient } from './generated';
