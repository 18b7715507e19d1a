/*
 * `./strata start`'s path for the demo history, on SQLite and PostgreSQL: load-history.mjs
 * posts the 90 days to the real plugin with a static machine token (Backstage's own auth
 * services), twice; the second run changes nothing, and the DORA figures tell the teams apart.
 */
import { authServiceFactory } from '@backstage/backend-defaults/auth';
import { httpAuthServiceFactory } from '@backstage/backend-defaults/httpAuth';
import {
  mockServices,
  startTestBackend,
  TestDatabases,
} from '@backstage/backend-test-utils';
import { Entity } from '@backstage/catalog-model';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import { isolatedTestBackendServices } from '@internal/backend-test-kit';
import { execFile } from 'node:child_process';
import fs from 'node:fs';
import { AddressInfo } from 'node:net';
import path from 'node:path';
import { promisify } from 'node:util';
import request from 'supertest';
import { deploymentsPlugin } from '../plugin';

jest.setTimeout(120_000);

const exec = promisify(execFile);
const ROOT = path.resolve(__dirname, '../../../..');
const TOKEN = 'machine-token-for-the-tests-0123456789';

/** The demo services and teams as the catalog serves them (owner relations included). */
function demoCatalog(): Entity[] {
  const dir = path.join(ROOT, 'examples/dataflow/services');
  const services = fs.readdirSync(dir).map(name => {
    const text = fs.readFileSync(
      path.join(dir, name, 'catalog-info.yaml'),
      'utf8',
    );
    const owner = /^\s+owner:\s*(\S+)/m.exec(text)![1];
    return {
      apiVersion: 'backstage.io/v1alpha1',
      kind: 'Component',
      metadata: {
        name: /^\s+name:\s*(\S+)/m.exec(text)![1],
        namespace: 'default',
      },
      spec: { type: 'service', lifecycle: 'production', owner },
      relations: [{ type: 'ownedBy', targetRef: owner }],
    };
  });
  const teams = [...new Set(services.map(s => s.spec.owner))].map(ref => ({
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Group',
    metadata: { name: ref.replace('group:default/', ''), namespace: 'default' },
    spec: { type: 'team', children: [] },
  }));
  return [...services, ...teams];
}

const databases = TestDatabases.create({ ids: ['SQLITE_3', 'POSTGRES_15'] });

describe.each(databases.eachSupportedId())(
  'the demo history on %s',
  databaseId => {
    it('loads through the events API, idempotently, and bands the teams apart', async () => {
      const { server } = await startTestBackend({
        features: [
          deploymentsPlugin,
          catalogServiceMock.factory({ entities: demoCatalog() }),
          ...isolatedTestBackendServices(databases, databaseId).features,
          authServiceFactory,
          httpAuthServiceFactory,
          mockServices.rootConfig.factory({
            data: {
              backend: {
                auth: {
                  externalAccess: [
                    {
                      type: 'static',
                      options: { token: TOKEN, subject: 'strata-machine' },
                      accessRestrictions: [{ plugin: 'deployments' }],
                    },
                  ],
                },
              },
            },
          }),
        ],
      });
      const listening = server.listening
        ? server
        : await new Promise<typeof server>(resolve =>
            server.listen(0, '127.0.0.1', () => resolve(server)),
          );
      const base = `http://127.0.0.1:${
        (listening.address() as AddressInfo).port
      }`;
      const load = () =>
        exec(
          process.execPath,
          [
            path.join(ROOT, 'examples/dataflow/deployments/load-history.mjs'),
            base,
          ],
          {
            env: { ...process.env, STRATA_MACHINE_TOKEN: TOKEN },
          },
        );

      const first = await load();
      const [, total, created] = /Done: (\d+) events — (\d+) created/.exec(
        first.stdout,
      )!;
      expect(Number(total)).toBeGreaterThan(800);
      expect(created).toBe(total);
      const second = await load();
      expect(second.stdout).toContain(
        `Done: ${total} events — 0 created, 0 updated, ${total} unchanged`,
      );

      const dora = async (owner: string, window: string) => {
        const res = await request(server)
          .get(`/api/deployments/v1/dora?owner=${owner}&window=${window}`)
          .set('authorization', `Bearer ${TOKEN}`);
        expect(res.status).toBe(200);
        return res.body;
      };
      // The history ends at the real now, so only figures that hold whatever the day are asserted
      // here; the exact bands on a fixed day are checked in demoHistory.test.ts.
      const platform = await dora('group:default/platform', '30d');
      expect(platform.scope.services).toEqual([
        'component:default/api-gateway',
        'component:default/audit',
        'component:default/notification',
      ]);
      expect(platform.bands.deploymentFrequency).toBe('elite');
      expect(platform.bands.leadTime).toBe('elite');
      // The previous 30 days are in the history too: the trend has figures.
      expect(platform.previous.deployments).toBeGreaterThan(100);
      const billing = await dora('group:default/billing', '90d');
      expect(billing.deploymentsPerDay).toBeLessThan(
        platform.deploymentsPerDay / 20,
      );
      expect(billing.leadTimeSeconds.median).toBeGreaterThan(
        20 * platform.leadTimeSeconds.median,
      );
    });
  },
);
