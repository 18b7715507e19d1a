/*
 * Errors thrown by plugin routes, answered by upstream's error middleware at the end of each
 * plugin's HTTP router, reach callers behind Strata's root router without stacks or install
 * paths and with a correlation id, in development mode (where upstream adds stacks): a
 * test-only plugin's routes and the REAL catalog.
 */
import {
  coreServices,
  createBackendPlugin,
} from '@backstage/backend-plugin-api';
import { TestDatabases } from '@backstage/backend-test-utils';
import { InputError } from '@backstage/errors';
import catalogPlugin from '@backstage/plugin-catalog-backend';
import { isolatedTestBackendServices } from '@internal/backend-test-kit';
import path from 'node:path';
import {
  startStrataTestBackend,
  StrataTestBackend,
} from './__testUtils__/startStrataTestBackend';
import { GENERIC_MESSAGE } from './errorAnswer';

jest.setTimeout(120_000);

/** The repository root (the backend's tests run in packages/backend). */
const repoRoot = path.resolve(__dirname, '../../../..');

/** A test-only plugin whose routes throw, as a plugin's handlers do. */
const failingPlugin = createBackendPlugin({
  pluginId: 'strata-test-errors',
  register(env) {
    env.registerInit({
      deps: { httpRouter: coreServices.httpRouter },
      async init({ httpRouter }) {
        httpRouter.use((req, res, next) => {
          if (req.path === '/crash') {
            throw new Error(
              `Cannot read ${path.join(repoRoot, '.data', 'secret.yaml')}`,
            );
          }
          if (req.path === '/bad-input') {
            throw new InputError(
              `spec.owner is missing in ${path.join(
                repoRoot,
                'catalog-info.yaml',
              )}`,
              new TypeError('owner is undefined'),
            );
          }
          if (req.path === '/ok') {
            res.json({ ok: true });
            return;
          }
          next();
        });
      },
    });
  },
});

/** What a caller must never see. */
function expectNoStackOrInstallPath(text: string) {
  expect(text).not.toContain('stack');
  expect(text).not.toMatch(/(\n|\\n)\s+at /);
  expect(text).not.toContain(repoRoot);
}

const databases = TestDatabases.create({ ids: ['SQLITE_3', 'POSTGRES_15'] });

describe.each(databases.eachSupportedId())(
  'error answers of plugin routes behind Strata’s root router (%s)',
  databaseId => {
    let backend: StrataTestBackend;
    const previousNodeEnv = process.env.NODE_ENV;

    beforeAll(async () => {
      // As `./strata start` runs: upstream's error middleware then answers with stacks.
      process.env.NODE_ENV = 'development';
      backend = await startStrataTestBackend({
        features: [
          catalogPlugin,
          failingPlugin,
          ...isolatedTestBackendServices(databases, databaseId).features,
        ],
        config: {},
      });
    });

    afterAll(async () => {
      process.env.NODE_ENV = previousNodeEnv;
      await backend?.stop();
    });

    it('answers a plain Error thrown by a route with a generic 500 and a correlation id', async () => {
      const res = await backend.request('GET', '/api/strata-test-errors/crash');
      expect(res.status).toBe(500);
      const text = await res.text();
      expectNoStackOrInstallPath(text);
      const body = JSON.parse(text);
      expect(body).toEqual({
        error: { name: 'Error', message: GENERIC_MESSAGE },
        request: { method: 'GET', url: '/crash' },
        response: { statusCode: 500 },
        correlationId: expect.stringMatching(/^[0-9a-f-]{36}$/),
      });
      expect(res.headers.get('x-correlation-id')).toBe(body.correlationId);
    });

    it('answers an InputError with 400, its message without install paths, its cause without stack', async () => {
      const res = await backend.request(
        'GET',
        '/api/strata-test-errors/bad-input',
      );
      expect(res.status).toBe(400);
      const text = await res.text();
      expectNoStackOrInstallPath(text);
      const body = JSON.parse(text);
      expect(body).toEqual({
        error: {
          name: 'InputError',
          message:
            'spec.owner is missing in …/catalog-info.yaml; caused by TypeError: owner is undefined',
          cause: { name: 'TypeError', message: 'owner is undefined' },
        },
        request: { method: 'GET', url: '/bad-input' },
        response: { statusCode: 400 },
        correlationId: expect.stringMatching(/^[0-9a-f-]{36}$/),
      });
      expect(res.headers.get('x-correlation-id')).toBe(body.correlationId);
    });

    it('answers the catalog’s 404 for a missing entity with its message and a correlation id', async () => {
      const res = await backend.request(
        'GET',
        '/api/catalog/entities/by-name/component/default/missing',
      );
      expect(res.status).toBe(404);
      const text = await res.text();
      expectNoStackOrInstallPath(text);
      const body = JSON.parse(text);
      expect(body).toEqual({
        error: {
          name: 'NotFoundError',
          message:
            "No entity named 'missing' found, with kind 'component' in namespace 'default'",
        },
        request: {
          method: 'GET',
          url: '/entities/by-name/component/default/missing',
        },
        response: { statusCode: 404 },
        correlationId: expect.stringMatching(/^[0-9a-f-]{36}$/),
      });
      expect(res.headers.get('x-correlation-id')).toBe(body.correlationId);
    });

    it('leaves successful answers as they were', async () => {
      const res = await backend.request('GET', '/api/strata-test-errors/ok');
      expect(res.status).toBe(200);
      expect(res.headers.get('x-correlation-id')).toBeNull();
      expect(await res.json()).toEqual({ ok: true });
    });
  },
);
