/*
 * Runs Strata's templates (templates/<name>) through the REAL scaffolder and catalog. Test code
 * only.
 *
 * The backend: scaffolder-backend + catalog-backend (with the scaffolder entity model and
 * Strata's service model) + Strata's scaffolder modules (the actions the templates use) and the
 * local-repositories catalog module, each plugin with its own database on the chosen engine,
 * the DataFlow demo organisation and every templates/<name>/template.yaml in the catalog, local
 * repositories in a temporary directory. Requests are made over HTTP on 127.0.0.1 as a mock
 * user, like the portal's frontend makes them.
 */
import { BackendFeature } from '@backstage/backend-plugin-api';
import {
  mockCredentials,
  mockServices,
  startTestBackend,
  TestDatabaseId,
  TestDatabases,
} from '@backstage/backend-test-utils';
import {
  Entity,
  parseEntityRef,
  stringifyEntityRef,
} from '@backstage/catalog-model';
import catalogPlugin from '@backstage/plugin-catalog-backend';
import scaffolderEntityModelModule from '@backstage/plugin-catalog-backend-module-scaffolder-entity-model';
import scaffolderPlugin from '@backstage/plugin-scaffolder-backend';
import { JsonObject } from '@backstage/types';
import {
  isolatedTestBackendServices,
  waitFor,
} from '@internal/backend-test-kit';
import { eventsServiceFactory } from '@backstage/plugin-events-node';
import unprocessedModule from '@backstage/plugin-catalog-backend-module-unprocessed';
import localRepositoriesModule from '@internal/plugin-catalog-backend-module-local-repositories';
import scaffolderCatalogChecksModule from '@internal/plugin-scaffolder-backend-module-catalog-checks';
import scaffolderEventProposalsModule from '@internal/plugin-scaffolder-backend-module-event-proposals';
import scaffolderLocalRepositoriesModule from '@internal/plugin-scaffolder-backend-module-local-repositories';
import scaffolderStranglerModule from '@internal/plugin-scaffolder-backend-module-strangler';
import scaffolderTemplateGlobalsModule from '@internal/plugin-scaffolder-backend-module-template-globals';
import { readWorkspaceFiles } from '@internal/plugin-local-repositories-node';
import serviceModelModule from '@internal/plugin-catalog-backend-module-service-model';
import { locationSpecToMetadataName } from '@backstage/plugin-catalog-node';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parse as parseYaml, parseAllDocuments } from 'yaml';
import { repoRoot, templateFiles, templatesRoot } from './paths';

export { repoRoot, templatesRoot };

/** The result of POST /v2/dry-run, flattened for assertions. */
export type DryRunResult = {
  log: string[];
  output: JsonObject;
  /** Every file the template produced: path → UTF-8 content. */
  files: Record<string, string>;
  /** Each step's last reported status (`completed`, `failed`, `skipped`, ...). */
  steps: { id: string; status: string }[];
};

/** The end of a real task. */
export type TaskResult = {
  status: 'completed' | 'failed' | 'cancelled';
  log: string[];
  output: JsonObject;
};

export interface ScaffolderHarness {
  /** http://127.0.0.1:<port> */
  baseUrl: string;
  /** Temporary directory used as strata.scaffolder.localRepositoriesDir. */
  repositoriesDir: string;
  /** Dry-runs the template in `templateDir` (template.yaml + files, sent as the frontend does). */
  dryRun(
    templateDir: string,
    values: JsonObject,
    secrets?: Record<string, string>,
  ): Promise<DryRunResult>;
  /** Runs the catalog's `template:default/<templateName>` as a task and waits for its end. */
  run(
    templateName: string,
    values: JsonObject,
    secrets?: Record<string, string>,
  ): Promise<TaskResult>;
  /** Waits until the catalog serves `ref` (bounded by the Jest timeout). */
  waitForEntity(ref: string): Promise<Entity>;
  /**
   * A temporary folder for test-only templates, `<testTemplatesDir>/<name>/template.yaml`: it
   * is a glob location in the harness's app-config, as templates/ is in the real one.
   */
  testTemplatesDir: string;
  /**
   * Has the catalog re-read {@link ScaffolderHarness.testTemplatesDir} and waits for the
   * template at `templateYamlPath` (inside it); returns the template's name for `run`.
   */
  registerTemplate(templateYamlPath: string): Promise<string>;
  /** Authenticated request to the backend, e.g. `request('GET', '/api/catalog/entities')`. */
  request(method: string, urlPath: string, body?: unknown): Promise<Response>;
  stop(): Promise<void>;
}

/**
 * Reads a directory as the Create page's dry-run editor sends it: path + base64 content, with
 * the workspace walker's symbolic link policy. The editor sends files only, so a link (even one
 * that stays inside) is an error here.
 */
