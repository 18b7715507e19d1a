/*
 * The real catalog backend with this module, on every database the suite has. The attacks of
 * the security review: through the catalog's API (a `file` target is refused with a 400 that
 * does not depend on whether the path exists, and nothing is stored), and through catalog files
 * a user controls (a local repository's catalog-info.yaml with Location entities aiming at host
 * files by absolute path, `..`, glob, brace and symbolic link): none is read, each is a
 * processing error the API shows. And the feature: a repository appears in the catalog when it
 * is announced, a removed one leaves, an oversized file is refused with its size.
 */
import {
  mockCredentials,
  mockServices,
  startTestBackend,
  TestDatabases,
} from '@backstage/backend-test-utils';
import { Entity } from '@backstage/catalog-model';
import catalogPlugin from '@backstage/plugin-catalog-backend';
import { locationSpecToMetadataName } from '@backstage/plugin-catalog-node';
import { EventsService } from '@backstage/plugin-events-node';
import {
  catalogEventsHandle,
  isolatedTestBackendServices,
  waitFor,
} from '@internal/backend-test-kit';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import request from 'supertest';
import unprocessedModule from '@backstage/plugin-catalog-backend-module-unprocessed';
import { LOCAL_REPOSITORY_PUBLISHED_TOPIC } from '@internal/plugin-local-repositories-node';
import localRepositoriesModule from './index';

const component = (name: string) => `apiVersion: backstage.io/v1alpha1
kind: Component
metadata:
  name: ${name}
spec:
  type: service
  lifecycle: experimental
  owner: group:default/growth
`;

const location = (name: string, target: string) => `---
apiVersion: backstage.io/v1alpha1
kind: Location
metadata:
  name: ${name}
spec:
  type: file
  target: ${JSON.stringify(target)}
`;

const databases = TestDatabases.create();

jest.setTimeout(60_000);

