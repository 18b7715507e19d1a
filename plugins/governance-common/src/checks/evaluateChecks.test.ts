import { ANNOTATION_SLO_FILE } from '@internal/plugin-service-model-common';
import {
  database,
  group,
  loadDataflowEntities,
  service,
  withCatalogRelations,
} from '../__testUtils__/catalog';
import { evaluateFindings } from '../evaluateFindings';
import { DEFAULT_CHECKS } from './defaults';
import { evaluateChecks } from './evaluateChecks';
import type { CheckDefinition, Condition } from './types';

const check = (
  condition: Condition,
  appliesTo: CheckDefinition['appliesTo'] = { kind: 'component' },
): CheckDefinition => ({
  id: 'the-check',
  title: 'T',
  description: 'D',
  rationale: 'R',
  fix: 'F',
  appliesTo,
  condition,
});

async function run(
  condition: Condition,
  extra: { servicesWithTraces?: string[]; workloads?: any[] } = {},
  appliesTo?: CheckDefinition['appliesTo'],
) {
  const entities = await withCatalogRelations([
    group('team-a', { 'strata.dev/oncall-primary': 'user:default/ana' }),
    service('good', {
      tier: 1,
      annotations: { [ANNOTATION_SLO_FILE]: 'slo.yaml' },
      links: [{ url: 'https://wiki/runbooks/good', title: 'Runbook' }],
    }),
    service('bad', { owner: 'group:default/ghosts', lifecycle: 'experimental' }),
  ]);
  const results = evaluateChecks({ entities, ...extra }, [check(condition, appliesTo)], []);
  return Object.fromEntries(results.map(r => [r.entityRef.split('/')[1], r]));
}

