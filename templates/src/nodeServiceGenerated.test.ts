/*
 * End-to-end check of the `node-service` template's skeleton: it is rendered
 * by the real `fetch:template` action, and what comes out must be a catalogue
 * entry the portal accepts and a service that installs, passes its own tests,
 * boots against PostgreSQL and sends its traces to an OTLP receiver.
 *
 * Needs the npm registry (npm's own configuration) and the local PostgreSQL
 * (BACKSTAGE_TEST_DATABASE_POSTGRES15_CONNECTION_STRING, default
 * postgresql://postgres@127.0.0.1:5432). The service is the only thing that
 * uses the database besides creating and dropping it, so this is not a
 * TestDatabases test: the generated service supports PostgreSQL only.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import globby from 'globby';
import { parseAllDocuments, parse as parseYaml } from 'yaml';
import { mockServices } from '@backstage/backend-test-utils';
import { ScmIntegrations } from '@backstage/integration';
import { createFetchTemplateAction } from '@backstage/plugin-scaffolder-backend';
import { createMockActionContext } from '@backstage/plugin-scaffolder-node-test-utils';
import {
  checkMissingReferences,
  validateCatalogFiles,
} from '@internal/plugin-catalog-validation-common';
import {
  childEnv,
  freePort,
  runOk,
  startOtlpReceiver,
  testSummary,
} from './__testUtils__/generatedServiceTestUtils';
import { waitFor } from '@internal/backend-test-kit';
import {
  expectCatalogValidationStep,
  withoutWorkflowExpressions,
} from './__testUtils__/ciWorkflowExpectations';
import { repoRoot, templatesRoot } from './__testUtils__/paths';
import { walkWorkspace } from '@internal/plugin-local-repositories-node';
import { ANNOTATION_KUBERNETES_ID } from '@internal/plugin-service-model-common';

const TEMPLATE_DIR = path.join(templatesRoot, 'node-service');
const DEMO_CATALOG = path.join(repoRoot, 'examples/dataflow');
const POSTGRES =
  process.env.BACKSTAGE_TEST_DATABASE_POSTGRES15_CONNECTION_STRING ||
  'postgresql://postgres@127.0.0.1:5432';

// A generated service's npm install downloads its whole tree (OpenTelemetry SDK, knex, pg,
// kafkajs) when npm's cache is cold, as on a new machine's first run: seen to take over 240 s
// while the other jest workers load both cores. The test is about what gets installed, not speed.
const INSTALL_TIMEOUT_MS = 600_000;
const READY_TIMEOUT_MS = 30_000;
/** The SDK batches spans for 5 s by default; allow for that and a slow machine. */
const SPAN_TIMEOUT_MS = 20_000;

type Values = Record<string, string | number | boolean>;

const common = {
  description: 'Exports reports as CSV',
  owner: 'group:default/growth-reporting',
  system: 'system:default/insights',
  tier: 2,
};

const databaseReady = { ok: true, required: true };
const kafkaDown = { ok: false, required: false, reason: expect.any(String) };

/**
 * The two value sets and what the booted service must do with each. Kafka is
 * never reachable in the test: the producing service still starts and is
 * ready, but refuses (503) to create an item whose event it cannot publish.
 */
const valueSets: Array<{
  label: string;
  values: Values;
  expectations: {
    post: { status: number; body: unknown };
    itemsAfterPost: number;
    readinessChecks: Record<string, unknown>;
  };
}> = [
  {
    label: 'plain service',
    values: {
      ...common,
      name: 'report-exporter',
      personalData: false,
      producesTopic: '',
      consumesTopic: '',
      consumesTopicRef: '',
      repoSlug: '',
      sourceLocation: '',
    },
    expectations: {
      post: {
        status: 201,
        body: { id: 1, name: 'first', createdAt: expect.any(String) },
      },
      itemsAfterPost: 1,
      readinessChecks: { database: databaseReady },
    },
  },
  {
    label: 'service producing and consuming topics',
    values: {
      ...common,
      name: 'usage-notifier',
      description: 'Tells customers about "heavy" usage',
      personalData: true,
      producesTopic: 'usage.threshold.reached',
      consumesTopic: 'pipeline.run.completed',
      consumesTopicRef: 'resource:default/pipeline-run-completed',
      repoSlug: 'dataflow/usage-notifier',
      sourceLocation:
        'url:https://github.com/dataflow/usage-notifier/tree/main/',
    },
    expectations: {
      post: {
        status: 503,
        body: {
          error: expect.stringMatching(
            /^cannot publish to usage\.threshold\.reached/,
          ),
        },
      },
      itemsAfterPost: 0,
      readinessChecks: {
        database: databaseReady,
        'kafka-producer': kafkaDown,
        'kafka-consumer': kafkaDown,
      },
    },
  },
];

