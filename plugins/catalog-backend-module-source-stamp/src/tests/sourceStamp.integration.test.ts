/*
 * The real catalog with the local repositories module (the guarded file reader) and this
 * module, on every database the suite has: what the Source card reads is on the served entity,
 * and it does not change while the source does not, however often the loop re-reads it.
 */
import { TestDatabases } from '@backstage/backend-test-utils';
import { eventsServiceFactory } from '@backstage/plugin-events-node';
import {
  CatalogTestBackend,
  componentYaml,
  startCatalogTestBackend,
} from '@internal/backend-test-kit/catalog';
import localRepositoriesModule from '@internal/plugin-catalog-backend-module-local-repositories';
import { createRepository } from '@internal/plugin-local-repositories-node';
import fs from 'node:fs';
import path from 'node:path';
import sourceStampModule from '../index';

const component = (name: string, description: string) =>
  componentYaml(name, { description, owner: 'group:default/payments' });

const databases = TestDatabases.create();

jest.setTimeout(90_000);

describe.each(databases.eachSupportedId())(
  'source stamps in the catalog on %s',
  databaseId => {
    let catalog: CatalogTestBackend;
    let commit: string;

    const annotations = async (name: string) => {
      const entity = await catalog.entity(`component:default/${name}`);
      return entity ? entity.metadata.annotations ?? {} : undefined;
    };
    const stamped = async (name: string, description?: string) =>
      (
        await catalog.waitForEntity(
          `component:default/${name}`,
          entity =>
            Boolean(
              entity.metadata.annotations?.['strata.dev/source-read-at'],
            ) &&
            (!description || entity.metadata.description === description),
          `${name} stamped`,
          { timeoutMs: 30_000 },
        )
      ).metadata.annotations!;

    beforeAll(async () => {
      catalog = await startCatalogTestBackend({
        databases,
        databaseId,
        features: [
          localRepositoriesModule,
          sourceStampModule,
          eventsServiceFactory,
        ],
        files: { 'org/payments.yaml': component('payments', 'v1') },
        async prepare(dir) {
          commit = await createRepository({
            dir: path.join(dir, 'repositories', 'ledger'),
            defaultBranch: 'main',
            files: [
              {
                path: 'catalog-info.yaml',
                content: component('ledger', 'books'),
              },
            ],
            message: 'Create ledger',
          });
        },
        catalog: {
          // A busy loop: every pass re-reads every file.
          processingInterval: { seconds: 1 },
          kinds: ['Component', 'Location'],
          locations: ['org/payments.yaml'],
        },
        config: dir => ({
          strata: {
            scaffolder: {
              localRepositoriesDir: path.join(dir, 'repositories'),
            },
            catalog: { allowedFileLocationRoots: [path.join(dir, 'org')] },
          },
        }),
      });
    });

    afterAll(async () => {
      await catalog?.stop();
    });

    it("stamps a local repository's entity with its HEAD commit", async () => {
      expect((await stamped('ledger'))['strata.dev/source-version']).toBe(
        `git:${commit}`,
      );
    });

    it('keeps the stamp while the file does not change, and moves it when it does', async () => {
      const first = await stamped('payments');
      const payments = path.join(catalog.dir, 'org', 'payments.yaml');
      const mtime = fs.statSync(payments).mtime;
      expect(first['strata.dev/source-version']).toBe(
        `mtime:${mtime.toISOString()}`,
      );
      // Several passes of the 1 s loop later: the same stamp (nothing re-stitched for it).
      await new Promise(resolve => setTimeout(resolve, 4000));
      expect(await annotations('payments')).toEqual(first);

      catalog.writeFile('org/payments.yaml', component('payments', 'v2'));
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