describe('evaluateChecks', () => {
  it('checks entity paths and says what it found', async () => {
    const results = await run({ fact: `metadata.annotations["${ANNOTATION_SLO_FILE}"]`, op: 'exists' });
    expect(results.good).toEqual({
      checkId: 'the-check',
      entityRef: 'component:default/good',
      passed: true,
      evidence: 'metadata.annotations["strata.dev/slo-file"] = "slo.yaml": meets exists',
    });
    expect(results.bad).toMatchObject({
      passed: false,
      evidence: 'metadata.annotations["strata.dev/slo-file"] = absent: fails exists',
    });
  });

  it('compares with eq, in, gte, matches on lists, and reads the owner', async () => {
    expect((await run({ fact: 'spec.tier', op: 'in', value: [1, 2] })).good.passed).toBe(true);
    expect((await run({ fact: 'spec.tier', op: 'gte', value: 2 })).good.passed).toBe(false);
    expect((await run({ fact: 'spec.lifecycle', op: 'eq', value: 'production' })).bad.passed).toBe(false);
    expect((await run({ fact: 'spec.lifecycle', op: 'notIn', value: ['production'] })).bad.passed).toBe(true);
    expect(
      (await run({ fact: 'metadata.links[*].title', op: 'matches', value: 'RUNBOOK' })).good.passed,
    ).toBe(true);
    const owner = await run({
      fact: 'owner.metadata.annotations["strata.dev/oncall-primary"]',
      op: 'exists',
    });
    expect(owner.good).toMatchObject({
      passed: true,
      evidence: expect.stringContaining('(on owner team-a)'),
    });
    expect(owner.bad).toMatchObject({
      passed: false,
      evidence: expect.stringContaining('owner ghosts is not in the catalog'),
    });
    const exists = await run({ fact: 'ownerExists', op: 'eq', value: true });
    expect([exists.good.passed, exists.bad.passed]).toEqual([true, false]);
  });

  it('reports hasTraces and replicas as unknown without telemetry or deployments', async () => {
    const unknown = await run({ fact: 'hasTraces', op: 'eq', value: true });
    expect(unknown.good).toEqual({
      checkId: 'the-check',
      entityRef: 'component:default/good',
      passed: false,
      unknown: true,
      evidence: 'unknown: hasTraces needs telemetry, which is not installed',
    });
    const traced = await run(
      { fact: 'hasTraces', op: 'eq', value: true },
      { servicesWithTraces: ['component:default/good'] },
    );
    expect([traced.good.passed, traced.bad.passed, traced.bad.unknown]).toEqual([true, false, undefined]);
    const replicas = await run(
      { fact: 'replicas', op: 'gte', value: 2 },
      {
        workloads: [
          { entityRef: 'component:default/good', cluster: 'c', namespace: 'n', name: 'a', replicas: 3 },
          { entityRef: 'component:default/good', cluster: 'c', namespace: 'n', name: 'b', replicas: 1, minReplicas: 2 },
          { entityRef: 'component:default/good', cluster: 's', environment: 'staging', namespace: 'n', name: 'c', replicas: 1 },
        ],
      },
    );
    expect(replicas.good).toMatchObject({ passed: true, evidence: 'replicas = 2: meets gte 2' });
    expect(replicas.bad).toMatchObject({ unknown: true, evidence: expect.stringContaining('no production workload') });
  });

  it('combines with all, any and not; a known failure decides all, a known success decides any', async () => {
    const traces: Condition = { fact: 'hasTraces', op: 'eq', value: true };
    const tier: Condition = { fact: 'spec.tier', op: 'exists' };
    const all = await run({ all: [tier, traces] });
    expect([all.good.unknown, all.bad.passed, all.bad.unknown]).toEqual([true, false, undefined]);
    const any = await run({ any: [tier, traces] });
    expect([any.good.passed, any.good.unknown, any.bad.unknown]).toEqual([true, undefined, true]);
    const not = await run({ not: tier });
    expect([not.good.passed, not.bad.passed]).toEqual([false, true]);
    expect(not.bad.evidence).toBe('not (spec.tier = absent: fails exists)');
  });

  it("finds the on-call primary on the owner or the nearest group above it, as the ownership lookup does", async () => {
    const department: any = group('department', { 'strata.dev/oncall-primary': 'user:default/lead' });
    const team: any = group('team-b');
    team.spec.parent = 'department';
    const entities = await withCatalogRelations([
      department,
      team,
      group('team-a', { 'strata.dev/oncall-primary': 'user:default/ana' }),
      group('loners'),
      service('a'),
      service('b', { owner: 'group:default/team-b' }),
      service('c', { owner: 'group:default/loners' }),
    ]);
    const results = evaluateChecks(
      { entities },
      [check({ fact: 'onCall', op: 'exists' })],
      [],
    );
    expect(results.map(r => [r.entityRef, r.passed, r.evidence])).toEqual([
      ['component:default/a', true, 'onCall = "user:default/ana" (strata.dev/oncall-primary on team-a): meets exists'],
      ['component:default/b', true, 'onCall = "user:default/lead" (strata.dev/oncall-primary on department): meets exists'],
      ['component:default/c', false, 'onCall = absent (no strata.dev/oncall-primary on loners or its parents): fails exists'],
    ]);
  });

  it('applies checks by kind, type, tier and lifecycle', async () => {
    const results = await run({ fact: 'spec.tier', op: 'exists' }, {}, {
      kind: ['Component'],
      type: 'service',
      lifecycle: ['production'],
      tier: [1, 2],
    });
    expect(Object.keys(results)).toEqual(['good']);
  });

  it('fails noFindings with the findings as evidence', async () => {
    const entities = await withCatalogRelations([
      group('team-a'),
      database('shared-db'),
      service('a', { dependsOn: ['resource:shared-db'] }),
      service('b', { dependsOn: ['resource:shared-db'] }),
      service('c'),
    ]);
    const findings = evaluateFindings({ entities });
    const results = evaluateChecks(
      { entities },
      [check({ noFindings: ['shared-database'] })],
      findings,
    );
    expect(results.map(r => [r.entityRef, r.passed, r.evidence])).toEqual([
      ['component:default/a', false, 'shared-database: shared-db is used by 2 services: a and b'],
      ['component:default/b', false, 'shared-database: shared-db is used by 2 services: a and b'],
      ['component:default/c', true, 'no shared-database finding involves it'],
    ]);
    // Waived findings are left out by the caller: then the check passes.
    expect(evaluateChecks({ entities }, [check({ noFindings: ['shared-database'] })], []).every(r => r.passed)).toBe(true);
  });

  it('runs the default checks on the demo organisation with the expected failures', async () => {
    const entities = await withCatalogRelations(loadDataflowEntities());
    const findings = evaluateFindings({ entities });
    const results = evaluateChecks({ entities }, DEFAULT_CHECKS, findings);
    const failing = results
      .filter(r => !r.passed && !r.unknown)
      .map(r => `${r.checkId} ${r.entityRef}`);
    expect(failing).toEqual([
      'has-slo component:default/admin',
      'no-architecture-errors component:default/admin',
      'has-slo component:default/audit',
      'no-architecture-errors component:default/billing',
      'has-slo component:default/reporting',
      'has-slo component:default/search',
      'no-architecture-errors component:default/user-management',
    ]);
    // Without telemetry and deployments, traces and replicas are unknown for every production service.
    const unknown = results.filter(r => r.unknown).map(r => r.checkId);
    expect(new Set(unknown)).toEqual(new Set(['emits-traces', 'multiple-replicas']));
    expect(unknown).toHaveLength(24);
  });

  it('says why traces, replicas and findings are unknown when the caller says so (an entity checked before its first evaluation)', async () => {
    const entities = await withCatalogRelations([
      group('team-a', { 'strata.dev/oncall-primary': 'user:default/ana' }),
      service('new-one', { tier: 2 }),
    ]);
    const missing = {
      telemetry: 'traces come with the next evaluation',
      deployments: 'replicas come with the next evaluation',
      findings: 'architecture findings need the whole graph: they come with the next evaluation',
    };
    const results = evaluateChecks({ entities }, DEFAULT_CHECKS, undefined, missing);
    const byCheck = Object.fromEntries(results.map(r => [r.checkId, r]));
    expect(byCheck['emits-traces']).toMatchObject({ unknown: true, passed: false, evidence: `unknown: ${missing.telemetry}` });
    expect(byCheck['multiple-replicas']).toMatchObject({ unknown: true, evidence: `unknown: ${missing.deployments}` });
    expect(byCheck['no-architecture-errors']).toMatchObject({ unknown: true, passed: false, evidence: `unknown: ${missing.findings}` });
    // The catalog's own facts are checked as in an evaluation.
    expect(byCheck['has-owner']).toMatchObject({ passed: true });
    expect(byCheck['has-tier']).toMatchObject({ passed: true });
    expect(byCheck['has-on-call']).toMatchObject({ passed: true });
    expect(byCheck['has-slo']).toMatchObject({ passed: false, evidence: 'metadata.annotations["strata.dev/slo-file"] = absent: fails exists' });
    // Without findings and a reason: unknown, saying they are not known (not "none found").
    const bare = evaluateChecks({ entities }, [check({ noFindings: ['shared-database'] })], undefined);
    expect(bare[0]).toMatchObject({ unknown: true, evidence: 'unknown: the architecture findings are not known' });
  });
});