export async function directoryContents(
  dir: string,
): Promise<{ path: string; base64Content: string }[]> {
  return (await readWorkspaceFiles(dir)).map(file => {
    if (file.kind === 'symlink') {
      throw new Error(`A dry run sends files only; ${file.path} is a link`);
    }
    return {
      path: file.path,
      base64Content: Buffer.from(file.content).toString('base64'),
    };
  });
}

type LogEvent = {
  type: string;
  body: {
    message?: string;
    stepId?: string;
    status?: string;
    output?: JsonObject;
  };
};

function lastStepStatuses(
  events: LogEvent[],
): { id: string; status: string }[] {
  const statuses = new Map<string, string>();
  for (const { body } of events) {
    if (body.stepId && body.status) statuses.set(body.stepId, body.status);
  }
  return [...statuses].map(([id, status]) => ({ id, status }));
}

const demoEntry = path.join(repoRoot, 'examples/dataflow/catalog-info.yaml');

function readEntities(file: string): Entity[] {
  return parseAllDocuments(fs.readFileSync(file, 'utf8'))
    .map(doc => doc.toJS() as Entity)
    .filter(Boolean);
}

/** Every entity the demo organisation and the templates declare, read from their files. */
export function preloadedEntityRefs(): string[] {
  const [entry] = readEntities(demoEntry);
  const targets = (entry.spec?.targets as string[]).map(t =>
    path.join(path.dirname(demoEntry), t),
  );
  return [demoEntry, ...targets, ...templateFiles()]
    .flatMap(readEntities)
    .map(e => stringifyEntityRef(e));
}

/** The glob location that holds the test-only templates. */
function testTemplatesTarget(testTemplatesDir: string) {
  return path.join(testTemplatesDir, '*', 'template.yaml');
}

function catalogConfig(repositoriesDir: string, testTemplatesDir: string) {
  return {
    // In-process delivery only: the harness runs no events-backend to relay through.
    events: { useEventBus: 'never' },
    // Makes backend.stop() wait for the scaffolder's task worker: its claim and recovery loops
    // and any running task (see stop() below).
    scaffolder: { EXPERIMENTAL_gracefulShutdown: true },
    catalog: {
      // New locations are processed as soon as they are added; no need to re-read often.
      processingInterval: { minutes: 10 },
      // As app-config.yaml: Templates come only from the template locations below.
      rules: [
        { allow: ['Component', 'System', 'API', 'Resource', 'Location'] },
      ],
      locations: [
        {
          type: 'file',
          target: demoEntry,
          rules: [
            {
              allow: [
                'Domain',
                'System',
                'Component',
                'API',
                'Resource',
                'Location',
                'Group',
                'User',
              ],
            },
          ],
        },
        ...templateFiles().map(target => ({
          type: 'file',
          target,
          rules: [{ allow: ['Template'] }],
        })),
        {
          type: 'file',
          target: testTemplatesTarget(testTemplatesDir),
          rules: [{ allow: ['Template'] }],
        },
      ],
    },
    strata: {
      scaffolder: {
        localRepositoriesDir: repositoriesDir,
        templatesDir: templatesRoot,
      },
      // The demo organisation's entry file pulls in its sibling files, as in app-config.yaml.
      catalog: { allowedFileLocationRoots: [path.dirname(demoEntry)] },
    },
  };
}

/**
 * Starts the backend; call `stop()` in afterAll. `features` adds plugins a template's steps call
 * (the event template's propose-produces step needs the real catalog-edits backend).
 */
