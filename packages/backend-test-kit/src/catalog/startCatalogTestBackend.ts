import { BackendFeature } from '@backstage/backend-plugin-api';
import {
  mockCredentials,
  mockServices,
  startTestBackend,
  TestBackend,
  TestDatabaseId,
  TestDatabases,
} from '@backstage/backend-test-utils';
import { Entity, parseEntityRef } from '@backstage/catalog-model';
import catalogPlugin from '@backstage/plugin-catalog-backend';
import { HumanDuration, JsonObject } from '@backstage/types';
import fs from 'node:fs';
import http from 'node:http';
import { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { isolatedTestBackendServices } from '../isolatedServices';
import { waitFor } from '../waitFor';
import { signedInUsers } from './signedInUsers';

export interface CatalogTestBackendOptions {
  databases: TestDatabases;
  databaseId: TestDatabaseId;
  /** The plugins, modules and services under test, beside the catalog. */
  features?: BackendFeature[];
  /** Written to the test's fresh folder before the backend starts, by path relative to it. */
  files?: Record<string, string>;
  /** Runs after `files` are written and before the backend starts, e.g. to create a Git repository. */
  prepare?: (dir: string) => Promise<void>;
  /** The catalog's configuration. */
  catalog: {
    processingInterval: HumanDuration;
    /** The kinds `catalog.rules` allows. */
    kinds: string[];
    /** `file` locations: paths relative to the test's folder, globs, or absolute paths. */
    locations: string[];
  };
  /** More configuration, merged into the backend's; a function is given the test's folder. */
  config?: JsonObject | ((dir: string) => JsonObject);
  /**
   * The real permission backend deciding with `policy`, and signed-in users whose tokens carry
   * `groups` (see signedInUsers). Without it every request is allowed.
   */
  permissions?: {
    policy: BackendFeature;
    groups: Record<string, string[]>;
  };
  /** The real actions registry and MCP actions backend, serving these plugins' actions. */
  mcpActions?: { pluginSources: string[] };
}

/** What an MCP tools/call answers. */
export type McpToolResult = {
  isError?: boolean;
  content: { type: string; text: string }[];
  structuredContent?: Record<string, unknown>;
};

/** Which user a request is made as (a user entity ref); the mock credentials' user otherwise. */
export type AsUser = { user?: string };

export interface CatalogTestBackend {
  backend: TestBackend;
  /** For supertest. */
  server: http.Server;
  /** The test's folder (a real path: no symlinks), removed by `stop`. */
  dir: string;
  /** Writes a file in the test's folder, creating its folders first; returns its absolute path. */
  writeFile(relativePath: string, content: string): string;
  /** `GET /api/catalog/entities/by-name/…` for `kind:namespace/name`; undefined unless 200. */
  entity(ref: string, options?: AsUser): Promise<Entity | undefined>;
  /** Polls `entity(ref)` until it is served and `until` holds for it (see waitFor). */
  waitForEntity(
    ref: string,
    until: (entity: Entity) => boolean,
    what: string,
    options?: AsUser & { timeoutMs?: number },
  ): Promise<Entity>;
  /** A tools/call on the MCP actions endpoint, as an MCP client acting for `user`. */
  callMcpTool(
    user: string,
    name: string,
    args: Record<string, unknown>,
  ): Promise<McpToolResult>;
  /** Stops the backend and removes the test's folder. */
  stop(): Promise<void>;
}

/**
 * The real catalog (`@backstage/plugin-catalog-backend`) on one of the suite's databases, with
 * `file` locations read from a fresh temporary folder, for integration tests of catalog modules
 * and of plugins that read the catalog. Each plugin gets its own database and the backend its
 * own scheduler (isolatedTestBackendServices), so a test file can start one per database.
 *
 * Catalog modules of this repository (the local repositories module, say) are passed in
 * `features`: they use this kit in their own tests, so the kit cannot depend on them.
 */
export async function startCatalogTestBackend(
  options: CatalogTestBackendOptions,
): Promise<CatalogTestBackend> {
  const dir = fs.realpathSync(
    fs.mkdtempSync(path.join(os.tmpdir(), 'catalog-test-')),
  );
  const writeFile = (relativePath: string, content: string) => {
    const file = path.join(dir, relativePath);
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, content);
    return file;
  };

  let backend: TestBackend;
  try {
    for (const [file, content] of Object.entries(options.files ?? {})) {
      writeFile(file, content);
    }
    await options.prepare?.(dir);
    backend = await startTestBackend({
      features: [
        catalogPlugin,
        ...(options.features ?? []),
        ...optionalFeatures(options),
        ...isolatedTestBackendServices(options.databases, options.databaseId)
          .features,
        mockServices.rootConfig.factory({ data: config(options, dir) }),
      ],
    });
  } catch (error) {
    fs.rmSync(dir, { recursive: true, force: true });
    throw error;
  }

  const server = backend.server as unknown as http.Server;
  const baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const authorization = (user?: string) =>
    user ? mockCredentials.user.header(user) : mockCredentials.user.header();

  const entity = async (ref: string, { user }: AsUser = {}) => {
    const { kind, namespace, name } = parseEntityRef(ref);
    const res = await fetch(
      `${baseUrl}/api/catalog/entities/by-name/${[kind, namespace, name]
        .map(encodeURIComponent)
        .join('/')}`,
      { headers: { Authorization: authorization(user) } },
    );
    return res.status === 200 ? ((await res.json()) as Entity) : undefined;
  };

  return {
    backend,
    server,
    dir,
    writeFile,
    entity,
    waitForEntity: (ref, until, what, { user, timeoutMs } = {}) =>
      waitFor(
        async () => {
          const found = await entity(ref, { user });
          return found && until(found) ? found : undefined;
        },
        what,
        { timeoutMs },
      ),
    async callMcpTool(user, name, args) {
      const res = await fetch(`${baseUrl}/api/mcp-actions/v1`, {
        method: 'POST',
        headers: {
          Authorization: authorization(user),
          Accept: 'application/json, text/event-stream',
          'Content-Type': 'application/json',
        },
        body: JSON.stringify({
          jsonrpc: '2.0',
          id: 1,
          method: 'tools/call',
          params: { name, arguments: args },
        }),
      });
      const text = await res.text();
      if (res.status !== 200) {
        throw new Error(
          `MCP tools/call ${name} answered ${res.status}: ${text}`,
        );
      }
      // The streamable HTTP transport answers with one server-sent event.
      const data = text.split('\n').find(line => line.startsWith('data: '));
      if (!data) throw new Error(`No MCP message in: ${text}`);
      const message = JSON.parse(data.slice('data: '.length));
      if (message.error) throw new Error(JSON.stringify(message.error));
      return message.result as McpToolResult;
    },
    async stop() {
      try {
        await backend.stop();
      } finally {
        fs.rmSync(dir, { recursive: true, force: true });
      }
    },
  };
}

