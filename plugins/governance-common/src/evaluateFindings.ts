import type { Finding, GovernanceInput } from './types';

/**
 * Every architecture finding over the whole catalog (every namespace), with telemetry and
 * deployments data when given: one finding per place a rule breaks, sorted by rule (in
 * {@link RULE_IDS} order) and key. Pure and deterministic.
 */
export function evaluateFindings(_input: GovernanceInput): Finding[] {
  throw new Error('not yet');
}
