import type { Entity } from '@backstage/catalog-model';
import { mockServices } from '@backstage/backend-test-utils';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import {
  DEFAULT_CHECKS,
  DEFAULT_GOVERNANCE_OPTIONS,
  DEFAULT_LEVELS,
} from '@internal/plugin-governance-common';
import type { EvaluationSummary } from '../database/EvaluationStore';
import { OnDemandChecks } from './OnDemandChecks';
import { catalogEntityReader } from './readEntityWithOwners';

const T0 = Date.parse('2026-12-02T08:00:00Z');

const group = (
  name: string,
  parent?: string,
  annotations: Record<string, string> = {},
): Entity => ({
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Group',
  metadata: { name, namespace: 'default', annotations },
  spec: { type: 'team', children: [], ...(parent ? { parent } : {}) },
  relations: parent
    ? [{ type: 'childOf', targetRef: `group:default/${parent}` }]
    : [],
});

/** Registered after the latest evaluation: a tier-1 service with a runbook, owned by payments. */
const CHECKOUT: Entity = {
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Component',
  metadata: {
    name: 'checkout',
    namespace: 'default',
    links: [{ url: 'https://runbooks.example/checkout', title: 'Runbook' }],
  },
  spec: {
    type: 'service',
    lifecycle: 'production',
    owner: 'group:default/payments',
    tier: 1,
  },
  relations: [{ type: 'ownedBy', targetRef: 'group:default/payments' }],
};

const LATEST: EvaluationSummary = {
  id: 12,
  startedAt: T0 - 120_000,
  finishedAt: T0 - 118_000,
  trigger: 'schedule',
  catalogFingerprint: 'f',
  sources: { catalog: 'ok', telemetry: 'ok', deployments: 'ok' },
};

function setup() {
  const catalog = catalogServiceMock({
    entities: [
      group('engineering', undefined, {
        'strata.dev/oncall-primary': 'user:default/miriam',
      }),
      group('payments', 'engineering'),
      CHECKOUT,
    ],
  });
  const getEntitiesByRefs = jest.spyOn(catalog, 'getEntitiesByRefs');
  const checks = new OnDemandChecks({
    read: catalogEntityReader(catalog, mockServices.auth()),
    governance: {
      checks: DEFAULT_CHECKS,
      levels: DEFAULT_LEVELS,
      options: DEFAULT_GOVERNANCE_OPTIONS,
    },
    nextEvaluationBy: (_latest, now) => now + 60_000,
    now: () => T0,
  });
  return { checks, getEntitiesByRefs };
}

describe('OnDemandChecks', () => {
  it('checks the catalog facts of an entity the evaluation has not seen, reading its owner and the groups above it', async () => {
    const { checks, getEntitiesByRefs } = setup();
    const result = await checks.check('component:default/checkout', LATEST);
    const byCheck = Object.fromEntries(
      result!.results.map(r => [r.checkId, r]),
    );
    expect(Object.keys(byCheck).sort()).toEqual(
      [
        'emits-traces',
        'has-on-call',
        'has-owner',
        'has-runbook',
        'has-slo',
        'has-tier',
        'multiple-replicas',
        'no-architecture-errors',
      ].sort(),
    );
    expect(byCheck['has-owner'].passed).toBe(true);
    expect(byCheck['has-tier'].passed).toBe(true);
    expect(byCheck['has-runbook'].passed).toBe(true);
    // payments has no rotation; engineering above it has (read from the catalog too).
    expect(byCheck['has-on-call']).toMatchObject({
      passed: true,
      evidence: expect.stringContaining(
        'strata.dev/oncall-primary on engineering',
      ),
    });
    expect(byCheck['has-slo']).toMatchObject({ passed: false });
    expect(byCheck['emits-traces']).toMatchObject({
      unknown: true,
      evidence:
        'unknown: not evaluated yet: comes with the next evaluation (hasTraces from telemetry)',
    });
    expect(byCheck['multiple-replicas']).toMatchObject({
      unknown: true,
      evidence:
        'unknown: not evaluated yet: comes with the next evaluation (replicas from deployments)',
    });
    expect(byCheck['no-architecture-errors']).toMatchObject({
      unknown: true,
      evidence:
        'unknown: not evaluated yet: comes with the next evaluation (architecture findings need the whole catalog graph)',
    });
    expect(result).toMatchObject({
      evaluatedAt: T0,
      nextEvaluationBy: T0 + 60_000,
      reason:
        'component:default/checkout is newer than the latest evaluation (12, finished 2026-12-02T07:58:02.000Z): its checks were evaluated now from the catalog; traces, replicas and architecture findings come with the next evaluation',
    });
    // The plugin's own credentials, as the evaluation's catalog read.
    expect(getEntitiesByRefs.mock.calls.map(([r]) => r.entityRefs)).toEqual([
      ['component:default/checkout'],
      ['group:default/payments'],
      ['group:default/engineering'],
    ]);
    expect(
      (getEntitiesByRefs.mock.calls[0][1] as any).credentials.principal,
    ).toMatchObject({ type: 'service', subject: 'plugin:test' });
  });

  it('says a source the latest evaluation did not have either is unavailable, not "next evaluation"', async () => {
    const { checks } = setup();
    const result = await checks.check('component:default/checkout', {
      ...LATEST,
      sources: {
        catalog: 'ok',
        telemetry:
          'unavailable: the telemetry plugin is not installed (404 at its API)',
        deployments: 'ok',
      },
    });
    expect(
      result!.results.find(r => r.checkId === 'emits-traces')!.evidence,
    ).toBe(
      'unknown: hasTraces needs telemetry, which is unavailable: the telemetry plugin is not installed (404 at its API)',
    );
  });

  it('is undefined when the catalog does not have the entity either', async () => {
    const { checks } = setup();
    expect(
      await checks.check('component:default/nope', LATEST),
    ).toBeUndefined();
  });
});