/*
 * The permission and MCP actions backends are required only when asked for: a test of a catalog
 * module does not load them, nor need them installed (they are optional peer dependencies).
 * `require`, not `import()`: Jest runs the tests as CommonJS without VM modules.
 */
function optionalFeatures({
  permissions,
  mcpActions,
}: CatalogTestBackendOptions): BackendFeature[] {
  const features: BackendFeature[] = [];
  if (permissions) {
    const permissionBackend: typeof import('@backstage/plugin-permission-backend') = require('@backstage/plugin-permission-backend');
    const defaults: typeof import('@backstage/backend-defaults/permissions') = require('@backstage/backend-defaults/permissions');
    const registry: typeof import('@backstage/backend-defaults/permissionsRegistry') = require('@backstage/backend-defaults/permissionsRegistry');
    features.push(
      permissionBackend.default,
      permissions.policy,
      defaults.permissionsServiceFactory,
      registry.permissionsRegistryServiceFactory,
      ...signedInUsers(permissions.groups),
    );
  }
  if (mcpActions) {
    const mcpActionsBackend: typeof import('@backstage/plugin-mcp-actions-backend') = require('@backstage/plugin-mcp-actions-backend');
    const actions: typeof import('@backstage/backend-defaults/alpha') = require('@backstage/backend-defaults/alpha');
    features.push(
      mcpActionsBackend.default,
      actions.actionsRegistryServiceFactory,
      actions.actionsServiceFactory,
    );
  }
  return features;
}

function config(options: CatalogTestBackendOptions, dir: string): JsonObject {
  const { catalog, permissions, mcpActions } = options;
  const own: JsonObject = {
    catalog: {
      processingInterval: catalog.processingInterval as JsonObject,
      rules: [{ allow: catalog.kinds }],
      locations: catalog.locations.map(target => ({
        type: 'file',
        target: path.resolve(dir, target),
      })),
    },
    ...(permissions ? { permission: { enabled: true } } : {}),
    ...(mcpActions
      ? { backend: { actions: { pluginSources: mcpActions.pluginSources } } }
      : {}),
  };
  const more =
    typeof options.config === 'function'
      ? options.config(dir)
      : options.config ?? {};
  return mergeConfig(own, more);
}

/** `more` over `base`, object by object (arrays and values replace). */
export function mergeConfig(base: JsonObject, more: JsonObject): JsonObject {
  const merged: JsonObject = { ...base };
  for (const [key, value] of Object.entries(more)) {
    const current = merged[key];
    merged[key] =
      isObject(current) && isObject(value)
        ? mergeConfig(current, value)
        : value;
  }
  return merged;
}

function isObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
