/*
 * Stack traces and install paths stay out of what users read of a scaffolder task, on the REAL
 * scaffolder and catalog behind Strata's root router: the task events, the event stream and
 * the dry run's log. Upstream writes `String(err.stack)` into the log when a step fails, and
 * winston serialises a logged error with its stack; here a test-only action does both.
 */
import { createBackendModule } from '@backstage/backend-plugin-api';
import { TestDatabaseId, TestDatabases } from '@backstage/backend-test-utils';
import catalogPlugin from '@backstage/plugin-catalog-backend';
import scaffolderEntityModelModule from '@backstage/plugin-catalog-backend-module-scaffolder-entity-model';
import scaffolderPlugin from '@backstage/plugin-scaffolder-backend';
import {
  createTemplateAction,
  scaffolderActionsExtensionPoint,
} from '@backstage/plugin-scaffolder-node';
import {
  isolatedTestBackendServices,
  waitFor,
} from '@internal/backend-test-kit';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { stringify } from 'yaml';
import {
  startStrataTestBackend,
  StrataTestBackend,
} from './__testUtils__/startStrataTestBackend';

jest.setTimeout(120_000);

/** The repository root (the backend's tests run in packages/backend). */
const repoRoot = path.resolve(__dirname, '../../../..');
const FAILURE = 'the deploy target refused the change';
const RETRY = 'Retrying after a transient error';

/**
 * Test-only actions: one logs an error with its stack (as upstream actions do when they
 * retry), one throws an error that names a file of the install.
 */
const testActions = createBackendModule({
  pluginId: 'scaffolder',
  moduleId: 'strata-test-failing-actions',
  register(env) {
    env.registerInit({
      deps: { scaffolder: scaffolderActionsExtensionPoint },
      async init({ scaffolder }) {
        scaffolder.addActions(
          createTemplateAction({
            id: 'strata-test:log-error',
            supportsDryRun: true,
            async handler(ctx) {
              ctx.logger.error(RETRY, new Error('transient network error'));
            },
          }),
          createTemplateAction({
            id: 'strata-test:fail',
            supportsDryRun: true,
            async handler() {
              throw new Error(
                `${FAILURE} (see ${path.join(repoRoot, 'deploy.yaml')})`,
              );
            },
          }),
        );
      },
    });
  },
});

function template(name: string, steps: string[]) {
  return {
    apiVersion: 'scaffolder.backstage.io/v1beta3',
    kind: 'Template',
    metadata: { name },
    spec: {
      type: 'service',
      owner: 'group:default/platform',
      parameters: [],
      steps: steps.map((action, index) => ({
        id: `step-${index + 1}`,
        name: action,
        action,
      })),
    },
  };
}

type TaskEvent = {
  type: string;
  body: { message?: string; stepId?: string; status?: string };
};

/** What a user must never see, whatever the route. */
function expectNoStackOrInstallPath(text: string) {
  expect(text).not.toMatch(/(\n|\\n)\s+at /);
  expect(text).not.toContain(repoRoot);
  expect(text).not.toContain('node_modules');
}

const databases = TestDatabases.create({ ids: ['SQLITE_3', 'POSTGRES_15'] });

