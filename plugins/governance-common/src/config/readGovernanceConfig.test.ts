import { ConfigReader } from '@backstage/config';
import { DEFAULT_CHECKS, DEFAULT_LEVELS } from '../checks/defaults';
import { DEFAULT_GOVERNANCE_OPTIONS } from '../types';
import { readGovernanceConfig } from './readGovernanceConfig';

const read = (governance: unknown) =>
  readGovernanceConfig(new ConfigReader({ governance } as any));

const aCheck = {
  id: 'has-slo',
  title: 'SLO',
  description: 'd',
  rationale: 'r',
  fix: 'f',
  appliesTo: { kind: 'component', type: ['service'], tier: [1, 2] },
  condition: { fact: 'metadata.annotations["strata.dev/slo-file"]', op: 'exists' },
};

describe('readGovernanceConfig', () => {
  it('gives the defaults without governance config', () => {
    expect(readGovernanceConfig(new ConfigReader({}))).toEqual({
      checks: DEFAULT_CHECKS,
      levels: DEFAULT_LEVELS,
      options: DEFAULT_GOVERNANCE_OPTIONS,
    });
  });

  it('reads checks, levels and rule options', () => {
    const config = read({
      checks: [
        aCheck,
        {
          ...aCheck,
          id: 'clean',
          appliesTo: undefined,
          condition: {
            all: [
              { noFindings: ['shared-database'] },
              { not: { fact: 'spec.lifecycle', op: 'in', value: ['deprecated'] } },
              { any: [{ fact: 'replicas', op: 'gte', value: 2 }, { fact: 'hasTraces', op: 'truthy' }] },
            ],
          },
        },
      ],
      levels: [{ id: 'gold', title: 'Gold', checks: ['has-slo', 'clean'] }],
      rules: { userDeletionTopic: 'gdpr.erase', maxSyncDepth: 3 },
    });
    expect(config.checks[0]).toEqual(aCheck);
    expect(config.checks[1].appliesTo).toEqual({});
    expect(config.levels).toEqual([{ id: 'gold', title: 'Gold', checks: ['has-slo', 'clean'] }]);
    expect(config.options).toEqual({
      ...DEFAULT_GOVERNANCE_OPTIONS,
      userDeletionTopic: 'gdpr.erase',
      maxSyncDepth: 3,
    });
  });

  it.each([
    [{ checks: {} }, 'governance.checks: must be a list, got {}'],
    [{ checks: [{ ...aCheck, id: 'Bad Id' }] }, 'governance.checks[0].id: must be lower-case letters'],
    [{ checks: [aCheck, aCheck] }, 'governance.checks[1].id: "has-slo" is used by an earlier check'],
    [{ checks: [{ ...aCheck, fix: '' }] }, 'governance.checks[0].fix: must be a non-empty string'],
    [{ checks: [{ ...aCheck, owner: 'x' }] }, 'governance.checks[0].owner: is not a known key'],
    [{ checks: [{ ...aCheck, appliesTo: { tier: 'one' } }] }, 'governance.checks[0].appliesTo.tier: must be an integer tier'],
    [{ checks: [{ ...aCheck, condition: { fact: 'spec.tier', op: 'is' } }] }, 'governance.checks[0].condition.op: must be one of exists'],
    [{ checks: [{ ...aCheck, condition: { fact: 'spec..tier', op: 'exists' } }] }, 'governance.checks[0].condition.fact: expected a name'],
    [{ checks: [{ ...aCheck, condition: { fact: 'spec.tier', op: 'gte', value: 'two' } }] }, 'governance.checks[0].condition.value: must be a number with op gte'],
    [{ checks: [{ ...aCheck, condition: { fact: 'spec.tier', op: 'in' } }] }, 'governance.checks[0].condition.value: is required with op in'],
    [{ checks: [{ ...aCheck, condition: { fact: 'spec.tier', op: 'matches', value: '(' } }] }, 'governance.checks[0].condition.value: is not a regular expression'],
    [{ checks: [{ ...aCheck, condition: { all: [{ noFindings: ['shared-db'] }] } }] }, 'governance.checks[0].condition.all[0].noFindings[0]: "shared-db" is not a rule id'],
    [{ checks: [{ ...aCheck, condition: { any: [] } }] }, 'governance.checks[0].condition.any: must list at least one condition'],
    [{ checks: [{ ...aCheck, condition: { op: 'exists' } }] }, 'governance.checks[0].condition: must have fact and op'],
    [{ checks: [aCheck] }, 'governance.levels: must be set when governance.checks replaces the default checks'],
    [{ checks: [aCheck], levels: [{ id: 'b', title: 'B', checks: ['has-tier'] }] }, 'governance.levels[0].checks[0]: "has-tier" is not a check id (known: has-slo)'],
    [{ levels: [{ id: 'b', title: 'B', checks: [] }, { id: 'b', title: 'C', checks: [] }] }, 'governance.levels[1].id: "b" is used by an earlier level'],
    [{ rules: { maxSyncDepth: 0 } }, 'governance.rules.maxSyncDepth: must be an integer of at least 1, got 0'],
    [{ rules: { syncApiTypes: 'openapi' } }, 'governance.rules.syncApiTypes: must be a list'],
    [{ rules: { userDeletionTopic: '' } }, 'governance.rules.userDeletionTopic: must be a non-empty string'],
    [{ rules: { maxDepth: 3 } }, 'governance.rules.maxDepth: is not a known key'],
  ])('names the key of a bad value (%j)', (governance, message) => {
    expect(() => read(governance)).toThrow(message);
  });
});
