/*
 * Strata's policy in the real permission backend, with the real catalog, scaffolder and MCP
 * actions backends, on every database the suite has. Every request is made over HTTP as a
 * user, as the portal's frontend or an MCP client makes it; the plugins ask the permission
 * backend over HTTP too (the real permissions service, not a mock).
 *
 * The demo-like organisation: Kenji (group pipelines), Hannah (group billing), Ana (group
 * platform, the admins). Their groups come from the test's user info service, as the `ent`
 * claim of a real sign-in token would carry them.
 */
import { mockCredentials, TestDatabases } from '@backstage/backend-test-utils';
import { Entity } from '@backstage/catalog-model';
import scaffolderEntityModelModule from '@backstage/plugin-catalog-backend-module-scaffolder-entity-model';
import scaffolderPlugin from '@backstage/plugin-scaffolder-backend';
import { waitFor } from '@internal/backend-test-kit';
import {
  CatalogTestBackend,
  componentYaml,
  startCatalogTestBackend,
} from '@internal/backend-test-kit/catalog';
import http from 'node:http';
import { AddressInfo } from 'node:net';
import request from 'supertest';
import strataPolicyModule from './index';

jest.setTimeout(180_000);

const KENJI = 'user:default/kenji-tanaka';
const HANNAH = 'user:default/hannah-mueller';
const ANA = 'user:default/ana-garcia';

/** What each user's token says about their groups (the sign-in resolver's `ent` claim). */
const GROUPS: Record<string, string[]> = {
  [KENJI]: ['group:default/pipelines'],
  [HANNAH]: ['group:default/billing'],
  [ANA]: ['group:default/platform'],
};

const ORG_YAML = `
apiVersion: backstage.io/v1alpha1
kind: Group
metadata: { name: platform }
spec: { type: team, children: [] }
---
apiVersion: backstage.io/v1alpha1
kind: Group
metadata: { name: pipelines }
spec: { type: team, children: [] }
---
apiVersion: backstage.io/v1alpha1
kind: Group
metadata: { name: billing }
spec: { type: team, children: [] }
---
apiVersion: backstage.io/v1alpha1
kind: User
metadata: { name: ana-garcia }
spec: { memberOf: [platform] }
---
apiVersion: backstage.io/v1alpha1
kind: User
metadata: { name: kenji-tanaka }
spec: { memberOf: [pipelines] }
---
apiVersion: backstage.io/v1alpha1
kind: User
metadata: { name: hannah-mueller }
spec: { memberOf: [billing] }
`;

const component = (name: string, owner: string) =>
  componentYaml(name, { owner });

const SERVICES_YAML = [
  component('etl-workers', 'group:default/pipelines'),
  component('etl-scheduler', 'group:default/pipelines'),
  component('invoicing', 'group:default/billing'),
].join('---\n');

/** Waits in its only step, so a test can see it running and cancel it. */
const TEMPLATE_YAML = `
apiVersion: scaffolder.backstage.io/v1beta3
kind: Template
metadata: { name: wait-a-bit }
spec:
  owner: group:default/platform
  type: service
  parameters:
    - title: Name
      properties:
        name: { type: string }
  steps:
    - id: wait
      name: Wait
      action: debug:wait
      input: { seconds: 20 }
`;

/** A team repository's catalog-info.yaml, served on loopback for url locations. */
const TEAM_REPO_YAML = component(
  'pipeline-dashboard',
  'group:default/pipelines',
);

const databases = TestDatabases.create({ ids: ['SQLITE_3', 'POSTGRES_15'] });

