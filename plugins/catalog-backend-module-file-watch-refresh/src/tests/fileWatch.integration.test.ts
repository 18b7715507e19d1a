/*
 * The real catalog with the local repositories module (the guarded file reader and the local
 * repositories provider) and this module, on every database the suite has. The processing loop
 * is 10 minutes here: whatever shows within the test's seconds was brought by the file watch.
 */
import { TestDatabases } from '@backstage/backend-test-utils';
import { eventsServiceFactory } from '@backstage/plugin-events-node';
import { waitFor } from '@internal/backend-test-kit';
import {
  CatalogTestBackend,
  componentYaml,
  startCatalogTestBackend,
} from '@internal/backend-test-kit/catalog';
import localRepositoriesModule from '@internal/plugin-catalog-backend-module-local-repositories';
import fs from 'node:fs';
import path from 'node:path';
import fileWatchModule from '../index';

const component = (name: string, description: string) =>
  componentYaml(name, { description, owner: 'group:default/payments' });

const databases = TestDatabases.create();

jest.setTimeout(90_000);

describe.each(databases.eachSupportedId())(
  'file watch → catalog on %s',
  databaseId => {
    let catalog: CatalogTestBackend;
    let dir: string;
    let org: string;

    const entity = (name: string) =>
      catalog.entity(`component:default/${name}`);
    const described = (name: string, description: string) =>
      catalog.waitForEntity(
        `component:default/${name}`,
        e => e.metadata.description === description,
        `${name} described "${description}"`,
        { timeoutMs: 20_000 },
      );
    const gone = (name: string) =>
      waitFor(
        async () => ((await entity(name)) ? undefined : true),
        `${name} to leave the catalog`,
        { timeoutMs: 20_000 },
      );

    beforeAll(async () => {
      catalog = await startCatalogTestBackend({
        databases,
        databaseId,
        features: [
          localRepositoriesModule,
          fileWatchModule,
          eventsServiceFactory,
        ],
        // repositories/ is created only later: the watch has to survive its absence.
        files: {
          'org/catalog-info.yaml': `apiVersion: backstage.io/v1alpha1
kind: Location
metadata:
  name: org
spec:
  targets: [./payments.yaml]
`,
          'org/payments.yaml': component('payments', 'takes payments'),
          'services/billing/catalog-info.yaml': component('billing', 'bills'),
        },
        catalog: {
          processingInterval: { minutes: 10 },
          kinds: ['Component', 'Location'],
          locations: ['org/catalog-info.yaml', 'services/*/catalog-info.yaml'],
        },
        config: folder => ({
          strata: {
            scaffolder: {
              localRepositoriesDir: path.join(folder, 'repositories'),
            },
            catalog: {
              allowedFileLocationRoots: [path.join(folder, 'org')],
              fileWatch: { debounceMs: 100 },
            },
          },
        }),
      });
      dir = catalog.dir;
      org = path.join(dir, 'org');
      await described('payments', 'takes payments');
      await described('billing', 'bills');
    });

    afterAll(async () => {
      await catalog?.stop();
    });

    it('re-reads a changed file that a Location entity reads', async () => {
      const started = Date.now();
      fs.writeFileSync(
        path.join(org, 'payments.yaml'),
        component('payments', 'takes and refunds payments'),
      );
      await described('payments', 'takes and refunds payments');
      expect(Date.now() - started).toBeLessThan(10_000);
    });

    it('reads a new file that an app-config glob target matches', async () => {
      const file = catalog.writeFile(
        'services/ledger/catalog-info.yaml',
        component('ledger', 'keeps the books'),
      );
      const ledger = await described('ledger', 'keeps the books');
      expect(
        ledger.metadata.annotations?.['backstage.io/managed-by-location'],
      ).toBe(`file:${file}`);
    });

    it('serves a local repository created after start, follows its edits, and drops it when removed', async () => {
      const file = catalog.writeFile(
        'repositories/report-exporter/catalog-info.yaml',
        component('report-exporter', 'exports reports'),
      );
      const served = await described('report-exporter', 'exports reports');
      expect(
        served.metadata.annotations?.['backstage.io/managed-by-location'],
      ).toBe(`file:${file}`);

      fs.writeFileSync(
        file,
        component('report-exporter', 'exports reports as CSV'),
      );
      await described('report-exporter', 'exports reports as CSV');

      fs.rmSync(path.dirname(file), { recursive: true });
      expect(await gone('report-exporter')).toBe(true);
    });

    it('keeps the guard: a watched change never makes the catalog read outside the roots', async () => {
      const secret = path.join(dir, 'secret.yaml');
      fs.writeFileSync(secret, component('leaked-secret', 'host file'));
      fs.appendFileSync(
        path.join(org, 'catalog-info.yaml'),
        `---
apiVersion: backstage.io/v1alpha1
kind: Location
metadata:
  name: sneaky
spec:
  type: file
  target: ../secret.yaml
`,
      );
      fs.appendFileSync(
        path.join(org, 'catalog-info.yaml'),
        `---\n${component('audit', 'audits')}`,
      );
      // The file was re-read: its new component is served, the refused target is not.
      await described('audit', 'audits');
      expect(await entity('leaked-secret')).toBeUndefined();
      fs.writeFileSync(secret, component('leaked-secret', 'changed host file'));
      await new Promise(resolve => setTimeout(resolve, 2000));
      expect(await entity('leaked-secret')).toBeUndefined();
    });
  },
);
