/*
 * The real catalog with the local repositories module (the guarded file reader) and this
 * module, on every database the suite has: what the Source card reads is on the served entity,
 * and it does not change while the source does not, however often the loop re-reads it.
 */
import {
  mockCredentials,
  mockServices,
  startTestBackend,
  TestDatabases,
} from '@backstage/backend-test-utils';
import { Entity } from '@backstage/catalog-model';
import catalogPlugin from '@backstage/plugin-catalog-backend';
import { eventsServiceFactory } from '@backstage/plugin-events-node';
import {
  isolatedTestBackendServices,
  waitFor,
} from '@internal/backend-test-kit';
import localRepositoriesModule from '@internal/plugin-catalog-backend-module-local-repositories';
import { createRepository } from '@internal/plugin-local-repositories-node';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import request from 'supertest';
import sourceStampModule from '../index';

const component = (
  name: string,
  description: string,
) => `apiVersion: backstage.io/v1alpha1
kind: Component
metadata:
  name: ${name}
  description: ${description}
spec:
  type: service
  lifecycle: production
  owner: group:default/payments
`;

const databases = TestDatabases.create();

jest.setTimeout(90_000);

describe.each(databases.eachSupportedId())(
  'source stamps in the catalog on %s',
  databaseId => {
    let dir: string;
    let org: string;
    let commit: string;
    let server: Parameters<typeof request>[0];
    let stop: () => Promise<void>;

    const annotations = async (name: string) => {
      const res = await request(server)
        .get(`/api/catalog/entities/by-name/component/default/${name}`)
        .set('Authorization', mockCredentials.user.header());
      return res.status === 200
        ? (res.body as Entity).metadata.annotations ?? {}
        : undefined;
    };
    const stamped = (name: string, description?: string) =>
      waitFor(
        async () => {
          const res = await request(server)
            .get(`/api/catalog/entities/by-name/component/default/${name}`)
            .set('Authorization', mockCredentials.user.header());
          const entity = res.body as Entity;
          return res.status === 200 &&
            entity.metadata.annotations?.['strata.dev/source-read-at'] &&
            (!description || entity.metadata.description === description)
            ? entity.metadata.annotations
            : undefined;
        },
        `${name} stamped`,
        { timeoutMs: 30_000 },
      );

    beforeAll(async () => {
      dir = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'stamp-')));
      org = path.join(dir, 'org');
      fs.mkdirSync(org);
      fs.writeFileSync(
        path.join(org, 'payments.yaml'),
        component('payments', 'v1'),
      );
      const repositoriesDir = path.join(dir, 'repositories');
      commit = await createRepository({
        dir: path.join(repositoriesDir, 'ledger'),
        defaultBranch: 'main',
        files: [
          { path: 'catalog-info.yaml', content: component('ledger', 'books') },
        ],
        message: 'Create ledger',
      });
      const backend = await startTestBackend({
        features: [
          catalogPlugin,
          localRepositoriesModule,
          sourceStampModule,
          eventsServiceFactory,
          ...isolatedTestBackendServices(databases, databaseId).features,
          mockServices.rootConfig.factory({
            data: {
              catalog: {
                // A busy loop: every pass re-reads every file.
                processingInterval: { seconds: 1 },
                rules: [{ allow: ['Component', 'Location'] }],
                locations: [
                  { type: 'file', target: path.join(org, 'payments.yaml') },
                ],
              },
              strata: {
                scaffolder: { localRepositoriesDir: repositoriesDir },
                catalog: { allowedFileLocationRoots: [org] },
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

    it("stamps a local repository's entity with its HEAD commit", async () => {
      expect((await stamped('ledger'))['strata.dev/source-version']).toBe(
        `git:${commit}`,
      );
    });

    it('keeps the stamp while the file does not change, and moves it when it does', async () => {
      const first = await stamped('payments');
      const mtime = fs.statSync(path.join(org, 'payments.yaml')).mtime;
      expect(first['strata.dev/source-version']).toBe(
        `mtime:${mtime.toISOString()}`,
      );
      // Several passes of the 1 s loop later: the same stamp (nothing re-stitched for it).
      await new Promise(resolve => setTimeout(resolve, 4000));
      expect(await annotations('payments')).toEqual(first);

      fs.writeFileSync(
        path.join(org, 'payments.yaml'),
        component('payments', 'v2'),
      );
      const second = await stamped('payments', 'v2');
      expect(second['strata.dev/source-version']).not.toBe(
        first['strata.dev/source-version'],
      );
      expect(Date.parse(second['strata.dev/source-read-at'])).toBeGreaterThan(
        Date.parse(first['strata.dev/source-read-at']),
      );
    });
  },
);
