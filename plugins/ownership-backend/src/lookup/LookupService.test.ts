import { mockCredentials, mockServices } from '@backstage/backend-test-utils';
import { OwnershipIndex } from '../catalogIndex/OwnershipIndex';
import { ORGANISATION } from '../__testUtils__/organisation';
import { HealthSources, RolloutsClient, SloClient } from '../health/health';
import { CatalogRotationProvider } from '../oncall/CatalogRotationProvider';
import { LookupService } from './LookupService';

const credentials = mockCredentials.user();

function service(
  options: {
    telemetry?: SloClient;
    deployments?: RolloutsClient;
    timeoutMs?: number;
  } = {},
) {
  const index = OwnershipIndex.build(ORGANISATION);
  return new LookupService({
    index: { get: async () => index },
    providers: [new CatalogRotationProvider()],
    health: new HealthSources({
      auth: mockServices.auth(),
      telemetry: options.telemetry,
      deployments: options.deployments,
      timeoutMs: options.timeoutMs ?? 1000,
    }),
  });
}

const lookup = (key: string, value: string, withHealth = false) =>
  service().lookup({ key: key as any, value }, credentials, { withHealth });

describe('LookupService', () => {
  describe('every key', () => {
    it.each([
      [
        'entityRef',
        'component:default/api-gateway',
        'component:default/api-gateway',
        'entityRef',
      ],
      [
        'entityRef',
        'api-gateway',
        'component:default/api-gateway',
        'entityRef',
      ],
      [
        'entityRef',
        'Component:Default/API-Gateway',
        'component:default/api-gateway',
        'entityRef',
      ],
      [
        'otelServiceName',
        'billing-svc',
        'component:default/billing',
        'otelServiceName (strata.dev/otel-service-name)',
      ],
      [
        'otelServiceName',
        'reporting',
        'component:default/reporting',
        'otelServiceName (Component name)',
      ],
      [
        'k8sWorkload',
        'prod-eu/payments/billing-api',
        'component:default/billing',
        'k8sWorkload (backstage.io/kubernetes-id)',
      ],
      [
        'k8sWorkload',
        'prod-eu/edge/api-gateway',
        'component:default/api-gateway',
        'k8sWorkload (backstage.io/kubernetes-id)',
      ],
      [
        'repository',
        'https://github.com/dataflow-systems/api-gateway.git',
        'component:default/api-gateway',
        'repository (source or managed-by location)',
      ],
      [
        'repository',
        'git@GitHub.com:dataflow-systems/billing',
        'component:default/billing',
        'repository (source or managed-by location)',
      ],
      [
        'repository',
        'dataflow-systems/api-gateway',
        'component:default/api-gateway',
        'repository (source or managed-by location)',
      ],
      [
        'topic',
        'pipeline.run.created',
        'resource:default/pipeline-run-created',
        'topic (spec.topic)',
      ],
      [
        'database',
        'legacy-db',
        'resource:default/legacy-db',
        'database (Resource name)',
      ],
    ])('%s=%s → %s', async (key, value, entityRef, matchedBy) => {
      const result = await lookup(key, value);
      expect(result.entityRef).toBe(entityRef);
      expect(result.matchedBy).toBe(matchedBy);
    });
  });

  it('answers owner with contacts, on-call from the team, escalation up the parent chain', async () => {
    const result = await lookup('otelServiceName', 'api-gateway');
    expect(result).toEqual({
      entityRef: 'component:default/api-gateway',
      kind: 'Component',
      title: 'api-gateway',
      matchedBy: 'otelServiceName (strata.dev/otel-service-name)',
      owner: {
        ref: 'group:default/platform',
        title: 'Platform Team',
        contacts: [
          { type: 'email', value: 'platform@dataflow.example' },
          {
            type: 'chat',
            value: 'https://dataflow.slack.com/archives/C0PLATFORM',
            title: '#platform',
          },
          {
            type: 'link',
            value: 'https://oncall.dataflow.example/teams/platform',
            title: 'On-call rotation',
          },
        ],
      },
      onCall: {
        source: 'catalog',
        primary: 'user:default/ana-garcia',
        secondary: 'user:default/tom-becker',
        schedule: 'weekly, Monday 09:00 Europe/Berlin',
        escalationPolicy: 'primary 5m → secondary 15m → engineering lead',
        fromGroup: 'group:default/platform',
      },
      escalation: [
        'group:default/platform',
        'group:default/engineering',
        'group:default/dataflow',
      ],
      sloReason: 'not asked (withHealth=false)',
      lastDeployReason: 'not asked (withHealth=false)',
    });
  });

  it("takes the parent's rotation when the owning team has none", async () => {
    const result = await lookup('entityRef', 'component:default/reporting');
    expect(result.owner.ref).toBe('group:default/growth');
    expect(result.onCall).toMatchObject({
      source: 'catalog',
      primary: 'user:default/miriam-okafor',
      fromGroup: 'group:default/engineering',
    });
    expect(result.escalation).toEqual([
      'group:default/growth',
      'group:default/engineering',
      'group:default/dataflow',
    ]);
  });

  it('says why nobody is on call when no group up the chain has a rotation', async () => {
    const result = await lookup('entityRef', 'component:acme/search');
    expect(result.onCall).toEqual({
      source: 'none',
      reason: expect.stringContaining(
        'no strata.dev/oncall-primary on the owner or its parents',
      ),
    });
    expect(result.escalation).toEqual(['group:acme/loners']);
  });

  it('looks a team up as its own owner', async () => {
    const result = await lookup('entityRef', 'group:default/billing');
    expect(result.owner.ref).toBe('group:default/billing');
    expect(result.onCall.primary).toBe('user:default/sofia-rossi');
  });

  describe('unknown keys: 404 saying what was searched', () => {
    it.each([
      [
        'otelServiceName',
        'nope',
        "No Component has strata.dev/otel-service-name or name 'nope'; searched namespaces acme, default",
      ],
      [
        'entityRef',
        'component:default/nope',
        'No entity component:default/nope in the catalog',
      ],
      [
        'k8sWorkload',
        'prod/payments/nope',
        "No Component has backstage.io/kubernetes-id (or, without it, name) 'nope'",
      ],
      [
        'repository',
        'https://github.com/dataflow-systems/nope',
        'pointing at github.com/dataflow-systems/nope; searched namespaces acme, default',
      ],
      [
        'topic',
        'no.such.topic',
        "No kafka-topic or rabbitmq-queue Resource has spec.topic (or, without it, name) 'no.such.topic'",
      ],
      [
        'database',
        'nope-db',
        "No Resource of type database is named 'nope-db'",
      ],
    ])('%s=%s', async (key, value, message) => {
      await expect(lookup(key, value)).rejects.toMatchObject({
        name: 'NotFoundError',
        message: expect.stringContaining(message),
      });
    });

    it('a workload in another namespace than the Component is pinned to is not it', async () => {
      await expect(
        lookup('k8sWorkload', 'prod-eu/default/billing-api'),
      ).rejects.toMatchObject({
        name: 'NotFoundError',
      });
    });
  });

  describe('malformed and ambiguous keys', () => {
    it.each([
      [
        'k8sWorkload',
        'payments/billing-api',
        'k8sWorkload: expected cluster/namespace/name',
      ],
      ['k8sWorkload', 'a//b', 'k8sWorkload: expected cluster/namespace/name'],
      ['repository', 'not a url', 'repository: not a repository URL'],
      ['entityRef', 'component:default/', 'entityRef: not an entity reference'],
      ['topic', '  ', 'topic: must not be empty'],
    ])('%s=%j → 400', async (key, value, message) => {
      await expect(lookup(key, value)).rejects.toMatchObject({
        name: 'InputError',
        message: expect.stringContaining(message),
      });
    });

    it('a name in two namespaces is a 409 naming both', async () => {
      await expect(lookup('otelServiceName', 'search')).rejects.toMatchObject({
        name: 'ConflictError',
        message:
          "otelServiceName 'search' is ambiguous: it matches component:acme/search, component:default/search; look up one of them by entityRef",
      });
    });
  });

  describe('slo and lastDeploy', () => {
    const slos: SloClient = {
      getSlos: async ({ query }) => ({
        entityRef: query.entityRef,
        items: [
          {
            name: 'availability',
            kind: 'availability',
            target: 0.999,
            window: { duration: '28d', isRolling: true } as any,
            attainment: 0.9995,
            errorBudgetRemaining: 0.5,
            burnRates: {} as any,
            alert: 'none',
            budgetSeries: [],
            source: 'embedded',
          },
          {
            name: 'latency',
            kind: 'latency',
            target: 0.99,
            window: { duration: '28d', isRolling: true } as any,
            attainment: 0.95,
            errorBudgetRemaining: -4,
            burnRates: {} as any,
            alert: 'page',
            budgetSeries: [],
            source: 'embedded',
          },
        ],
        problems: [],
      }),
    };
    const rollouts: RolloutsClient = {
      listRollouts: async ({ query }) => ({
        items: [
          {
            id: 'ci-4711',
            entityRef: query.entityRef,
            environment: 'production',
            version: '1.4.2',
            commitSha: 'abc123',
            startedAt: '2026-12-02T06:00:00Z',
            finishedAt: '2026-12-02T06:03:00Z',
            outcome: 'succeeded',
            sources: ['api'],
          },
        ],
      }),
    };

    it('are present when telemetry and deployments answer', async () => {
      const result = await service({
        telemetry: slos,
        deployments: rollouts,
      }).lookup({ key: 'otelServiceName', value: 'billing-svc' }, credentials);
      expect(result.slo).toEqual({
        withinSlo: false,
        objectives: [
          {
            name: 'availability',
            kind: 'availability',
            target: 0.999,
            attainment: 0.9995,
            errorBudgetRemaining: 0.5,
            alert: 'none',
          },
          {
            name: 'latency',
            kind: 'latency',
            target: 0.99,
            attainment: 0.95,
            errorBudgetRemaining: -4,
            alert: 'page',
          },
        ],
      });
      expect(result.lastDeploy).toEqual({
        id: 'ci-4711',
        environment: 'production',
        version: '1.4.2',
        commitSha: 'abc123',
        startedAt: '2026-12-02T06:00:00Z',
        finishedAt: '2026-12-02T06:03:00Z',
        outcome: 'succeeded',
      });
      expect(result.sloReason).toBeUndefined();
      expect(result.lastDeployReason).toBeUndefined();
    });

    it('are left out with a reason when the plugins are absent', async () => {
      const result = await service().lookup(
        { key: 'entityRef', value: 'billing' },
        credentials,
      );
      expect(result.slo).toBeUndefined();
      expect(result.sloReason).toBe('the telemetry plugin is not installed');
      expect(result.lastDeploy).toBeUndefined();
      expect(result.lastDeployReason).toBe(
        'the deployments plugin is not installed',
      );
      expect(result.onCall.primary).toBe('user:default/sofia-rossi');
    });

    it('are left out with a reason when the plugins fail or hang, and the lookup still answers', async () => {
      const result = await service({
        telemetry: {
          getSlos: async () =>
            Promise.reject(
              new Error('Request failed with 503 Service Unavailable'),
            ),
        },
        deployments: { listRollouts: () => new Promise(() => {}) },
        timeoutMs: 50,
      }).lookup({ key: 'entityRef', value: 'billing' }, credentials);
      expect(result.sloReason).toBe(
        'telemetry: Request failed with 503 Service Unavailable',
      );
      expect(result.lastDeployReason).toBe(
        'deployments: no answer within 50 ms',
      );
      expect(result.owner.ref).toBe('group:default/billing');
    });

    it('say so when there is no SLO file or no rollout', async () => {
      const result = await service({
        telemetry: {
          getSlos: async ({ query }) => ({
            entityRef: query.entityRef,
            items: [],
            problems: [],
          }),
        },
        deployments: { listRollouts: async () => ({ items: [] }) },
      }).lookup({ key: 'entityRef', value: 'billing' }, credentials);
      expect(result.sloReason).toBe(
        'telemetry: the entity has no SLOs (no strata.dev/slo-file)',
      );
      expect(result.lastDeployReason).toBe('deployments: no rollout recorded');
    });

    it('are not asked for a Resource', async () => {
      const getSlos = jest.fn();
      const result = await service({ telemetry: { getSlos } }).lookup(
        { key: 'database', value: 'legacy-db' },
        credentials,
      );
      expect(getSlos).not.toHaveBeenCalled();
      expect(result.sloReason).toBe(
        'only Components have one (this is a Resource)',
      );
      expect(result.owner.ref).toBe('group:default/billing');
    });
  });
});