describe.each(databases.eachSupportedId())(
  'local repositories and file locations in the catalog on %s',
  databaseId => {
    let dir: string;
    let repositoriesDir: string;
    let secret: string;
    let server: Parameters<typeof request>[0];
    let stop: () => Promise<void>;
    const handle: { events?: EventsService } = {};

    const get = (url: string) =>
      request(server)
        .get(url)
        .set('Authorization', mockCredentials.user.header());
    const entity = async (kind: string, name: string) => {
      const res = await get(
        `/api/catalog/entities/by-name/${kind}/default/${name}`,
      );
      return res.status === 200 ? (res.body as Entity) : undefined;
    };
    /**
     * The processing errors of an entity the catalog could not process, as users see them on
     * Backstage's unprocessed-entities page: never-valid entities are "pending", ones whose
     * stitched copy lost its content are "failed".
     */
    const unprocessedErrors = async (kind: string, name: string) => {
      for (const reason of ['pending', 'failed']) {
        const res = await get(`/api/catalog/entities/unprocessed/${reason}`);
        const match = (
          res.body.entities as {
            unprocessed_entity: Entity;
            errors?: { message: string }[];
          }[]
        ).find(
          e =>
            e.unprocessed_entity.kind.toLowerCase() === kind &&
            e.unprocessed_entity.metadata.name === name,
        );
        if (match?.errors?.length) return match.errors.map(e => e.message);
      }
      return undefined;
    };
    const announce = (repository: string) =>
      handle.events!.publish({
        topic: LOCAL_REPOSITORY_PUBLISHED_TOPIC,
        eventPayload: { repository },
      });

    beforeAll(async () => {
      dir = fs.realpathSync(
        fs.mkdtempSync(path.join(os.tmpdir(), 'local-repos-')),
      );
      repositoriesDir = path.join(dir, 'repositories');
      fs.mkdirSync(repositoriesDir);
      // A file of "the host" next to the repositories folder, never to be read.
      secret = path.join(dir, 'secret.yaml');
      fs.writeFileSync(secret, component('leaked-secret'));
      const portalFile = path.join(dir, 'catalog-info.yaml');
      fs.writeFileSync(portalFile, component('the-portal'));

      const backend = await startTestBackend({
        features: [
          catalogPlugin,
          localRepositoriesModule,
          // Backstage's "unprocessed entities": where a never-valid entity's errors are shown.
          unprocessedModule,
          catalogEventsHandle(handle),
          ...isolatedTestBackendServices(databases, databaseId).features,
          mockServices.rootConfig.factory({
            data: {
              catalog: {
                processingInterval: { minutes: 10 },
                rules: [
                  { allow: ['Component', 'API', 'Resource', 'Location'] },
                ],
                // As app-config: the portal's own file is allowed, its folder is not.
                locations: [{ type: 'file', target: portalFile }],
              },
              strata: {
                scaffolder: { localRepositoriesDir: repositoriesDir },
                catalog: { maxFileBytes: 64 * 1024 },
              },
            },
          }),
        ],
      });
      server = backend.server;
      stop = () => backend.stop();
    });

    afterAll(async () => {
      await stop?.();
      fs.rmSync(dir, { recursive: true, force: true });
    });

    it.each([
      ['an existing host file', () => secret],
      ['a missing host file', () => path.join(dir, 'nothing.yaml')],
      ['a glob', () => path.join(dir, '*.yaml')],
      ['a brace', () => path.join(repositoriesDir, '{a,..}/secret.yaml')],
    ])(
      'refuses %s as a file location through the API, stores nothing, reveals nothing',
      async (_, target) => {
        for (const dryRun of ['true', 'false']) {
          const res = await request(server)
            .post(`/api/catalog/locations?dryRun=${dryRun}`)
            .set('Authorization', mockCredentials.user.header())
            .send({ type: 'file', target: target() });
          expect(res.status).toBe(400);
          expect(res.body.error.message).toBe(
            'Registered locations must be of an allowed type ["url"]',
          );
        }
        const locations = await get('/api/catalog/locations');
        expect(
          locations.body.filter(
            (l: { data: { type: string } }) => l.data.type === 'file',
          ),
        ).toEqual([]);
      },
    );

    it('serves an announced repository, and refuses every way out of it its file tries', async () => {
      const repo = path.join(repositoriesDir, 'report-exporter');
      fs.mkdirSync(repo);
      fs.symlinkSync(secret, path.join(repo, 'linked.yaml'));
      fs.writeFileSync(
        path.join(repo, 'catalog-info.yaml'),
        [
          component('report-exporter'),
          location('by-absolute-path', secret),
          location('by-dot-dot', '../../secret.yaml'),
          location('by-glob', '../../*.yaml'),
          location('by-brace', './{a,../..}/secret.yaml'),
          location('by-symlink', './linked.yaml'),
        ].join(''),
      );
      await announce('report-exporter');

      await waitFor(() => entity('component', 'report-exporter'), 'served');
      for (const name of [
        'by-absolute-path',
        'by-dot-dot',
        'by-glob',
        'by-brace',
        'by-symlink',
      ]) {
        const errors = await waitFor(
          () => unprocessedErrors('location', name),
          `the processing error of location ${name}`,
        );
        expect(errors).toEqual([
          expect.stringMatching(/^Refusing to read file location .*: /),
        ]);
        expect(await entity('location', name)).toBeUndefined();
      }
      expect(await entity('component', 'leaked-secret')).toBeUndefined();
      // The refusal does not carry the secret file's content.
      const all = await get('/api/catalog/entities');
      expect(JSON.stringify(all.body)).not.toContain('leaked-secret');
    });

    it('serves the portal file app-config lists, but not the folder it is in', async () => {
      await waitFor(() => entity('component', 'the-portal'), 'the portal');
      expect(await entity('component', 'leaked-secret')).toBeUndefined();
    });

    it('refuses a catalog file over the size limit, naming its size and the key', async () => {
      const repo = path.join(repositoriesDir, 'huge');
      fs.mkdirSync(repo);
      const padding = `# ${'x'.repeat(100)}\n`.repeat(700);
      fs.writeFileSync(
        path.join(repo, 'catalog-info.yaml'),
        component('huge') + padding,
      );
      await announce('huge');
      const target = path.join(repo, 'catalog-info.yaml');
      const name = locationSpecToMetadataName({ type: 'file', target });
      const errors = await waitFor(
        () => unprocessedErrors('location', name),
        'the size error',
      );
      expect(errors).toEqual([
        expect.stringMatching(
          /is \d+ bytes; catalog files may be at most 65536 bytes \(strata\.catalog\.maxFileBytes\)/,
        ),
      ]);
      expect(await entity('component', 'huge')).toBeUndefined();
    });

    it('lets a removed repository leave the catalog', async () => {
      const repo = path.join(repositoriesDir, 'short-lived');
      fs.mkdirSync(repo);
      fs.writeFileSync(
        path.join(repo, 'catalog-info.yaml'),
        component('short-lived'),
      );
      await announce('short-lived');
      await waitFor(() => entity('component', 'short-lived'), 'served');
      fs.rmSync(repo, { recursive: true });
      await announce('short-lived');
      await waitFor(
        async () =>
          (await entity('component', 'short-lived')) ? undefined : true,
        'gone',
      );
      const remaining = await get(
        '/api/catalog/entities?filter=kind=component',
      );
      expect(remaining.body.map((e: Entity) => e.metadata.name)).not.toContain(
        'short-lived',
      );
    });
  },
);