/** What this run measured, printed once at the end for the record. */
const measurements: Record<string, number> = {};

/**
 * Renders the skeleton into `<workspace>/service`. (The mock context fetches
 * the skeleton into `<workspace>/template`, where the real scaffolder would
 * use a separate temporary directory; rendering into a subdirectory keeps the
 * two apart.)
 */
async function render(workspacePath: string, values: Values): Promise<string> {
  const action = createFetchTemplateAction({
    reader: mockServices.urlReader.mock(),
    integrations: ScmIntegrations.fromConfig(mockServices.rootConfig()),
  });
  await action.handler(
    createMockActionContext({
      workspacePath,
      input: { url: './skeleton', targetPath: 'service', values },
      templateInfo: {
        entityRef: 'template:default/node-service',
        baseUrl: `file://${TEMPLATE_DIR}/template.yaml`,
      },
    }),
  );
  return path.join(workspacePath, 'service');
}

/** Connects with the generated service's own PostgreSQL driver (no extra dependency here). */
function pgClient(serviceDir: string, connectionString: string) {
  const { Client } = createRequire(path.join(serviceDir, 'package.json'))('pg');
  return new Client({ connectionString });
}

async function adminQuery(
  serviceDir: string,
  sql: string,
  database = 'postgres',
) {
  const client = pgClient(serviceDir, `${POSTGRES}/${database}`);
  await client.connect();
  try {
    return await client.query(sql);
  } finally {
    await client.end();
  }
}

async function demoCatalogRefs(): Promise<string[]> {
  const files = await globby('**/*.yaml', {
    cwd: DEMO_CATALOG,
    absolute: true,
  });
  const result = validateCatalogFiles(
    files.map(file => ({ path: file, text: fs.readFileSync(file, 'utf8') })),
  );
  return result.entities.map(entity => entity.ref);
}

afterAll(() => {
  // eslint-disable-next-line no-console
  console.info(
    `node-service template measurements (ms): ${JSON.stringify(measurements)}`,
  );
});

