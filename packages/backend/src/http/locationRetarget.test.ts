/*
 * `PUT /api/catalog/locations/:id` is refused behind Strata's root router, on the REAL catalog:
 * a signed-in user cannot point another team's registered location elsewhere (which would
 * remove that team's entities); the location and its entities stay as they were.
 */
import { TestDatabases } from '@backstage/backend-test-utils';
import catalogPlugin from '@backstage/plugin-catalog-backend';
import {
  isolatedTestBackendServices,
  waitFor,
} from '@internal/backend-test-kit';
import { AddressInfo } from 'node:net';
import http from 'node:http';
import { stringify } from 'yaml';
import {
  startStrataTestBackend,
  StrataTestBackend,
} from './__testUtils__/startStrataTestBackend';
import { LOCATION_RETARGET_MESSAGE } from './locationRetargetGuard';

jest.setTimeout(120_000);

/** A stand-in for a Git host: each team's catalog-info.yaml over HTTP on 127.0.0.1. */
function startCatalogFileServer(): Promise<http.Server> {
  const component = (name: string, owner: string) =>
    stringify({
      apiVersion: 'backstage.io/v1alpha1',
      kind: 'Component',
      metadata: { name },
      spec: { type: 'service', lifecycle: 'production', owner },
    });
  const files: Record<string, string> = {
    '/payments/catalog-info.yaml': component(
      'payments',
      'group:default/payments-team',
    ),
    '/elsewhere/catalog-info.yaml': component(
      'impostor',
      'group:default/someone',
    ),
  };
  const server = http.createServer((req, res) => {
    const body = files[req.url ?? ''];
    res.writeHead(body ? 200 : 404, { 'Content-Type': 'text/yaml' });
    res.end(body ?? 'not found');
  });
  return new Promise(resolve =>
    server.listen(0, '127.0.0.1', () => resolve(server)),
  );
}

const databases = TestDatabases.create({ ids: ['SQLITE_3', 'POSTGRES_15'] });

describe.each(databases.eachSupportedId())(
  'changing a registered location’s target behind Strata’s root router (%s)',
  databaseId => {
    let files: http.Server;
    let filesUrl: string;
    let backend: StrataTestBackend;

    beforeAll(async () => {
      files = await startCatalogFileServer();
      const { port } = files.address() as AddressInfo;
      filesUrl = `http://127.0.0.1:${port}`;
      backend = await startStrataTestBackend({
        features: [
          catalogPlugin,
          ...isolatedTestBackendServices(databases, databaseId).features,
        ],
        config: {
          backend: { reading: { allow: [{ host: `127.0.0.1:${port}` }] } },
          catalog: { rules: [{ allow: ['Component', 'Location'] }] },
        },
      });
    });

    afterAll(async () => {
      await backend?.stop();
      await new Promise(resolve => files?.close(resolve));
    });

    it('answers 403 in Backstage’s error shape and leaves the location and its entities as they were', async () => {
      const registered = await backend.request(
        'POST',
        '/api/catalog/locations',
        {
          type: 'url',
          target: `${filesUrl}/payments/catalog-info.yaml`,
        },
      );
      expect(registered.status).toBe(201);
      const { location } = await registered.json();
      await waitFor(async () => {
        const res = await backend.request(
          'GET',
          '/api/catalog/entities/by-name/component/default/payments',
        );
        return res.ok ? true : undefined;
      }, 'component:default/payments in the catalog');

      for (const path of [
        `/api/catalog/locations/${location.id}`,
        // Express routes these to the catalog as well.
        `/api/catalog/locations/${location.id}/`,
        `/API/Catalog/Locations/${location.id}`,
      ]) {
        const res = await backend.request('PUT', path, {
          type: 'url',
          target: `${filesUrl}/elsewhere/catalog-info.yaml`,
        });
        expect(res.status).toBe(403);
        expect(await res.json()).toEqual({
          error: {
            name: 'NotAllowedError',
            message: LOCATION_RETARGET_MESSAGE,
          },
          request: { method: 'PUT', url: path },
          response: { statusCode: 403 },
          correlationId: expect.any(String),
        });
      }

      const after = await backend.request(
        'GET',
        `/api/catalog/locations/${location.id}`,
      );
      expect(after.status).toBe(200);
      expect(await after.json()).toEqual(location);
      const entity = await backend.request(
        'GET',
        '/api/catalog/entities/by-name/component/default/payments',
      );
      expect(entity.status).toBe(200);
      const impostor = await backend.request(
        'GET',
        '/api/catalog/entities/by-name/component/default/impostor',
      );
      expect(impostor.status).toBe(404);
    });

    it('still lets users read and register locations', async () => {
      const list = await backend.request('GET', '/api/catalog/locations');
      expect(list.status).toBe(200);
      const dryRun = await backend.request(
        'POST',
        '/api/catalog/locations?dryRun=true',
        { type: 'url', target: `${filesUrl}/elsewhere/catalog-info.yaml` },
      );
      expect(dryRun.status).toBe(201);
    });
  },
);
