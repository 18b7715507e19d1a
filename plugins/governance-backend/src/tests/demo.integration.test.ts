/*
 * The governance plugin on a real backend, on SQLite and PostgreSQL: the real catalog reads the
 * demo organisation (examples/dataflow, with Strata's service-model processor), the real
 * permission backend decides with Strata's policy (platform admins from
 * strata.permissions.admins), and the real MCP actions backend serves governance's action.
 * Telemetry and deployments are not installed here: the evaluation says so and runs anyway.
 *
 * Users: Kenji (group pipelines), Ana (group platform, the admins). Their groups come from the
 * test's user info service, as the `ent` claim of a real sign-in token would carry them.
 */
import {
  coreServices,
  createServiceFactory,
} from '@backstage/backend-plugin-api';
import {
  actionsRegistryServiceFactory,
  actionsServiceFactory,
} from '@backstage/backend-defaults/alpha';
import { permissionsServiceFactory } from '@backstage/backend-defaults/permissions';
import { permissionsRegistryServiceFactory } from '@backstage/backend-defaults/permissionsRegistry';
import {
  mockCredentials,
  mockServices,
  startTestBackend,
  TestDatabases,
} from '@backstage/backend-test-utils';
import catalogPlugin from '@backstage/plugin-catalog-backend';
import mcpActionsPlugin from '@backstage/plugin-mcp-actions-backend';
import permissionPlugin from '@backstage/plugin-permission-backend';
import serviceModelModule from '@internal/plugin-catalog-backend-module-service-model';
import strataPolicyModule from '@internal/plugin-permission-backend-module-strata-policy';
import {
  isolatedTestBackendServices,
  waitFor,
} from '@internal/backend-test-kit';
import http from 'node:http';
import path from 'node:path';
import request from 'supertest';
import { governancePlugin } from '../plugin';

jest.setTimeout(180_000);

const KENJI = 'user:default/kenji-tanaka';
const ANA = 'user:default/ana-garcia';
const GROUPS: Record<string, string[]> = {
  [KENJI]: ['group:default/pipelines'],
  [ANA]: ['group:default/platform'],
};
const DEMO = path.resolve(
  __dirname,
  '../../../../examples/dataflow/catalog-info.yaml',
);
const SHARED_DB = [
  'resource:default/legacy-db',
  'component:default/admin',
  'component:default/billing',
  'component:default/user-management',
];

const userInfoFromTokens = createServiceFactory({
  service: coreServices.userInfo,
  deps: {},
  factory: () => ({
    async getUserInfo(credentials) {
      const principal = credentials.principal as { userEntityRef?: string };
      if (!principal.userEntityRef) throw new Error('not a user');
      return {
        userEntityRef: principal.userEntityRef,
        ownershipEntityRefs: [
          principal.userEntityRef,
          ...(GROUPS[principal.userEntityRef] ?? []),
        ],
      };
    },
  }),
});

/** A plugin calling another for a user sends a user token naming itself as the actor, as the real auth service does. */
const authWithActors = createServiceFactory({
  service: coreServices.auth,
  deps: { plugin: coreServices.pluginMetadata },
  factory({ plugin }) {
    const auth = mockServices.auth({ pluginId: plugin.getId() });
    const forward = auth.getPluginRequestToken.bind(auth);
    auth.getPluginRequestToken = async options => {
      const principal = options.onBehalfOf.principal as {
        type: string;
        userEntityRef?: string;
      };
      if (principal.type === 'user' && principal.userEntityRef) {
        return {
          token: mockCredentials.user.token(principal.userEntityRef, {
            actor: { subject: `plugin:${plugin.getId()}` },
          }),
        };
      }
      return forward(options);
    };
    return auth;
  },
});

type McpResult = {
  isError?: boolean;
  content: { type: string; text: string }[];
  structuredContent?: Record<string, unknown>;
};

const databases = TestDatabases.create({ ids: ['SQLITE_3', 'POSTGRES_15'] });

