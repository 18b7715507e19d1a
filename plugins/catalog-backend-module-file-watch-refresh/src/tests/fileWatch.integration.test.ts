/*
 * The real catalog with the local repositories module (the guarded file reader and the local
 * repositories provider) and this module, on every database the suite has. The processing loop
 * is 10 minutes here: whatever shows within the test's seconds was brought by the file watch.
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
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import request from 'supertest';
import fileWatchModule from '../index';

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
  'file watch → catalog on %s',
  databaseId => {
    let dir: string;
    let org: string;
    let services: string;
    let repositoriesDir: string;
    let server: Parameters<typeof request>[0];
    let stop: () => Promise<void>;

    const entity = async (name: string) => {
      const res = await request(server)
        .get(`/api/catalog/entities/by-name/component/default/${name}`)
        .set('Authorization', mockCredentials.user.header());
      return res.status === 200 ? (res.body as Entity) : undefined;
    };
    const described = (name: string, description: string) =>
      waitFor(
        async () => {
          const e = await entity(name);
          return e?.metadata.description === description ? e : undefined;
        },
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
      dir = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'watch-')));
      org = path.join(dir, 'org');
      services = path.join(dir, 'services');
      // Created only later: the watch has to survive its absence.
      repositoriesDir = path.join(dir, 'repositories');
      fs.mkdirSync(org);
      fs.mkdirSync(path.join(services, 'billing'), { recursive: true });
      fs.writeFileSync(
        path.join(org, 'catalog-info.yaml'),
        `apiVersion: backstage.io/v1alpha1
kind: Location
metadata:
  name: org
spec:
  targets: [./payments.yaml]
`,
      );
      fs.writeFileSync(
        path.join(org, 'payments.yaml'),
        component('payments', 'takes payments'),
      );
      fs.writeFileSync(
        path.join(services, 'billing', 'catalog-info.yaml'),
        component('billing', 'bills'),
      );

      const backend = await startTestBackend({
        features: [
          catalogPlugin,
          localRepositoriesModule,
          fileWatchModule,
          eventsServiceFactory,
          ...isolatedTestBackendServices(databases, databaseId).features,
          mockServices.rootConfig.factory({
            data: {
              catalog: {
                processingInterval: { minutes: 10 },
                rules: [{ allow: ['Component', 'Location'] }],
                locations: [
                  { type: 'file', target: path.join(org, 'catalog-info.yaml') },
                  {
                    type: 'file',
                    target: path.join(services, '*', 'catalog-info.yaml'),
                  },
                ],
              },
              strata: {
                scaffolder: { localRepositoriesDir: repositoriesDir },
                catalog: {
                  allowedFileLocationRoots: [org],
                  fileWatch: { debounceMs: 100 },
                },
              },
            },
          }),
        ],
      });
      server = backend.server;
      stop = () => backend.stop();
      await described('payments', 'takes payments');
      await described('billing', 'bills');
    });

    afterAll(async () => {
      await stop?.();
      fs.rmSync(dir, { recursive: true, force: true });
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
      fs.mkdirSync(path.join(services, 'ledger'));
      fs.writeFileSync(
        path.join(services, 'ledger', 'catalog-info.yaml'),
        component('ledger', 'keeps the books'),
      );
      const ledger = await described('ledger', 'keeps the books');
      expect(
        ledger.metadata.annotations?.['backstage.io/managed-by-location'],
      ).toBe(`file:${path.join(services, 'ledger', 'catalog-info.yaml')}`);
    });

    it('serves a local repository created after start, follows its edits, and drops it when removed', async () => {
      const repo = path.join(repositoriesDir, 'report-exporter');
      fs.mkdirSync(repo, { recursive: true });
      fs.writeFileSync(
        path.join(repo, 'catalog-info.yaml'),
        component('report-exporter', 'exports reports'),
      );
      const served = await described('report-exporter', 'exports reports');
      expect(
        served.metadata.annotations?.['backstage.io/managed-by-location'],
      ).toBe(`file:${path.join(repo, 'catalog-info.yaml')}`);

      fs.writeFileSync(
        path.join(repo, 'catalog-info.yaml'),
        component('report-exporter', 'exports reports as CSV'),
      );
      await described('report-exporter', 'exports reports as CSV');

      fs.rmSync(repo, { recursive: true });
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
