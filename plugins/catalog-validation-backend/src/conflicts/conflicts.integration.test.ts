/*
 * The catalog itself reports a duplicate entity: two registered files declare the same
 * Component. The real catalog backend keeps the first copy, publishes the conflict on the events
 * bus, and this plugin lists it — on SQLite and PostgreSQL.
 */
import {
  mockCredentials,
  startTestBackend,
  TestDatabases,
  mockServices,
} from '@backstage/backend-test-utils';
import catalogPlugin from '@backstage/plugin-catalog-backend';
import { eventsServiceFactory } from '@backstage/plugin-events-node';
import {
  isolatedTestBackendServices,
  waitFor,
} from '@internal/backend-test-kit';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import request from 'supertest';
import { catalogValidationPlugin } from '../plugin';

jest.setTimeout(60_000);

const billing = (description: string) =>
  [
    'apiVersion: backstage.io/v1alpha1',
    'kind: Component',
    'metadata:',
    '  name: billing',
    `  description: ${description}`,
    'spec:',
    '  type: service',
    '  lifecycle: production',
    '  owner: group:default/billing',
    '',
  ].join('\n');

const databases = TestDatabases.create();

describe.each(databases.eachSupportedId())(
  'catalog conflicts on %s',
  databaseId => {
    let dir: string;
    beforeEach(() => {
      dir = fs.mkdtempSync(path.join(os.tmpdir(), 'strata-conflicts-'));
    });
    afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

    it('lists an entity declared in two registered files, naming both', async () => {
      const first = path.join(dir, 'billing', 'catalog-info.yaml');
      const second = path.join(dir, 'admin', 'catalog-info.yaml');
      fs.mkdirSync(path.dirname(first));
      fs.mkdirSync(path.dirname(second));
      fs.writeFileSync(first, billing('the real one'));
      fs.writeFileSync(second, billing('a copy pasted into admin'));

      const backend = await startTestBackend({
        features: [
          catalogPlugin,
          catalogValidationPlugin,
          ...isolatedTestBackendServices(databases, databaseId).features,
          // The real in-process events bus: startTestBackend's default events mock delivers nothing.
          eventsServiceFactory,
          mockServices.rootConfig.factory({
            data: {
              catalog: {
                processingInterval: { seconds: 1 },
                rules: [{ allow: ['Component'] }],
                locations: [
                  { type: 'file', target: first },
                  { type: 'file', target: second },
                ],
              },
            },
          }),
        ],
      });
      const { server } = backend;
      try {
        const token = mockCredentials.user.header();
        const conflicts = await waitFor(async () => {
          const res = await request(server)
            .get('/api/catalog-validation/conflicts')
            .query({ entityRef: 'component:default/billing' })
            .set('authorization', token);
          return res.body.items?.length ? res.body.items : undefined;
        }, 'the conflict to be recorded');

        // Which file wins is the catalog's first-processed; the report names both either way.
        expect(conflicts).toHaveLength(1);
        const [conflict] = conflicts;
        expect(conflict.entityRef).toBe('component:default/billing');
        expect(
          [conflict.keptLocation, conflict.ignoredLocation].sort(),
        ).toEqual([`file:${second}`, `file:${first}`].sort());

        // The catalog serves the kept copy, and only it.
        const served = await waitFor(async () => {
          const res = await request(server)
            .get('/api/catalog/entities/by-name/component/default/billing')
            .set('authorization', token);
          return res.status === 200 ? res.body : undefined;
        }, 'the kept copy to be served');
        expect(
          served.metadata.annotations['backstage.io/managed-by-location'],
        ).toBe(conflict.keptLocation);
      } finally {
        await backend.stop();
      }
    });
  },
);