describe.each(databases.eachSupportedId())(
  'Strata permission policy on the real backend (%s)',
  databaseId => {
    let repoServer: http.Server;
    let repoBase: string;
    let catalog: CatalogTestBackend;
    let server: http.Server;

    const as = (user: string) => mockCredentials.user.header(user);

    const entity = (ref: string, user = KENJI) => catalog.entity(ref, { user });

    /** The entity once the catalog has stitched its owner relation. */
    const ownedEntity = (ref: string): Promise<Entity> =>
      catalog.waitForEntity(
        ref,
        e => e.relations?.some(r => r.type === 'ownedBy') ?? false,
        `${ref} with its owner`,
        { user: KENJI },
      );

    const byUid = (uid: string) =>
      request(server)
        .get(`/api/catalog/entities/by-uid/${uid}`)
        .set('Authorization', as(ANA));

    const registerLocation = async (user: string, target: string) => {
      const res = await request(server)
        .post('/api/catalog/locations')
        .set('Authorization', as(user))
        .send({ type: 'url', target });
      expect(res.status).toBe(201);
      return res.body.location as { id: string; target: string };
    };

    const location = (id: string) =>
      request(server)
        .get(`/api/catalog/locations/${id}`)
        .set('Authorization', as(ANA));

    const task = (id: string, user: string) =>
      request(server)
        .get(`/api/scaffolder/v2/tasks/${id}`)
        .set('Authorization', as(user));

    const startTask = async (user: string) => {
      const res = await request(server)
        .post('/api/scaffolder/v2/tasks')
        .set('Authorization', as(user))
        .send({
          templateRef: 'template:default/wait-a-bit',
          values: { name: 'demo' },
        });
      expect(res.status).toBe(201);
      return res.body.id as string;
    };

    beforeAll(async () => {
      repoServer = http.createServer((req, res) => {
        if (req.url?.endsWith('/catalog-info.yaml')) {
          res.writeHead(200, { 'Content-Type': 'text/yaml' });
          res.end(TEAM_REPO_YAML);
        } else {
          res.writeHead(404).end();
        }
      });
      await new Promise<void>(resolve =>
        repoServer.listen(0, '127.0.0.1', resolve),
      );
      const repoPort = (repoServer.address() as AddressInfo).port;
      repoBase = `http://127.0.0.1:${repoPort}`;

      catalog = await startCatalogTestBackend({
        databases,
        databaseId,
        features: [scaffolderEntityModelModule, scaffolderPlugin],
        permissions: { policy: strataPolicyModule, groups: GROUPS },
        mcpActions: { pluginSources: ['catalog', 'scaffolder'] },
        files: {
          'org.yaml': ORG_YAML,
          'services.yaml': SERVICES_YAML,
          'template.yaml': TEMPLATE_YAML,
        },
        catalog: {
          processingInterval: { minutes: 10 },
          kinds: ['Component', 'Group', 'User', 'Template', 'Location'],
          locations: ['org.yaml', 'services.yaml', 'template.yaml'],
        },
        config: {
          strata: { permissions: { admins: ['group:default/platform'] } },
          backend: {
            reading: { allow: [{ host: `127.0.0.1:${repoPort}` }] },
          },
        },
      });
      server = catalog.server;

      for (const ref of [
        'component:default/etl-workers',
        'component:default/etl-scheduler',
        'component:default/invoicing',
        'template:default/wait-a-bit',
      ]) {
        await ownedEntity(ref);
      }
    });

    afterAll(async () => {
      await catalog?.stop();
      // Task and processing loops notice the stop after their current iteration; let them
      // finish while their databases still exist.
      await new Promise(resolve => setTimeout(resolve, 2000));
      await new Promise(resolve => repoServer?.close(resolve));
    });

    it('catalog entity delete: owner 204, another team 403, admin 204', async () => {
      const workers = await ownedEntity('component:default/etl-workers');
      const uid = workers.metadata.uid!;

      const denied = await request(server)
        .delete(`/api/catalog/entities/by-uid/${uid}`)
        .set('Authorization', as(HANNAH));
      expect(denied.status).toBe(403);
      expect((await byUid(uid)).status).toBe(200);

      const deleted = await request(server)
        .delete(`/api/catalog/entities/by-uid/${uid}`)
        .set('Authorization', as(KENJI));
      expect(deleted.status).toBe(204);
      expect((await byUid(uid)).status).toBe(404);

      const invoicing = await ownedEntity('component:default/invoicing');
      const notKenjis = await request(server)
        .delete(`/api/catalog/entities/by-uid/${invoicing.metadata.uid}`)
        .set('Authorization', as(KENJI));
      expect(notKenjis.status).toBe(403);
      const byAdmin = await request(server)
        .delete(`/api/catalog/entities/by-uid/${invoicing.metadata.uid}`)
        .set('Authorization', as(ANA));
      expect(byAdmin.status).toBe(204);
      expect((await byUid(invoicing.metadata.uid!)).status).toBe(404);
    });

    it('catalog entity refresh: owner 200, another team 403', async () => {
      const refresh = (user: string) =>
        request(server)
          .post('/api/catalog/refresh')
          .set('Authorization', as(user))
          .send({ entityRef: 'component:default/etl-scheduler' });
      expect((await refresh(HANNAH)).status).toBe(403);
      expect((await refresh(KENJI)).status).toBe(200);
      expect((await refresh(ANA)).status).toBe(200);
    });

    it('catalog reads: every user reads every team’s entities', async () => {
      expect(
        await entity('component:default/etl-scheduler', HANNAH),
      ).toMatchObject({
        metadata: { name: 'etl-scheduler' },
      });
      const res = await request(server)
        .get('/api/catalog/locations')
        .set('Authorization', as(HANNAH));
      expect(res.status).toBe(200);
    });

    it('locations: any user registers; only admins unregister, even the owner of every entity in it is 403', async () => {
      const registered = await registerLocation(
        KENJI,
        `${repoBase}/pipelines/dashboard/catalog-info.yaml`,
      );
      // The location's entity is Kenji's team's.
      const dashboard = await ownedEntity(
        'component:default/pipeline-dashboard',
      );
      expect(dashboard.spec?.owner).toBe('group:default/pipelines');

      for (const user of [HANNAH, KENJI]) {
        const res = await request(server)
          .delete(`/api/catalog/locations/${registered.id}`)
          .set('Authorization', as(user));
        expect(res.status).toBe(403);
      }
      expect((await location(registered.id)).status).toBe(200);

      const byAdmin = await request(server)
        .delete(`/api/catalog/locations/${registered.id}`)
        .set('Authorization', as(ANA));
      expect(byAdmin.status).toBe(204);
      expect((await location(registered.id)).status).toBe(404);
      await waitFor(
        async () =>
          (await entity('component:default/pipeline-dashboard'))
            ? undefined
            : true,
        'pipeline-dashboard gone with its location',
      );
    });

    it('known gap: PUT /locations/:id is checked as catalog.location.create, so any user may retarget a location', async () => {
      // The catalog authorizes location updates with the create permission; a policy only
      // sees the permission, so it cannot allow registering without allowing this. The day
      // the catalog checks something else here, this test fails and the policy is revisited.
      const registered = await registerLocation(
        KENJI,
        `${repoBase}/pipelines/retarget-me/catalog-info.yaml`,
      );
      const res = await request(server)
        .put(`/api/catalog/locations/${registered.id}`)
        .set('Authorization', as(HANNAH))
        .send({
          type: 'url',
          target: `${repoBase}/billing/elsewhere/catalog-info.yaml`,
        });
      expect(res.status).toBe(200);
      await request(server)
        .delete(`/api/catalog/locations/${registered.id}`)
        .set('Authorization', as(ANA))
        .expect(204);
    });

    it('scaffolder: any user runs a template; tasks are read and cancelled by their creator (and admins) only', async () => {
      const schema = await request(server)
        .get(
          '/api/scaffolder/v2/templates/default/template/wait-a-bit/parameter-schema',
        )
        .set('Authorization', as(HANNAH));
      expect(schema.status).toBe(200);

      const id = await startTask(KENJI);
      expect((await task(id, KENJI)).status).toBe(200);
      expect((await task(id, HANNAH)).status).toBe(403);
      expect((await task(id, ANA)).status).toBe(200);

      const listed = async (user: string) => {
        const res = await request(server)
          .get('/api/scaffolder/v2/tasks')
          .set('Authorization', as(user));
        expect(res.status).toBe(200);
        return (res.body.tasks as { id: string }[]).map(t => t.id);
      };
      expect(await listed(KENJI)).toContain(id);
      expect(await listed(HANNAH)).not.toContain(id);
      expect(await listed(ANA)).toContain(id);

      const events = await request(server)
        .get(`/api/scaffolder/v2/tasks/${id}/events`)
        .set('Authorization', as(HANNAH));
      expect(events.status).toBe(403);

      await waitFor(
        async () =>
          (await task(id, KENJI)).body.status === 'processing'
            ? true
            : undefined,
        'the task to run',
      );
      const cancelByOther = await request(server)
        .post(`/api/scaffolder/v2/tasks/${id}/cancel`)
        .set('Authorization', as(HANNAH));
      expect(cancelByOther.status).toBe(403);
      const cancel = await request(server)
        .post(`/api/scaffolder/v2/tasks/${id}/cancel`)
        .set('Authorization', as(KENJI));
      expect(cancel.status).toBe(200);
      // The running step is aborted; the scaffolder records the cancellation in the task's
      // events (the task page shows the step as cancelled) and ends the run.
      const cancelled = await waitFor(async () => {
        const res = await request(server)
          .get(`/api/scaffolder/v2/tasks/${id}/events`)
          .set('Authorization', as(KENJI));
        const types = (res.body as { type: string }[]).map(e => e.type);
        return types.includes('completion') ? types : undefined;
      }, 'the cancelled task to end');
      expect(cancelled).toContain('cancelled');
      expect((await task(id, KENJI)).body.status).not.toBe('completed');
    });

    it('MCP unregister-entity: denied for another team and for the owner, allowed for an admin', async () => {
      const target = `${repoBase}/pipelines/dashboard-mcp/catalog-info.yaml`;
      const registered = await registerLocation(KENJI, target);

      for (const user of [HANNAH, KENJI]) {
        const denied = await catalog.callMcpTool(
          user,
          'catalog.unregister-entity',
          {
            type: { locationId: registered.id },
          },
        );
        expect(denied.isError).toBe(true);
        expect(denied.content[0].text).toMatch(/^NotAllowedError/);
        const byUrl = await catalog.callMcpTool(
          user,
          'catalog.unregister-entity',
          {
            type: { locationUrl: target },
          },
        );
        expect(byUrl.isError).toBe(true);
        expect(byUrl.content[0].text).toMatch(/^NotAllowedError/);
      }
      expect((await location(registered.id)).status).toBe(200);

      const allowed = await catalog.callMcpTool(
        ANA,
        'catalog.unregister-entity',
        {
          type: { locationUrl: target },
        },
      );
      expect(allowed.isError).toBeFalsy();
      expect((await location(registered.id)).status).toBe(404);
    });

    it('MCP refresh-catalog-entity: the owner’s decision applies to the MCP client acting for them', async () => {
      const args = { kind: 'Component', name: 'etl-scheduler' };
      const denied = await catalog.callMcpTool(
        HANNAH,
        'catalog.refresh-catalog-entity',
        args,
      );
      expect(denied.isError).toBe(true);
      expect(denied.content[0].text).toMatch(/^NotAllowedError/);
      const allowed = await catalog.callMcpTool(
        KENJI,
        'catalog.refresh-catalog-entity',
        args,
      );
      expect(allowed.isError).toBeFalsy();
      expect(allowed.structuredContent).toEqual({
        entityRef: 'component:default/etl-scheduler',
      });
    });

    it('MCP execute-template runs as the calling user: the task is theirs, not another user’s', async () => {
      const result = await catalog.callMcpTool(
        KENJI,
        'scaffolder.execute-template',
        {
          templateRef: 'template:default/wait-a-bit',
          values: { name: 'from-mcp' },
        },
      );
      expect(result.isError).toBeFalsy();
      const taskId = result.structuredContent?.taskId as string;
      const own = await task(taskId, KENJI);
      expect(own.status).toBe(200);
      expect(own.body.createdBy).toBe(KENJI);
      expect((await task(taskId, HANNAH)).status).toBe(403);

      const hannahsView = await catalog.callMcpTool(
        HANNAH,
        'scaffolder.list-scaffolder-tasks',
        {},
      );
      expect(hannahsView.isError).toBeFalsy();
      const ids = (
        hannahsView.structuredContent?.tasks as { id: string }[]
      ).map(t => t.id);
      expect(ids).not.toContain(taskId);

      await request(server)
        .post(`/api/scaffolder/v2/tasks/${taskId}/cancel`)
        .set('Authorization', as(KENJI))
        .expect(200);
    });
  },
);
