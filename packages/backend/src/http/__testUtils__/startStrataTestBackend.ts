/*
 * A backend as packages/backend/src/index.ts builds it (createBackend: the real root HTTP
 * router, discovery, HTTP router, scheduler, events, URL reader) with Strata's root router
 * (strataRootHttpRouterServiceFactory), for API-level tests of the real plugins behind it.
 * Test doubles only where a test must: config, database (one per plugin on the chosen engine),
 * auth/httpAuth/userInfo (requests as `mockCredentials.user()`), permissions (allow) and a quiet
 * root logger. Listens on a free port of 127.0.0.1. Test code only.
 *
 * Why not startTestBackend: it reads its own root router's server once the backend has
 * started, and fails when the root router is replaced by another factory.
 */
import { createBackend } from '@backstage/backend-defaults';
import type { BackendFeature } from '@backstage/backend-plugin-api';
import { mockCredentials, mockServices } from '@backstage/backend-test-utils';
import { AddressInfo, createServer } from 'node:net';
import { strataRootHttpRouterServiceFactory } from '../rootHttpRouter';

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>(resolve => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise(resolve => server.close(resolve));
  return port;
}

export type StrataTestBackend = {
  /** http://127.0.0.1:<port> */
  baseUrl: string;
  /** A request as the signed-in mock user (`mockCredentials.user()`), JSON body if given. */
  request(method: string, urlPath: string, body?: unknown): Promise<Response>;
  stop(): Promise<void>;
};

export async function startStrataTestBackend(options: {
  features: BackendFeature[];
  config: Record<string, unknown>;
}): Promise<StrataTestBackend> {
  const port = await freePort();
  const baseUrl = `http://127.0.0.1:${port}`;
  const backend = createBackend();
  const features: BackendFeature[] = [
    strataRootHttpRouterServiceFactory,
    mockServices.rootConfig.factory({
      data: {
        ...options.config,
        backend: {
          ...(options.config.backend as object | undefined),
          baseUrl,
          listen: { host: '127.0.0.1', port },
        },
        // No events backend to relay through: in-process delivery only.
        events: { useEventBus: 'never' },
      },
    }),
    mockServices.rootLogger.factory(),
    mockServices.auth.factory(),
    mockServices.httpAuth.factory(),
    mockServices.userInfo.factory(),
    mockServices.permissions.factory(),
    ...options.features,
  ];
  for (const feature of features) backend.add(feature);
  await backend.start();
  return {
    baseUrl,
    request: (method, urlPath, body) =>
      fetch(`${baseUrl}${urlPath}`, {
        method,
        headers: {
          Authorization: mockCredentials.user.header(),
          ...(body !== undefined && { 'Content-Type': 'application/json' }),
        },
        body: body === undefined ? undefined : JSON.stringify(body),
      }),
    async stop() {
      await backend.stop();
      // Plugin loops (task claiming, catalog processing) notice the stop only after their
      // current iteration; let them finish it while their databases still exist.
      await new Promise(resolve => setTimeout(resolve, 2000));
    },
  };
}
