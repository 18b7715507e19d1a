/*
 * Nobody grants themselves identity, ownership or templates through a catalog file. With the
 * catalog rules of the real app-config.yaml and app-config.production.yaml, a repository's
 * catalog-info.yaml (here a local repository; GitHub discovery's files are judged by the same
 * global rules) that declares a User, a Group listing its author, or a Template is refused as a
 * whole, with the reason visible on the unprocessed-entities API; its Components alone are
 * served. Users, Groups and Templates still come from the places the configuration names.
 */
import {
  mockCredentials,
  mockServices,
  startTestBackend,
  TestDatabases,
} from '@backstage/backend-test-utils';
import { Entity } from '@backstage/catalog-model';
import catalogPlugin from '@backstage/plugin-catalog-backend';
import unprocessedModule from '@backstage/plugin-catalog-backend-module-unprocessed';
import catalogScaffolderEntityModel from '@backstage/plugin-catalog-backend-module-scaffolder-entity-model';
import localRepositoriesModule from '@internal/plugin-catalog-backend-module-local-repositories';
import serviceModelModule from '@internal/plugin-catalog-backend-module-service-model';
import {
  isolatedTestBackendServices,
  waitFor,
} from '@internal/backend-test-kit';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import request from 'supertest';
import { strataCatalogConfig } from './__testUtils__/strataConfig';

const doc = (kind: string, name: string, spec: object) =>
  `---\n${JSON.stringify({
    apiVersion:
      kind === 'Template'
        ? 'scaffolder.backstage.io/v1beta3'
        : 'backstage.io/v1alpha1',
    kind,
    metadata: { name },
    spec,
  })}\n`;

const component = (name: string) =>
  doc('Component', name, {
    type: 'service',
    lifecycle: 'experimental',
    owner: 'group:default/growth-reporting',
    tier: 3,
  });

const grabs = {
  'a User for an outsider': doc('User', 'mallory', {
    profile: { email: 'mallory@example.com' },
    memberOf: [],
  }),
  'a Group listing its author': doc('Group', 'platform-admins', {
    type: 'team',
    children: [],
    members: ['mallory'],
  }),
  'a Template': doc('Template', 'exfiltrate', {
    owner: 'group:default/platform',
    type: 'service',
    steps: [],
  }),
};

const databases = TestDatabases.create();
jest.setTimeout(90_000);

describe.each(['embedded', 'production'] as const)(
  'catalog rules of the %s configuration',
  profile => {
    describe.each(databases.eachSupportedId())('on %s', databaseId => {
      let dir: string;
      let server: Parameters<typeof request>[0];
      let stop: () => Promise<void>;
      const config = strataCatalogConfig(profile);

      const get = (url: string) =>
        request(server)
          .get(url)
          .set('Authorization', mockCredentials.user.header());
      const served = async (ref: string) => {
        const [kind, name] = ref.split(':');
        const res = await get(
          `/api/catalog/entities/by-name/${kind}/default/${name}`,
        );
        return res.status === 200 ? (res.body as Entity) : undefined;
      };
      const pendingErrors = async () => {
        const res = await get('/api/catalog/entities/unprocessed/pending');
        // Serialised errors: a message, and for some a cause; search all of it.
        return (res.body.entities as { errors?: object[] }[])
          .flatMap(e => e.errors ?? [])
          .map(e => JSON.stringify(e));
      };

      beforeAll(async () => {
        dir = fs.mkdtempSync(path.join(os.tmpdir(), 'catalog-rules-'));
        for (const [i, text] of Object.values(grabs).entries()) {
          fs.mkdirSync(path.join(dir, `grab-${i}`));
          fs.writeFileSync(
            path.join(dir, `grab-${i}`, 'catalog-info.yaml'),
            component(`innocent-${i}`) + text,
          );
        }
        fs.mkdirSync(path.join(dir, 'plain'));
        fs.writeFileSync(
          path.join(dir, 'plain', 'catalog-info.yaml'),
          component('plain-service'),
        );
        const backend = await startTestBackend({
          features: [
            catalogPlugin,
            catalogScaffolderEntityModel,
            serviceModelModule,
            localRepositoriesModule,
            unprocessedModule,
            ...isolatedTestBackendServices(databases, databaseId).features,
            mockServices.rootConfig.factory({
              data: {
                catalog: {
                  processingInterval: { seconds: 2 },
                  rules: config.rules,
                  locations: config.locations,
                },
                strata: {
                  scaffolder: { localRepositoriesDir: dir },
                  catalog: {
                    allowedFileLocationRoots: config.allowedFileLocationRoots,
                  },
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

      it('serves a repository of ordinary entities', async () => {
        await waitFor(() => served('component:plain-service'), 'plain-service');
        expect((await served('component:plain-service'))?.spec?.owner).toBe(
          'group:default/growth-reporting',
        );
      });

      it.each(Object.keys(grabs).map((what, i) => [what, i]))(
        'refuses a repository declaring %s, saying why',
        async (_, i) => {
          const errors = await waitFor(async () => {
            const found = (await pendingErrors()).filter(m =>
              m.includes(`grab-${i}/catalog-info.yaml`),
            );
            return found.length ? found : undefined;
          }, `the refusal of grab-${i}`);
          expect(errors.join('\n')).toMatch(
            /is not of an allowed kind for that location/,
          );
          expect(await served(`component:innocent-${i}`)).toBeUndefined();
        },
      );

      it('takes Templates from the templates location only', async () => {
        const template = await waitFor(
          () => served('template:node-service'),
          'the node-service template',
        );
        expect(template.kind).toBe('Template');
        expect(await served('template:exfiltrate')).toBeUndefined();
        expect(await served('user:mallory')).toBeUndefined();
        expect(await served('group:platform-admins')).toBeUndefined();
      });
    });
  },
);