export async function startScaffolderHarness(options: {
  databaseId: TestDatabaseId;
  databases: TestDatabases;
  features?: BackendFeature[];
}): Promise<ScaffolderHarness> {
  const repositoriesDir = fs.mkdtempSync(
    path.join(os.tmpdir(), 'strata-repositories-'),
  );
  const testTemplatesDir = fs.mkdtempSync(
    path.join(os.tmpdir(), 'strata-test-templates-'),
  );
  // A database per plugin and a scheduler of this backend's own: the test file's shared default
  // scheduler would re-run a stopped harness's tasks when the next one starts.
  const services = isolatedTestBackendServices(
    options.databases,
    options.databaseId,
  );
  const backend = await startTestBackend({
    features: [
      catalogPlugin,
      scaffolderEntityModelModule,
      serviceModelModule,
      localRepositoriesModule,
      unprocessedModule,
      // One event bus for all plugins, as in a real backend (the test backend's default gives
      // each plugin its own): strata:catalog:register-local announces repositories to the catalog.
      eventsServiceFactory,
      scaffolderPlugin,
      scaffolderCatalogChecksModule,
      scaffolderEventProposalsModule,
      scaffolderLocalRepositoriesModule,
      scaffolderStranglerModule,
      scaffolderTemplateGlobalsModule,
      ...(options.features ?? []),
      ...services.features,
      mockServices.rootConfig.factory({
        data: catalogConfig(repositoriesDir, testTemplatesDir),
      }),
    ],
  });
  const baseUrl = `http://127.0.0.1:${backend.server.port()}`;

  const request = async (method: string, urlPath: string, body?: unknown) =>
    fetch(`${baseUrl}${urlPath}`, {
      method,
      headers: {
        Authorization: mockCredentials.user.header(),
        ...(body !== undefined && { 'Content-Type': 'application/json' }),
      },
      body: body === undefined ? undefined : JSON.stringify(body),
    });

  const json = async <T>(method: string, urlPath: string, body?: unknown) => {
    const res = await request(method, urlPath, body);
    const text = await res.text();
    if (!res.ok) {
      throw new Error(`${method} ${urlPath} → ${res.status}: ${text}`);
    }
    return JSON.parse(text) as T;
  };

  const waitForEntity = (ref: string) => {
    const { kind, namespace, name } = parseEntityRef(ref);
    const url = `/api/catalog/entities/by-name/${encodeURIComponent(
      kind,
    )}/${encodeURIComponent(namespace)}/${encodeURIComponent(name)}`;
    return waitFor(async () => {
      const res = await request('GET', url);
      return res.ok ? ((await res.json()) as Entity) : undefined;
    }, ref);
  };

  // Tests start from a full catalog: the demo organisation and the templates.
  const expected = preloadedEntityRefs();
  await waitFor(async () => {
    const { items } = await json<{ items: (Entity | null)[] }>(
      'POST',
      '/api/catalog/entities/by-refs',
      { entityRefs: expected, fields: ['kind'] },
    );
    return items.every(Boolean) ? true : undefined;
  }, 'the demo organisation and the templates in the catalog');

  return {
    baseUrl,
    repositoriesDir,
    request,
    waitForEntity,

    async dryRun(templateDir, values, secrets) {
      const template = parseYaml(
        fs.readFileSync(path.join(templateDir, 'template.yaml'), 'utf8'),
      );
      const result = await json<{
        log: LogEvent[];
        output: JsonObject;
        directoryContents: { path: string; base64Content: string }[];
      }>('POST', '/api/scaffolder/v2/dry-run', {
        template,
        values,
        secrets,
        directoryContents: (
          await directoryContents(templateDir)
        ).filter(f => f.path !== 'template.yaml'),
      });
      return {
        log: result.log.map(e => e.body.message ?? ''),
        output: result.output,
        files: Object.fromEntries(
          result.directoryContents.map(f => [
            f.path,
            Buffer.from(f.base64Content, 'base64').toString('utf8'),
          ]),
        ),
        steps: lastStepStatuses(result.log),
      };
    },

    async run(templateName, values, secrets) {
      await waitForEntity(`template:default/${templateName}`);
      const { id } = await json<{ id: string }>(
        'POST',
        '/api/scaffolder/v2/tasks',
        {
          templateRef: `template:default/${templateName}`,
          values,
          secrets,
        },
      );
      const task = await waitFor(
        async () => {
          const t = await json<{ status: string }>(
            'GET',
            `/api/scaffolder/v2/tasks/${id}`,
          );
          return ['completed', 'failed', 'cancelled'].includes(t.status)
            ? t
            : undefined;
        },
        `task ${id} of ${templateName}`,
        { intervalMs: 200 },
      );
      const events = await json<LogEvent[]>(
        'GET',
        `/api/scaffolder/v2/tasks/${id}/events`,
      );
      const completion = events.find(e => e.type === 'completion');
      return {
        status: task.status as TaskResult['status'],
        log: events
          .filter(e => e.type === 'log')
          .map(e => e.body.message ?? ''),
        output: completion?.body.output ?? {},
      };
    },

    testTemplatesDir,

    async registerTemplate(templateYamlPath) {
      const target = path.resolve(templateYamlPath);
      const template = parseYaml(fs.readFileSync(target, 'utf8'));
      const locationName = locationSpecToMetadataName({
        type: 'file',
        target: testTemplatesTarget(testTemplatesDir),
      });
      const refreshed = await request('POST', '/api/catalog/refresh', {
        entityRef: `location:default/${locationName}`,
      });
      if (!refreshed.ok) {
        throw new Error(
          `refresh → ${refreshed.status}: ${await refreshed.text()}`,
        );
      }
      await waitForEntity(`template:default/${template.metadata.name}`);
      return template.metadata.name as string;
    },

    async stop() {
      // scaffolder.EXPERIMENTAL_gracefulShutdown (above) makes stop() wait for the task worker,
      // and the isolated scheduler keeps the next harness from re-running this one's tasks.
      // What still queries afterwards is the scaffolder's task event poll (StorageTaskBroker
      // event$: one query a second per subscription, no stop hook); some subscriptions never see
      // a completion event and poll on (whenDatabasesIdle times out naming that query), so the
      // harness gives in-flight work a short pause instead of waiting for silence.
      await backend.stop();
      await new Promise(resolve => setTimeout(resolve, 2000));
      fs.rmSync(repositoriesDir, { recursive: true, force: true });
      fs.rmSync(testTemplatesDir, { recursive: true, force: true });
    },
  };
}