describe.each(databases.eachSupportedId())(
  'scaffolder task output behind Strata’s root router (%s)',
  (databaseId: TestDatabaseId) => {
    let backend: StrataTestBackend;
    let templatesDir: string;

    const previousNodeEnv = process.env.NODE_ENV;

    beforeAll(async () => {
      // As `./strata start` runs: upstream's error middleware then answers with stacks.
      process.env.NODE_ENV = 'development';
      templatesDir = fs.mkdtempSync(
        path.join(os.tmpdir(), 'strata-failing-template-'),
      );
      fs.mkdirSync(path.join(templatesDir, 'fails'));
      fs.writeFileSync(
        path.join(templatesDir, 'fails', 'template.yaml'),
        stringify(
          template('fails', ['strata-test:log-error', 'strata-test:fail']),
        ),
      );
      backend = await startStrataTestBackend({
        features: [
          catalogPlugin,
          scaffolderEntityModelModule,
          scaffolderPlugin,
          testActions,
          ...isolatedTestBackendServices(databases, databaseId).features,
        ],
        config: {
          catalog: {
            rules: [{ allow: ['Component', 'Location'] }],
            locations: [
              {
                type: 'file',
                target: path.join(templatesDir, '*', 'template.yaml'),
                rules: [{ allow: ['Template'] }],
              },
            ],
          },
        },
      });
    });

    afterAll(async () => {
      process.env.NODE_ENV = previousNodeEnv;
      await backend?.stop();
      fs.rmSync(templatesDir, { recursive: true, force: true });
    });

    it('a failed task’s events, event stream and MCP log action carry the error message, no frame, no install path', async () => {
      await waitFor(async () => {
        const res = await backend.request(
          'GET',
          '/api/catalog/entities/by-name/template/default/fails',
        );
        return res.ok ? true : undefined;
      }, 'template:default/fails in the catalog');

      const created = await backend.request(
        'POST',
        '/api/scaffolder/v2/tasks',
        {
          templateRef: 'template:default/fails',
          values: {},
        },
      );
      expect(created.status).toBe(201);
      const { id } = await created.json();

      await waitFor(
        async () => {
          const task = await (
            await backend.request('GET', `/api/scaffolder/v2/tasks/${id}`)
          ).json();
          return ['failed', 'completed'].includes(task.status)
            ? task.status
            : undefined;
        },
        `task ${id} to end`,
        { intervalMs: 200 },
      ).then(status => expect(status).toBe('failed'));

      const eventsResponse = await backend.request(
        'GET',
        `/api/scaffolder/v2/tasks/${id}/events`,
      );
      expect(eventsResponse.status).toBe(200);
      const eventsText = await eventsResponse.text();
      expectNoStackOrInstallPath(eventsText);
      const events: TaskEvent[] = JSON.parse(eventsText);
      const messages = events.map(e => e.body.message ?? '');
      // The failed step's log line is upstream's `String(err.stack)`, down to its first line.
      expect(
        events.find(
          e => e.body.stepId === 'step-2' && e.body.status === 'failed',
        )?.body.message,
      ).toBe(`Error: ${FAILURE} (see …/deploy.yaml)`);
      // The action's logged error keeps its message and the first line of its stack.
      expect(messages).toContainEqual(
        expect.stringMatching(
          /error.*: Retrying after a transient error transient network error \{.*"stack":"Error: transient network error"\}/,
        ),
      );
      expect(events.at(-1)).toMatchObject({
        type: 'completion',
        body: {
          message: 'Run completed with status: failed',
          error: { name: 'Error', message: `${FAILURE} (see …/deploy.yaml)` },
        },
      });

      // The event stream ends after the completion event; read it whole.
      const stream = await backend.request(
        'GET',
        `/api/scaffolder/v2/tasks/${id}/eventstream`,
      );
      expect(stream.headers.get('content-type')).toContain('text/event-stream');
      const streamText = await stream.text();
      expectNoStackOrInstallPath(streamText);
      const streamed: TaskEvent[] = streamText
        .split('\n')
        .filter(line => line.startsWith('data: '))
        .map(line => JSON.parse(line.slice('data: '.length)));
      expect(streamed.map(e => e.body.message)).toEqual(messages);

      // MCP clients read the log through the scaffolder's `get-scaffolder-task-logs` action,
      // which fetches the events route over HTTP: the same filtered answer.
      const viaAction = await backend.request(
        'POST',
        '/api/scaffolder/.backstage/actions/v1/actions/scaffolder:get-scaffolder-task-logs/invoke',
        { taskId: id },
      );
      expect(viaAction.status).toBe(200);
      const actionText = await viaAction.text();
      expectNoStackOrInstallPath(actionText);
      expect(
        JSON.parse(actionText).output.events.map(
          (e: TaskEvent) => e.body.message,
        ),
      ).toEqual(messages);
    });

    it('a dry run’s log carries a logged error’s message without its frames', async () => {
      const res = await backend.request('POST', '/api/scaffolder/v2/dry-run', {
        template: template('logs-an-error', ['strata-test:log-error']),
        values: {},
        directoryContents: [],
      });
      expect(res.status).toBe(200);
      const text = await res.text();
      expectNoStackOrInstallPath(text);
      const { log } = JSON.parse(text) as { log: TaskEvent[] };
      expect(log.map(e => e.body.message)).toContainEqual(
        expect.stringContaining(
          `${RETRY} transient network error {"stack":"Error: transient network error"}`,
        ),
      );
    });

    it('a dry run of a template whose skeleton has a syntax error answers 400, saying where', async () => {
      const res = await backend.request('POST', '/api/scaffolder/v2/dry-run', {
        template: {
          ...template('bad-syntax', []),
          spec: {
            ...template('bad-syntax', []).spec,
            steps: [
              {
                id: 'fetch',
                name: 'Fetch',
                action: 'fetch:template',
                input: { url: './skeleton', values: { name: 'x' } },
              },
            ],
          },
        },
        values: {},
        directoryContents: [
          {
            path: 'skeleton/README.md',
            base64Content: Buffer.from(
              '# ${{ values.name | no_such_filter }}\n',
            ).toString('base64'),
          },
        ],
      });
      const text = await res.text();
      expect(res.status).toBe(400);
      expectNoStackOrInstallPath(text);
      expect(JSON.parse(text)).toMatchObject({
        error: {
          name: 'TemplateRenderError',
          message:
            'Template error at line 1, column 21: Unknown template filter "no_such_filter"',
        },
        response: { statusCode: 400 },
        correlationId: expect.any(String),
      });
    });

    it('a dry run whose step fails answers its error without frames or install paths', async () => {
      const res = await backend.request('POST', '/api/scaffolder/v2/dry-run', {
        template: template('fails-dry', ['strata-test:fail']),
        values: {},
        directoryContents: [],
      });
      // The scaffolder's own error middleware answers (with the stack, in development).
      expect(res.status).toBe(500);
      const text = await res.text();
      expectNoStackOrInstallPath(text);
      expect(JSON.parse(text).error).toEqual({
        name: 'Error',
        message: `${FAILURE} (see …/deploy.yaml)`,
      });
    });
  },
);
