import type { Finding, GovernanceInput } from '../types';
import type { CheckDefinition, CheckResult } from './types';

/**
 * Runs each check on every entity it applies to. `findings` are the ones that count for
 * `noFindings` conditions (pass the unwaived ones). Results are sorted by entity ref, then check id.
 */
export function evaluateChecks(
  _input: GovernanceInput,
  _checks: CheckDefinition[],
  _findings: Finding[],
): CheckResult[] {
  throw new Error('not yet');
}