describe.each(valueSets)(
  'node-service template: $label',
  ({ label, values, expectations }) => {
    const name = String(values.name);
    const producing = Boolean(values.producesTopic);
    const key = producing ? 'events' : 'plain';
    const workspace = fs.mkdtempSync(
      path.join(os.tmpdir(), 'strata-node-service-'),
    );
    let dir: string;

    beforeAll(async () => {
      dir = await render(workspace, values);
    });

    afterAll(() => {
      fs.rmSync(workspace, { recursive: true, force: true });
    });

    it('renders every template expression and only the files this service needs', async () => {
      const files = (await walkWorkspace(dir)).map(entry => entry.path);
      expect(files).toEqual(
        expect.arrayContaining([
          'package.json',
          'catalog-info.yaml',
          'openapi.yaml',
          'slo.yaml',
          'Dockerfile',
          '.github/workflows/ci.yml',
          'k8s/deployment.yaml',
          'k8s/service.yaml',
          'k8s/hpa.yaml',
          'k8s/pdb.yaml',
          'src/main.ts',
          'src/telemetry.ts',
        ]),
      );
      expect(files.includes('asyncapi.yaml')).toBe(producing);
      expect(files.includes('src/events/producer.ts')).toBe(producing);
      expect(files.includes('src/events/consumer.ts')).toBe(
        Boolean(values.consumesTopic),
      );
      for (const file of files) {
        const text = withoutWorkflowExpressions(
          file,
          fs.readFileSync(path.join(dir, file), 'utf8'),
        );
        expect({ file, leftover: /\$\{\{|\{%|%\}/.test(text) }).toEqual({
          file,
          leftover: false,
        });
      }
      const pkg = JSON.parse(
        fs.readFileSync(path.join(dir, 'package.json'), 'utf8'),
      );
      expect(pkg.name).toBe(name);
      expect(pkg.description).toBe(values.description);
      expect(Boolean(pkg.dependencies.kafkajs)).toBe(
        producing || Boolean(values.consumesTopic),
      );
    });

    // eslint-disable-next-line jest/expect-expect -- the assertions are in expectCatalogValidationStep
    it("validates catalog-info.yaml in CI with the portal's script", async () => {
      await expectCatalogValidationStep(
        fs.readFileSync(path.join(dir, '.github/workflows/ci.yml'), 'utf8'),
        fs.readFileSync(path.join(dir, 'catalog-info.yaml'), 'utf8'),
      );
    });

    it('writes Kubernetes objects, SLOs and API documents that parse and carry the name', () => {
      for (const file of ['deployment', 'service', 'hpa', 'pdb']) {
        const object = parseYaml(
          fs.readFileSync(path.join(dir, `k8s/${file}.yaml`), 'utf8'),
        );
        expect(object.metadata.labels).toEqual({
          'app.kubernetes.io/name': name,
          [ANNOTATION_KUBERNETES_ID]: name,
        });
      }
      const deployment = parseYaml(
        fs.readFileSync(path.join(dir, 'k8s/deployment.yaml'), 'utf8'),
      );
      expect(deployment.spec.replicas).toBe(2);
      const container = deployment.spec.template.spec.containers[0];
      expect(container.readinessProbe.httpGet.path).toBe('/readyz');
      expect(container.livenessProbe.httpGet.path).toBe('/healthz');

      const slos = parseAllDocuments(
        fs.readFileSync(path.join(dir, 'slo.yaml'), 'utf8'),
      ).map(d => d.toJS());
      expect(
        slos.map(slo => [slo.apiVersion, slo.kind, slo.spec.service]),
      ).toEqual([
        ['openslo/v1', 'SLO', name],
        ['openslo/v1', 'SLO', name],
      ]);

      expect(
        parseYaml(fs.readFileSync(path.join(dir, 'openapi.yaml'), 'utf8'))
          .openapi,
      ).toMatch(/^3\./);
      expect(
        parseYaml(
          fs.readFileSync(path.join(dir, '.github/workflows/ci.yml'), 'utf8'),
        ).jobs,
      ).toBeDefined();
      const asyncapiFile = path.join(dir, 'asyncapi.yaml');
      const channels = fs.existsSync(asyncapiFile)
        ? Object.keys(parseYaml(fs.readFileSync(asyncapiFile, 'utf8')).channels)
        : [];
      expect(channels).toEqual(producing ? [values.producesTopic] : []);
    });

    it('produces catalog entities the portal accepts, referring only to entities that exist', async () => {
      const file = path.join(dir, 'catalog-info.yaml');
      const result = validateCatalogFiles([
        { path: file, text: fs.readFileSync(file, 'utf8') },
      ]);
      expect(result.violations).toEqual([]);
      expect(result.entities.map(e => e.ref).sort()).toEqual(
        [
          `api:default/${name}-api`,
          `component:default/${name}`,
          `resource:default/${name}-db`,
          ...(producing
            ? [
                `api:default/${name}-events`,
                'resource:default/usage-threshold-reached',
              ]
            : []),
        ].sort(),
      );
      // Owner, system and consumed topic are the demo organisation's.
      expect(
        checkMissingReferences(result.entities, await demoCatalogRefs()),
      ).toEqual([]);
      // The $text placeholders point at files that were rendered next to it.
      for (const target of producing
        ? ['openapi.yaml', 'asyncapi.yaml']
        : ['openapi.yaml']) {
        expect(fs.existsSync(path.join(dir, target))).toBe(true);
      }
    });

    describe('the generated service', () => {
      let child: ChildProcess | undefined;
      let receiver: Awaited<ReturnType<typeof startOtlpReceiver>> | undefined;
      const database = `strata_gen_${randomBytes(6).toString('hex')}`;
      let databaseCreated = false;

      afterAll(async () => {
        if (child?.pid && child.exitCode === null) {
          const exited = new Promise(resolve => child!.once('exit', resolve));
          process.kill(child.pid, 'SIGTERM');
          const timer = setTimeout(
            () => child?.pid && process.kill(child.pid, 'SIGKILL'),
            15_000,
          );
          await exited;
          clearTimeout(timer);
        }
        await receiver?.close();
        if (databaseCreated) {
          await adminQuery(
            dir,
            `drop database if exists ${database} with (force)`,
          );
        }
      }, 30_000);

      it(
        'installs from the registry',
        async () => {
          const install = await runOk(
            'npm',
            ['install', '--no-audit', '--no-fund', '--loglevel=error'],
            dir,
          );
          measurements[`${key}.npmInstall`] = install.ms;
          const installed = [
            'knex',
            'pg',
            '@opentelemetry/sdk-node',
            'kafkajs',
          ];
          expect(
            installed.filter(dep =>
              fs.existsSync(
                path.join(dir, 'node_modules', dep, 'package.json'),
              ),
            ),
          ).toEqual(
            Boolean(values.producesTopic || values.consumesTopic)
              ? installed
              : installed.filter(dep => dep !== 'kafkajs'),
          );
        },
        INSTALL_TIMEOUT_MS,
      );

      it(
        'passes its own unit tests without a database or Kafka',
        async () => {
          const result = await runOk('npm', ['test'], dir);
          measurements[`${key}.npmTest`] = result.ms;
          const summary = testSummary(result.output);
          expect(summary.tests).toBeGreaterThan(0);
          expect(summary).toEqual(
            expect.objectContaining({
              pass: summary.tests,
              fail: 0,
              cancelled: 0,
              skipped: 0,
            }),
          );
        },
        INSTALL_TIMEOUT_MS,
      );

      it(
        'boots against a fresh database, serves its API and sends traces',
        async () => {
          await runOk('npm', ['run', 'build'], dir);
          await adminQuery(dir, `create database ${database}`);
          databaseCreated = true;
          receiver = await startOtlpReceiver();
          const port = await freePort();
          const base = `http://127.0.0.1:${port}`;

          const started = Date.now();
          child = spawn(
            process.execPath,
            ['--require', './dist/telemetry.js', 'dist/main.js'],
            {
              cwd: dir,
              env: childEnv({
                PORT: String(port),
                DATABASE_URL: `${POSTGRES}/${database}`,
                OTEL_EXPORTER_OTLP_ENDPOINT: receiver.endpoint,
                // Nothing listens there: the service must start without Kafka.
                KAFKA_BROKERS: '127.0.0.1:9',
              }),
            },
          );
          let log = '';
          child.stdout!.on('data', chunk => (log += chunk));
          child.stderr!.on('data', chunk => (log += chunk));

          try {
            // Until the service listens, the connection is refused: not yet, not a failure.
            const healthz = await waitFor(
              async () => {
                const response = await fetch(`${base}/healthz`).catch(
                  () => undefined,
                );
                return response?.status === 200 ? response : undefined;
              },
              '/healthz',
              { intervalMs: 100, timeoutMs: READY_TIMEOUT_MS },
            );
            expect(await healthz.json()).toEqual({ status: 'ok' });

            const readiness = await waitFor(
              async () => {
                const response = await fetch(`${base}/readyz`).catch(
                  () => undefined,
                );
                return response?.status === 200
                  ? response.json().catch(() => undefined)
                  : undefined;
              },
              '/readyz to be 200',
              { intervalMs: 100, timeoutMs: READY_TIMEOUT_MS },
            );
            measurements[`${key}.bootToReady`] = Date.now() - started;
            expect(readiness.ready).toBe(true);
            expect(readiness.checks.database).toEqual({
              ok: true,
              required: true,
            });

            // The migration created the table in the new database.
            const table = await adminQuery(
              dir,
              `select to_regclass('public.items') as t`,
              database,
            );
            expect(table.rows[0].t).toBe('items');

            const requested = Date.now();
            const created = await fetch(`${base}/v1/items`, {
              method: 'POST',
              headers: { 'content-type': 'application/json' },
              body: JSON.stringify({ name: 'first' }),
            });
            const listed = await fetch(`${base}/v1/items`);
            expect(listed.status).toBe(200);
            const { items } = await listed.json();
            expect({
              status: created.status,
              body: await created.json(),
            }).toEqual(expectations.post);
            expect(items).toHaveLength(expectations.itemsAfterPost);
            expect(readiness.checks).toEqual(expectations.readinessChecks);

            const span = await waitFor(
              async () =>
                receiver!.spans.find(
                  s => s.serviceName === name && s.receivedAt >= requested,
                ),
              `a span of ${name}`,
              { intervalMs: 100, timeoutMs: SPAN_TIMEOUT_MS },
            );
            measurements[`${key}.firstSpan`] = span.receivedAt - requested;
            expect(receiver.contentTypes[0]).toMatch(/application\/json/);
            // The server spans of the domain route; probes are not traced.
            const paths = receiver.spans.map(s => s.path);
            expect(paths).toContain('/v1/items');
            expect(paths).not.toContain('/readyz');
            expect(paths).not.toContain('/healthz');
          } catch (error) {
            throw new Error(
              `${String(error)}\n--- service output (${label}) ---\n${log}`,
            );
          }
        },
        INSTALL_TIMEOUT_MS,
      );
    });
  },
);
