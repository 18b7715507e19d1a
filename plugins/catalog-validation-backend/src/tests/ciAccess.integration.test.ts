/*
 * A service repository's CI job reaches the portal with a static token restricted to this
 * plugin (backend.auth.externalAccess, as the README tells operators to configure it). On the
 * real auth services, the real catalog and this plugin, on SQLite and PostgreSQL: the token
 * downloads the validator script, which then runs with plain node outside this repository,
 * and calls /validate; it cannot read the catalog, and nothing works without it.
 */
import { authServiceFactory } from '@backstage/backend-defaults/auth';
import { httpAuthServiceFactory } from '@backstage/backend-defaults/httpAuth';
import {
  mockServices,
  startTestBackend,
  TestDatabases,
} from '@backstage/backend-test-utils';
import catalogPlugin from '@backstage/plugin-catalog-backend';
import {
  isolatedTestBackendServices,
  waitFor,
} from '@internal/backend-test-kit';
import { execFile } from 'node:child_process';
import fs from 'node:fs';
import http from 'node:http';
import { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import request from 'supertest';
import { catalogValidationPlugin } from '../plugin';

jest.setTimeout(60_000);

const exec = promisify(execFile);
const CI_TOKEN = 'ci-token-for-the-tests-0123456789';

/** The external access entry the README gives operators, with the token from the environment. */
const ciAccess = {
  type: 'static',
  options: { token: CI_TOKEN, subject: 'ci-validation' },
  accessRestrictions: [{ plugin: 'catalog-validation' }],
};

const service = [
  'apiVersion: backstage.io/v1alpha1',
  'kind: Component',
  'metadata:',
  '  name: billing',
  'spec:',
  '  type: service',
  '  lifecycle: production',
  '  owner: group:default/payments',
  '  tier: 7',
  '',
].join('\n');

const databases = TestDatabases.create({ ids: ['SQLITE_3', 'POSTGRES_15'] });

beforeAll(async () => {
  // What `./strata start` does before the backend starts: build the script the plugin serves.
  const cliDir = path.dirname(
    require.resolve('@internal/strata-catalog-cli/package.json'),
  );
  await exec(process.execPath, ['scripts/bundle.mjs'], { cwd: cliDir });
});

describe.each(databases.eachSupportedId())(
  'a CI job with the static token on %s',
  databaseId => {
    let server: Parameters<typeof request>[0];
    let outside: string;

    beforeAll(async () => {
      outside = fs.mkdtempSync(path.join(os.tmpdir(), 'service-repo-'));
      // The portal's catalog knows the payments team (and no other).
      const teams = path.join(outside, 'teams.yaml');
      fs.writeFileSync(
        teams,
        'apiVersion: backstage.io/v1alpha1\nkind: Group\nmetadata:\n  name: payments\nspec:\n  type: team\n  children: []\n',
      );
      const backend = await startTestBackend({
        features: [
          catalogPlugin,
          catalogValidationPlugin,
          ...isolatedTestBackendServices(databases, databaseId).features,
          // Backstage's own token handling, which reads backend.auth.externalAccess
          // (startTestBackend's default auth services accept mock tokens only).
          authServiceFactory,
          httpAuthServiceFactory,
          mockServices.rootConfig.factory({
            data: {
              backend: { auth: { externalAccess: [ciAccess] } },
              catalog: {
                locations: [
                  {
                    type: 'file',
                    target: teams,
                    rules: [{ allow: ['Group'] }],
                  },
                ],
              },
            },
          }),
        ],
      });
      server = backend.server;
    });

    afterAll(() => {
      fs.rmSync(outside, { recursive: true, force: true });
    });

    it('downloads the script, which validates a file with plain node outside the repository', async () => {
      const response = await request(server)
        .get('/api/catalog-validation/cli/strata-catalog.mjs')
        .set('authorization', `Bearer ${CI_TOKEN}`);
      expect(response.status).toBe(200);
      expect(response.headers['content-type']).toBe(
        'text/javascript; charset=utf-8',
      );

      fs.writeFileSync(path.join(outside, 'strata-catalog.mjs'), response.text);
      fs.writeFileSync(path.join(outside, 'catalog-info.yaml'), service);
      const result = await exec(
        process.execPath,
        [
          'strata-catalog.mjs',
          'validate',
          '--format',
          'github',
          'catalog-info.yaml',
        ],
        { cwd: outside, env: { PATH: process.env.PATH } },
      ).then(
        () => ({ code: 0, stdout: '' }),
        (e: { code: number; stdout: string }) => e,
      );
      expect(result.code).toBe(1);
      expect(result.stdout).toMatch(
        /^::error file=catalog-info\.yaml,line=9,col=9,title=service-model::spec\.tier must be the integer 1, 2 or 3, got 7 /m,
      );
    });

    it('calls /validate', async () => {
      const response = await request(server)
        .post('/api/catalog-validation/validate')
        .set('authorization', `Bearer ${CI_TOKEN}`)
        .send({ files: [{ path: 'catalog-info.yaml', content: service }] });
      expect(response.status).toBe(200);
      expect(response.body).toMatchObject({ files: 1, entities: 1, errors: 1 });
      expect(response.body.violations).toEqual([
        expect.objectContaining({ line: 9, column: 9, rule: 'service-model' }),
      ]);
    });

    it('has references checked by the plugin on its behalf, learning only which exist', async () => {
      const withOwner = (owner: string) =>
        service
          .replace('group:default/payments', owner)
          .replace('tier: 7', 'tier: 2');
      const check = (content: string) =>
        waitFor(async () => {
          const response = await request(server)
            .post('/api/catalog-validation/validate')
            .set('authorization', `Bearer ${CI_TOKEN}`)
            .send({
              files: [{ path: 'catalog-info.yaml', content }],
              checkReferences: true,
            });
          // The catalog reads teams.yaml shortly after start.
          return response.status === 200 &&
            (content.includes('nobody') || response.body.errors === 0)
            ? response
            : undefined;
        }, 'the reference check');
      const known = await check(withOwner('group:default/payments'));
      expect(known.body).toMatchObject({ errors: 0, violations: [] });
      const unknown = await check(withOwner('group:default/nobody'));
      expect(unknown.body.violations).toEqual([
        expect.objectContaining({
          rule: 'missing-reference',
          message:
            'spec.owner refers to group:default/nobody, which does not exist',
        }),
      ]);
    });

    it("runs the script's --portal check with the token: the plugin looks references up", async () => {
      const script = await request(server)
        .get('/api/catalog-validation/cli/strata-catalog.mjs')
        .set('authorization', `Bearer ${CI_TOKEN}`);
      fs.writeFileSync(path.join(outside, 'strata-catalog.mjs'), script.text);
      const { port } = (server as http.Server).address() as AddressInfo;
      const portal = `http://127.0.0.1:${port}`;
      const validate = (owner: string) => {
        fs.writeFileSync(
          path.join(outside, 'catalog-info.yaml'),
          service
            .replace('group:default/payments', owner)
            .replace('tier: 7', 'tier: 2'),
        );
        return exec(
          process.execPath,
          [
            'strata-catalog.mjs',
            'validate',
            '--portal',
            portal,
            'catalog-info.yaml',
          ],
          {
            cwd: outside,
            env: { PATH: process.env.PATH, STRATA_CATALOG_TOKEN: CI_TOKEN },
          },
        ).then(
          r => ({ code: 0, stdout: r.stdout, stderr: r.stderr }),
          (e: { code: number; stdout: string; stderr: string }) => e,
        );
      };
      // The catalog reads teams.yaml shortly after start.
      const known = await waitFor(async () => {
        const result = await validate('group:default/payments');
        return result.code === 0 ? result : undefined;
      }, 'the known owner');
      expect(known.stdout).toContain(
        '1 files, 1 entities, 0 errors, 0 warnings',
      );
      expect(known.stderr).toBe(
        `strata-catalog: checked 1 referenced entities in ${portal}\n`,
      );
      const unknown = await validate('group:default/nobody');
      expect(unknown.code).toBe(1);
      expect(unknown.stdout.split('\n')[0]).toBe(
        'catalog-info.yaml:8:10  error  spec.owner refers to group:default/nobody, which does not exist  [missing-reference]',
      );
    });

    it('cannot read the catalog', async () => {
      const response = await request(server)
        .get('/api/catalog/entities')
        .set('authorization', `Bearer ${CI_TOKEN}`);
      expect(response.status).toBe(403);
      expect(response.body.error).toMatchObject({
        name: 'NotAllowedError',
        message:
          "This token's access is restricted to plugin(s) 'catalog-validation'",
      });
    });

    it.each([
      ['no token', undefined],
      ['another token', 'not-the-ci-token-0123456789'],
    ])('gets nothing with %s', async (_, token) => {
      const download = request(server).get(
        '/api/catalog-validation/cli/strata-catalog.mjs',
      );
      const validate = request(server)
        .post('/api/catalog-validation/validate')
        .send({ files: [{ path: 'catalog-info.yaml', content: service }] });
      if (token) {
        download.set('authorization', `Bearer ${token}`);
        validate.set('authorization', `Bearer ${token}`);
      }
      expect((await download).status).toBe(401);
      expect((await validate).status).toBe(401);
    });
  },
);
