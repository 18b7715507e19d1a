import type { Config } from '@backstage/config';
import type { GovernanceConfig } from '../checks/types';

/**
 * Reads `governance.checks`, `governance.levels` and `governance.rules` from app-config; the
 * defaults where a key is absent. Errors are InputErrors that name the key, e.g.
 * `governance.checks[2].condition.op: must be one of exists, absent, …`.
 */
export function readGovernanceConfig(_config: Config): GovernanceConfig {
  throw new Error('not yet');
}

/** Validates checks given as plain JSON (from config or an API body); `key` prefixes error paths. */
export function parseChecks(
  _value: unknown,
  _key = 'governance.checks',
): import('../checks/types').CheckDefinition[] {
  throw new Error('not yet');
}

/** Validates levels given as plain JSON; every check id they name must be in `checks`. */
export function parseLevels(
  _value: unknown,
  _checks: import('../checks/types').CheckDefinition[],
  _key = 'governance.levels',
): import('../checks/types').LevelDefinition[] {
  throw new Error('not yet');
}
