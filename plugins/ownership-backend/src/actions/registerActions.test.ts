import { mockCredentials, mockServices } from '@backstage/backend-test-utils';
import { actionsRegistryServiceMock } from '@backstage/backend-test-utils/alpha';
import { OwnershipIndex } from '../catalogIndex/OwnershipIndex';
import { HealthSources } from '../health/health';
import { LookupService } from '../lookup/LookupService';
import { CatalogRotationProvider } from '../oncall/CatalogRotationProvider';
import { ORGANISATION } from '../__testUtils__/organisation';
import { registerActions } from './registerActions';

const NOW = new Date('2026-12-02T10:00:00Z');

function setup() {
  const index = OwnershipIndex.build(ORGANISATION);
  const auth = mockServices.auth();
  const getSlos = jest.fn(
    async (
      { query }: { query: { entityRef: string } },
      _options?: { token?: string },
    ) => ({
      entityRef: query.entityRef,
      items: [
        {
          name: 'availability',
          kind: 'availability' as const,
          target: 0.999,
          window: { duration: '28d', isRolling: true } as any,
          attainment: 0.9995,
          errorBudgetRemaining: 0.5,
          burnRates: {} as any,
          alert: 'none' as const,
          budgetSeries: [],
          source: 'embedded' as const,
        },
      ],
      problems: [],
    }),
  );
  const listRollouts = jest.fn(
    async ({ query }: { query: { entityRef: string } }) => ({
      items: [
        {
          id: 'today-2',
          entityRef: query.entityRef,
          environment: 'production',
          startedAt: '2026-12-02T09:00:00Z',
          outcome: 'failed' as const,
          sources: ['api' as const],
        },
        {
          id: 'today-1',
          entityRef: query.entityRef,
          environment: 'production',
          startedAt: '2026-12-02T00:10:00Z',
          sources: ['kubernetes' as const],
        },
        {
          id: 'yesterday',
          entityRef: query.entityRef,
          environment: 'production',
          startedAt: '2026-12-01T23:59:00Z',
          sources: ['api' as const],
        },
      ],
    }),
  );
  const health = new HealthSources({
    auth,
    telemetry: { getSlos },
    deployments: { listRollouts },
    timeoutMs: 1000,
  });
  const lookup = new LookupService({
    index: { get: async () => index },
    providers: [new CatalogRotationProvider()],
    health,
  });
  const actionsRegistry = actionsRegistryServiceMock();
  registerActions({ actionsRegistry, lookup, health, now: () => NOW });
  return { actionsRegistry, getSlos, listRollouts };
}

describe('ownership actions', () => {
  const credentials = mockCredentials.user('user:default/ana-garcia');

  it('registers four read-only actions', async () => {
    const { actionsRegistry } = setup();
    const { actions } = await actionsRegistry.list();
    expect(actions.map(a => a.name).sort()).toEqual([
      'is-within-slo',
      'what-changed-today',
      'who-is-on-call',
      'who-owns',
    ]);
    for (const action of actions) {
      expect(action.attributes).toMatchObject({
        readOnly: true,
        destructive: false,
      });
    }
  });

  it('who-owns', async () => {
    const { actionsRegistry } = setup();
    const { output } = await actionsRegistry.invoke({
      id: 'test:who-owns',
      input: { topic: 'pipeline.run.created' },
      credentials,
    });
    expect(output).toEqual({
      entityRef: 'resource:default/pipeline-run-created',
      owner: expect.objectContaining({
        ref: 'group:default/platform',
        title: 'Platform Team',
      }),
      escalation: [
        'group:default/platform',
        'group:default/engineering',
        'group:default/dataflow',
      ],
    });
  });

  it('who-is-on-call', async () => {
    const { actionsRegistry } = setup();
    const { output } = await actionsRegistry.invoke({
      id: 'test:who-is-on-call',
      input: { k8sWorkload: 'prod/payments/billing-api' },
      credentials,
    });
    expect(output).toMatchObject({
      entityRef: 'component:default/billing',
      owner: 'group:default/billing',
      onCall: {
        source: 'catalog',
        primary: 'user:default/sofia-rossi',
        secondary: 'user:default/david-kim',
      },
    });
  });

  it('is-within-slo asks telemetry with a token on behalf of the caller', async () => {
    const { actionsRegistry, getSlos } = setup();
    const { output } = await actionsRegistry.invoke({
      id: 'test:is-within-slo',
      input: { otelServiceName: 'billing-svc' },
      credentials,
    });
    expect(output).toEqual({
      entityRef: 'component:default/billing',
      withinSlo: true,
      objectives: [
        {
          name: 'availability',
          kind: 'availability',
          target: 0.999,
          attainment: 0.9995,
          errorBudgetRemaining: 0.5,
          alert: 'none',
        },
      ],
    });
    const token = JSON.parse(
      getSlos.mock.calls[0][1]!.token!.replace('mock-service-token:', ''),
    );
    expect(token).toMatchObject({
      obo: 'user:default/ana-garcia',
      target: 'telemetry',
    });
  });

  it('what-changed-today lists only today’s rollouts', async () => {
    const { actionsRegistry } = setup();
    const { output } = await actionsRegistry.invoke({
      id: 'test:what-changed-today',
      input: { entityRef: 'component:default/billing' },
      credentials,
    });
    expect(output).toEqual({
      entityRef: 'component:default/billing',
      since: '2026-12-02T00:00:00.000Z',
      rollouts: [
        {
          id: 'today-2',
          environment: 'production',
          startedAt: '2026-12-02T09:00:00Z',
          outcome: 'failed',
        },
        {
          id: 'today-1',
          environment: 'production',
          startedAt: '2026-12-02T00:10:00Z',
        },
      ],
    });
  });

  it('refuses two keys', async () => {
    const { actionsRegistry } = setup();
    await expect(
      actionsRegistry.invoke({
        id: 'test:who-owns',
        input: { topic: 'a', database: 'b' },
        credentials,
      }),
    ).rejects.toThrow('got 2: topic, database');
  });
});
