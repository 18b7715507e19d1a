import { group, service, withCatalogRelations } from '../__testUtils__/catalog';
import { rollup, scorecard } from './scorecard';
import type { CheckResult, LevelDefinition } from './types';

const levels: LevelDefinition[] = [
  { id: 'bronze', title: 'Bronze', checks: ['owner', 'tier'] },
  { id: 'silver', title: 'Silver', checks: ['slo'] },
  { id: 'gold', title: 'Gold', checks: ['traces', 'replicas'] },
];

const result = (
  entity: string,
  checkId: string,
  passed: boolean,
  unknown?: boolean,
): CheckResult => ({
  checkId,
  entityRef: `component:default/${entity}`,
  passed,
  evidence: '',
  ...(unknown ? { unknown } : {}),
});

// Hand-computed:
// a: all pass → gold, 5/5.
// b: bronze passes, slo fails → bronze, next silver [slo], 3/4 (replicas unknown, not counted).
// c: tier fails → no level, next bronze [tier]; gold's failure is counted but not "next".
// d: only bronze checks apply (a database, say) → bronze, no next.
// e: bronze and silver pass, gold all unknown → silver, no next.
const results: CheckResult[] = [
  ...['owner', 'tier', 'slo', 'traces', 'replicas'].map(c => result('a', c, true)),
  result('b', 'owner', true),
  result('b', 'tier', true),
  result('b', 'slo', false),
  result('b', 'replicas', false, true),
  result('c', 'owner', true),
  result('c', 'tier', false),
  result('c', 'slo', true),
  result('c', 'traces', false),
  result('d', 'owner', true),
  result('d', 'tier', true),
  ...['owner', 'tier', 'slo'].map(c => result('e', c, true)),
  result('e', 'traces', false, true),
  result('e', 'replicas', false, true),
];

describe('scorecard', () => {
  it('climbs levels until one fails; inapplicable and unknown checks neither count nor block', () => {
    expect(scorecard(results, levels)).toEqual([
      { entityRef: 'component:default/a', level: 'gold', passed: 5, total: 5, failing: [] },
      {
        entityRef: 'component:default/b',
        level: 'bronze',
        passed: 2,
        total: 3,
        failing: ['slo'],
        next: { level: 'silver', failing: ['slo'] },
      },
      {
        entityRef: 'component:default/c',
        level: null,
        passed: 2,
        total: 4,
        failing: ['tier', 'traces'],
        next: { level: 'bronze', failing: ['tier'] },
      },
      { entityRef: 'component:default/d', level: 'bronze', passed: 2, total: 2, failing: [] },
      { entityRef: 'component:default/e', level: 'silver', passed: 3, total: 3, failing: [] },
    ]);
  });
});

describe('rollup', () => {
  it('sums per owner, per system and for the organisation', async () => {
    const entities = await withCatalogRelations([
      group('team-a'),
      group('team-b'),
      service('a', { owner: 'group:team-a', system: 'shop' }),
      service('b', { owner: 'group:team-a', system: 'shop' }),
      service('c', { owner: 'group:team-b', system: 'shop' }),
      service('d', { owner: 'group:team-b' }),
      service('e', { owner: 'group:team-b', system: 'ops' }),
    ]);
    const scores = scorecard(results, levels);
    expect(rollup(scores, 'owner', entities)).toEqual([
      {
        by: 'owner',
        key: 'group:default/team-a',
        entities: 2,
        levels: { gold: 1, bronze: 1 },
        checksPassed: 7,
        checksTotal: 8,
        passRate: 7 / 8,
      },
      {
        by: 'owner',
        key: 'group:default/team-b',
        entities: 3,
        levels: { none: 1, bronze: 1, silver: 1 },
        checksPassed: 7,
        checksTotal: 9,
        passRate: 7 / 9,
      },
    ]);
    expect(rollup(scores, 'system', entities).map(r => [r.key, r.entities, r.levels])).toEqual([
      ['none', 1, { bronze: 1 }],
      ['system:default/ops', 1, { silver: 1 }],
      ['system:default/shop', 3, { gold: 1, bronze: 1, none: 1 }],
    ]);
    expect(rollup(scores, 'organisation', entities)).toEqual([
      {
        by: 'organisation',
        key: 'organisation',
        entities: 5,
        levels: { gold: 1, bronze: 2, none: 1, silver: 1 },
        checksPassed: 14,
        checksTotal: 17,
        passRate: 14 / 17,
      },
    ]);
  });
});
