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
import { createBackendModule } from '@backstage/backend-plugin-api';
import { mockCredentials, TestDatabases } from '@backstage/backend-test-utils';
import { catalogLocationsExtensionPoint } from '@backstage/plugin-catalog-node';
import { Entity } from '@backstage/catalog-model';
import serviceModelModule from '@internal/plugin-catalog-backend-module-service-model';
import strataPolicyModule from '@internal/plugin-permission-backend-module-strata-policy';
import { waitFor } from '@internal/backend-test-kit';
import {
  CatalogTestBackend,
  startCatalogTestBackend,
} from '@internal/backend-test-kit/catalog';
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

/** How many of the entity's relations are of this type. */
const relations = (e: Entity, type: string) =>
  (e.relations ?? []).filter(r => r.type === type).length;

/** Lets the test register a file through the API, as Strata registers local repositories. */
const fileLocations = createBackendModule({
  pluginId: 'catalog',
  moduleId: 'test-file-locations',
  register(reg) {
    reg.registerInit({
      deps: { locations: catalogLocationsExtensionPoint },
      async init({ locations }) {
        locations.setAllowedLocationTypes(['url', 'file']);
      },
    });
  },
});

const databases = TestDatabases.create({ ids: ['SQLITE_3', 'POSTGRES_15'] });

describe.each(databases.eachSupportedId())(
  'governance on the demo organisation (%s)',
  databaseId => {
    let catalog: CatalogTestBackend;
    let server: http.Server;
    const as = (user: string) => mockCredentials.user.header(user);
    const api = (p: string) => `/api/governance${p}`;

    beforeAll(async () => {
      catalog = await startCatalogTestBackend({
        databases,
        databaseId,
        features: [serviceModelModule, governancePlugin, fileLocations],
        permissions: { policy: strataPolicyModule, groups: GROUPS },
        mcpActions: { pluginSources: ['governance'] },
        catalog: {
          processingInterval: { minutes: 10 },
          kinds: [
            'Domain',
            'System',
            'Component',
            'API',
            'Resource',
            'Location',
            'Group',
            'User',
          ],
          locations: [DEMO],
        },
        config: {
          strata: { permissions: { admins: ['group:default/platform'] } },
          governance: { changeProbe: { enabled: false } },
        },
      });
      server = catalog.server;
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
      await catalog.waitForEntity(
        'resource:default/legacy-db',
        e => relations(e, 'dependencyOf') === 3,
        'legacy-db with its three services',
        { user: ANA },
      );
    });

    afterAll(async () => {
      await catalog?.stop();
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
      await catalog.waitForEntity(
        'group:default/engineering',
        e => relations(e, 'parentOf') === 6,
        "engineering's six teams",
        { user: ANA },
      );
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

    it('checks a service registered after the latest evaluation on demand, and the next evaluation takes over with the same catalog results', async () => {
      const first = await request(server)
        .post(api('/v1/evaluations'))
        .set('Authorization', as(ANA));
      expect(first.status).toBe(200);

      // Registered after that evaluation, as the scaffolder's catalog:register step does.
      const file = catalog.writeFile(
        'late-arrival/catalog-info.yaml',
        [
          'apiVersion: backstage.io/v1alpha1',
          'kind: Component',
          'metadata:',
          '  name: late-arrival',
          '  links:',
          '    - url: https://runbooks.dataflow.example/late-arrival',
          '      title: Runbook',
          'spec:',
          '  type: service',
          '  lifecycle: production',
          '  owner: group:default/billing',
          '  system: billing',
          '  tier: 2',
          '',
        ].join('\n'),
      );
      const registered = await request(server)
        .post('/api/catalog/locations')
        .set('Authorization', as(ANA))
        .send({ type: 'file', target: file });
      expect(registered.status).toBe(201);
      await catalog.waitForEntity(
        'component:default/late-arrival',
        e => relations(e, 'ownedBy') === 1,
        'late-arrival in the catalog with its owner',
        { user: ANA },
      );

      const scorecard = async () => {
        const res = await request(server)
          .get(api('/v1/scorecards?entityRef=late-arrival'))
          .set('Authorization', as(KENJI));
        expect(res.status).toBe(200);
        return res.body;
      };
      type Result = {
        checkId: string;
        passed: boolean;
        unknown?: boolean;
        evidence: string;
      };
      const catalogOnly = (results: Result[]) =>
        results
          .filter(
            r =>
              ![
                'emits-traces',
                'multiple-replicas',
                'no-architecture-errors',
              ].includes(r.checkId),
          )
          .map(r => ({
            checkId: r.checkId,
            passed: r.passed,
            evidence: r.evidence,
          }))
          .sort((a, b) => a.checkId.localeCompare(b.checkId));

      const onDemand = await scorecard();
      expect(onDemand.evaluation.id).toBe(first.body.id);
      expect(onDemand.onDemand.reason).toMatch(
        /^component:default\/late-arrival is newer than the latest evaluation/,
      );
      const [card] = onDemand.items;
      expect(card.entityRef).toBe('component:default/late-arrival');
      expect(
        card.results.find(
          (r: Result) => r.checkId === 'no-architecture-errors',
        ),
      ).toMatchObject({
        unknown: true,
        evidence: expect.stringMatching(/^unknown: not evaluated yet/),
      });
      // billing's own rotation (groups.yaml), read from the catalog.
      expect(
        card.results.find((r: Result) => r.checkId === 'has-on-call'),
      ).toMatchObject({ passed: true });

      const second = await request(server)
        .post(api('/v1/evaluations'))
        .set('Authorization', as(ANA));
      expect(second.status).toBe(200);
      const evaluated = await scorecard();
      expect(evaluated.evaluation.id).toBe(second.body.id);
      expect(evaluated.onDemand).toBeUndefined();
      expect(
        evaluated.items[0].results.find(
          (r: Result) => r.checkId === 'no-architecture-errors',
        ),
      ).toMatchObject({
        passed: true,
        evidence: expect.stringMatching(/^no /),
      });
      // What the catalog alone decides, the evaluation decides the same way.
      expect(catalogOnly(evaluated.items[0].results)).toEqual(
        catalogOnly(card.results),
      );
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
      // callMcpTool fails unless the endpoint answers 200 with an MCP message.
      const result = await catalog.callMcpTool(
        KENJI,
        'governance.list-findings',
        { owner: 'billing', rule: 'shared-database' },
      );
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
      const badResult = await catalog.callMcpTool(
        KENJI,
        'governance.list-findings',
        { rule: 'shared-db' },
      );
      expect(badResult.isError).toBe(true);
      expect(badResult.content[0].text).toMatch(
        /rule: unknown rule 'shared-db'/,
      );
    });
  },
);