describe.each(databases.eachSupportedId())(
  'governance on the demo organisation (%s)',
  databaseId => {
    let backend: Awaited<ReturnType<typeof startTestBackend>>;
    let server: http.Server;
    const as = (user: string) => mockCredentials.user.header(user);
    const api = (p: string) => `/api/governance${p}`;

    beforeAll(async () => {
      backend = await startTestBackend({
        features: [
          catalogPlugin,
          serviceModelModule,
          permissionPlugin,
          strataPolicyModule,
          mcpActionsPlugin,
          governancePlugin,
          permissionsServiceFactory,
          permissionsRegistryServiceFactory,
          actionsRegistryServiceFactory,
          actionsServiceFactory,
          userInfoFromTokens,
          authWithActors,
          ...isolatedTestBackendServices(databases, databaseId).features,
          mockServices.rootConfig.factory({
            data: {
              permission: { enabled: true },
              strata: { permissions: { admins: ['group:default/platform'] } },
              backend: { actions: { pluginSources: ['governance'] } },
              catalog: {
                processingInterval: { minutes: 10 },
                rules: [
                  {
                    allow: [
                      'Domain',
                      'System',
                      'Component',
                      'API',
                      'Resource',
                      'Location',
                      'Group',
                      'User',
                    ],
                  },
                ],
                locations: [{ type: 'file', target: DEMO }],
              },
              governance: { changeProbe: { enabled: false } },
            },
          }),
        ],
      });
      server = backend.server as unknown as http.Server;
      // The whole organisation is in and stitched: every service and resource with its owner,
      // and legacy-db with its three services.
      const stitched = async (kind: string) => {
        const res = await request(server)
          .get(`/api/catalog/entities/by-query?filter=kind=${kind}&limit=100`)
          .set('Authorization', as(ANA));
        return (res.body.items ?? []).filter(
          (e: { relations?: { type: string }[] }) =>
            e.relations?.some(r => r.type === 'ownedBy'),
        );
      };
      await waitFor(
        async () =>
          (await stitched('component')).length === 12 &&
          (await stitched('resource')).length === 17 &&
          (await stitched('api')).length === 13
            ? true
            : undefined,
        'the demo services, resources and APIs with their owners',
      );
      await waitFor(async () => {
        const res = await request(server)
          .get('/api/catalog/entities/by-name/resource/default/legacy-db')
          .set('Authorization', as(ANA));
        const users = (res.body?.relations ?? []).filter(
          (r: { type: string }) => r.type === 'dependencyOf',
        );
        return users.length === 3 ? true : undefined;
      }, 'legacy-db with its three services');
    });

    afterAll(async () => {
      await backend?.stop();
    });

    it('finds the shared legacy database with its three services, and nothing about missing plugins is hidden', async () => {
      // Only admins evaluate on request; an ordinary user is refused.
      const denied = await request(server)
        .post(api('/v1/evaluations'))
        .set('Authorization', as(KENJI));
      expect(denied.status).toBe(403);
      expect(denied.body.error.message).toMatch(
        /governance\.evaluation\.create/,
      );

      const run = await request(server)
        .post(api('/v1/evaluations'))
        .set('Authorization', as(ANA));
      expect(run.status).toBe(200);
      expect(run.body).toMatchObject({
        trigger: 'api',
        sources: {
          catalog: 'ok',
          telemetry:
            'unavailable: the telemetry plugin is not installed (404 at its API)',
          deployments:
            'unavailable: the deployments plugin is not installed (404 at its API)',
        },
      });

      const findings = await request(server)
        .get(api('/v1/findings?rule=shared-database'))
        .set('Authorization', as(KENJI));
      expect(findings.status).toBe(200);
      expect(findings.body.items).toHaveLength(1);
      const [shared] = findings.body.items;
      expect(shared).toMatchObject({
        rule: 'shared-database',
        severity: 'error',
        waived: false,
        message: expect.stringMatching(
          /legacy-db is used by 3 services: admin, billing and user-management/,
        ),
      });
      expect([...shared.entityRefs].sort()).toEqual([...SHARED_DB].sort());

      // The same answer by one of the services and by an owning team.
      const byBilling = await request(server)
        .get(api('/v1/findings?entityRef=component:default/billing'))
        .set('Authorization', as(KENJI));
      expect(byBilling.body.items.map((f: { key: string }) => f.key)).toContain(
        shared.key,
      );
    });

    it('covers the teams below engineering in its scorecards (the organisation → team drill-down)', async () => {
      // The catalog turns each team's spec.parent into childOf; the evaluation keeps it.
      await waitFor(async () => {
        const res = await request(server)
          .get('/api/catalog/entities/by-name/group/default/engineering')
          .set('Authorization', as(ANA));
        const children = (res.body?.relations ?? []).filter(
          (r: { type: string }) => r.type === 'parentOf',
        );
        return children.length === 6 ? true : undefined;
      }, "engineering's six teams");
      const run = await request(server)
        .post(api('/v1/evaluations'))
        .set('Authorization', as(ANA));
      expect(run.status).toBe(200);

      const refs = async (owner: string) => {
        const res = await request(server)
          .get(api(`/v1/scorecards?owner=${owner}`))
          .set('Authorization', as(KENJI));
        expect(res.status).toBe(200);
        return new Set<string>(
          res.body.items.map((s: { entityRef: string }) => s.entityRef),
        );
      };
      const engineering = await refs('group:default/engineering');
      const billing = await refs('group:default/billing');
      const identity = await refs('group:default/identity');
      expect(billing.has('component:default/billing')).toBe(true);
      expect(identity.has('component:default/auth')).toBe(true);
      for (const ref of [...billing, ...identity]) {
        expect(engineering.has(ref)).toBe(true);
      }
      // Every demo service belongs to one of engineering's teams.
      expect(
        [...engineering].filter(ref => ref.startsWith('component:')),
      ).toHaveLength(12);
    });

    it('lets only admins waive and delete waivers (Strata policy: DENY → 403), audited with the approver', async () => {
      const { body } = await request(server)
        .get(api('/v1/findings?rule=shared-database'))
        .set('Authorization', as(ANA));
      const key = body.items[0].key;
      const waiver = {
        findingKey: key,
        reason: 'Billing and admin move to their own databases in Q1',
        expiresAt: new Date(Date.now() + 30 * 86_400_000).toISOString(),
      };

      const denied = await request(server)
        .post(api('/v1/waivers'))
        .set('Authorization', as(KENJI))
        .send(waiver);
      expect(denied.status).toBe(403);
      expect(denied.body.error.message).toMatch(/governance\.waiver\.create/);

      const created = await request(server)
        .post(api('/v1/waivers'))
        .set('Authorization', as(ANA))
        .send(waiver);
      expect(created.status).toBe(201);
      expect(created.body.approver).toBe(ANA);

      const waived = await request(server)
        .get(api('/v1/findings?rule=shared-database'))
        .set('Authorization', as(KENJI));
      expect(waived.body.items[0].waived).toBe(true);

      const notDeleted = await request(server)
        .delete(api(`/v1/waivers/${created.body.id}`))
        .set('Authorization', as(KENJI));
      expect(notDeleted.status).toBe(403);
      expect(notDeleted.body.error.message).toMatch(
        /governance\.waiver\.delete/,
      );
      const deleted = await request(server)
        .delete(api(`/v1/waivers/${created.body.id}`))
        .set('Authorization', as(ANA));
      expect(deleted.status).toBe(204);
    });

    it('answers "what architecture findings does team billing have?" as an MCP action', async () => {
      const res = await request(server)
        .post('/api/mcp-actions/v1')
        .set('Authorization', as(KENJI))
        .set('Accept', 'application/json, text/event-stream')
        .send({
          jsonrpc: '2.0',
          id: 1,
          method: 'tools/call',
          params: {
            name: 'governance.list-findings',
            arguments: { owner: 'billing', rule: 'shared-database' },
          },
        });
      expect(res.status).toBe(200);
      const data = res.text.split('\n').find(line => line.startsWith('data: '));
      const message = JSON.parse(data!.slice('data: '.length));
      const result = message.result as McpResult;
      expect(result.isError).toBeFalsy();
      const findings = (
        result.structuredContent as {
          findings: { rule: string; entityRefs: string[]; waived: boolean }[];
        }
      ).findings;
      expect(findings).toHaveLength(1);
      expect(findings[0].rule).toBe('shared-database');
      expect([...findings[0].entityRefs].sort()).toEqual([...SHARED_DB].sort());

      // A bad rule is the action's error, naming the input.
      const bad = await request(server)
        .post('/api/mcp-actions/v1')
        .set('Authorization', as(KENJI))
        .set('Accept', 'application/json, text/event-stream')
        .send({
          jsonrpc: '2.0',
          id: 2,
          method: 'tools/call',
          params: {
            name: 'governance.list-findings',
            arguments: { rule: 'shared-db' },
          },
        });
      const badData = bad.text.split('\n').find(l => l.startsWith('data: '));
      const badResult = JSON.parse(badData!.slice(6)).result as McpResult;
      expect(badResult.isError).toBe(true);
      expect(badResult.content[0].text).toMatch(
        /rule: unknown rule 'shared-db'/,
      );
    });
  },
);
