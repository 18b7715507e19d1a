/*
 * The `go-service` template through the real scaffolder and catalog (on SQLite and PostgreSQL):
 * the Create form's values are dry-run and the generated files must be a catalog entry the
 * portal accepts, Kubernetes manifests with the portal's conventions and Go code without
 * template leftovers; a real task publishes to a local repository and the new service appears
 * in the catalog.
 *
 * When a Go toolchain is installed (Debian: golang-go golang-github-lib-pq-dev), the rendered
 * service is also gofmt-checked, vetted and unit-tested, offline, in GOPATH mode against
 * Debian's Go libraries. Three packages cannot be built that way and are left out, each for a
 * reason the test checks or states: the root package and internal/telemetry import the OTLP
 * exporter and otelhttp, which Debian does not package; internal/kafkaio uses kafka-go 0.4's
 * message headers, which Debian's kafka-go 0.2.1 predates.
 */
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseAllDocuments } from 'yaml';
import { TestDatabases } from '@backstage/backend-test-utils';
import {
  checkMissingReferences,
  validateCatalogFiles,
} from '@internal/plugin-catalog-validation-common';
import {
  DryRunResult,
  ScaffolderHarness,
  startScaffolderHarness,
  templatesRoot,
} from './__testUtils__/scaffolderHarness';
import {
  expectCatalogValidationStep,
  withoutWorkflowExpressions,
} from './__testUtils__/ciWorkflowExpectations';
import {
  ANNOTATION_KUBERNETES_ID,
  ANNOTATION_OTEL_SERVICE_NAME,
  ANNOTATION_SLO_FILE,
} from '@internal/plugin-service-model-common';

const TEMPLATE_DIR = path.join(templatesRoot, 'go-service');

jest.setTimeout(180_000);

type FormValues = Record<string, string | number | boolean>;

const common: FormValues = {
  description: 'Exports reports as CSV',
  owner: 'group:default/growth-reporting',
  system: 'system:default/insights',
  tier: 2,
  publishTo: 'local',
};

const plain: FormValues = {
  ...common,
  name: 'report-exporter',
  personalData: false,
};

const withEvents: FormValues = {
  ...common,
  name: 'usage-notifier',
  description: 'Tells customers about "heavy" usage: {braces} and ${dollars}',
  personalData: true,
  producesTopic: 'usage.threshold_reached',
  consumesTopicRef: 'resource:default/pipeline-run-completed',
};

/** Entities that exist in the demo organisation the harness loads. */
const DEMO_REFS = [
  'group:default/growth-reporting',
  'system:default/insights',
  'resource:default/pipeline-run-completed',
];

function documents(text: string) {
  return parseAllDocuments(text).map(doc => {
    expect(doc.errors).toEqual([]);
    return doc.toJS();
  });
}

function goFiles(files: Record<string, string>) {
  return Object.keys(files).filter(file => file.endsWith('.go'));
}

function expectCatalogEntry(files: Record<string, string>, values: FormValues) {
  const name = String(values.name);
  const result = validateCatalogFiles([
    { path: 'catalog-info.yaml', text: files['catalog-info.yaml'] },
  ]);
  expect(result.violations).toEqual([]);
  const producing = Boolean(values.producesTopic);
  expect(result.entities.map(e => e.ref).sort()).toEqual(
    [
      `component:default/${name}`,
      `resource:default/${name}-db`,
      `api:default/${name}-api`,
      ...(producing
        ? [
            `api:default/${name}-events`,
            'resource:default/usage-threshold-reached',
          ]
        : []),
    ].sort(),
  );
  expect(
    checkMissingReferences(result.entities, [
      ...DEMO_REFS,
      ...result.entities.map(e => e.ref),
    ]),
  ).toEqual([]);

  const [component, database] = documents(files['catalog-info.yaml']);
  expect(component.metadata.description).toBe(values.description);
  expect(component.metadata.annotations).toMatchObject({
    [ANNOTATION_KUBERNETES_ID]: name,
    [ANNOTATION_OTEL_SERVICE_NAME]: name,
    [ANNOTATION_SLO_FILE]: 'slo.yaml',
  });
  expect(component.spec).toMatchObject({
    tier: Number(values.tier),
    dependsOn: [`resource:default/${name}-db`],
    produces: producing ? ['resource:default/usage-threshold-reached'] : [],
    consumes: values.consumesTopicRef ? [values.consumesTopicRef] : [],
  });
  expect(database.spec).toMatchObject({
    engine: 'postgresql',
    personalData: values.personalData,
  });
  // Every $text placeholder points at a file rendered next to catalog-info.yaml.
  for (const match of files['catalog-info.yaml'].matchAll(
    /\$text: \.\/(\S+)/g,
  )) {
    expect(Object.keys(files)).toContain(match[1]);
  }
}

function expectKubernetesManifests(
  files: Record<string, string>,
  name: string,
) {
  const manifests = Object.keys(files)
    .filter(file => file.startsWith('k8s/'))
    .flatMap(file => documents(files[file]));
  expect(manifests.map(m => m.kind).sort()).toEqual(
    [
      'Deployment',
      'HorizontalPodAutoscaler',
      'PodDisruptionBudget',
      'Service',
    ].sort(),
  );
  for (const manifest of manifests) {
    expect(manifest.metadata.name).toBe(name);
    expect(manifest.metadata.labels[ANNOTATION_KUBERNETES_ID]).toBe(name);
  }
  const deployment = manifests.find(m => m.kind === 'Deployment');
  expect(deployment.spec.replicas).toBe(2);
  expect(
    deployment.spec.template.metadata.labels[ANNOTATION_KUBERNETES_ID],
  ).toBe(name);
  const [container] = deployment.spec.template.spec.containers;
  expect(container.readinessProbe.httpGet.path).toBe('/readyz');
  expect(container.livenessProbe.httpGet.path).toBe('/healthz');
  expect(container.resources.requests).toEqual(
    expect.objectContaining({
      cpu: expect.any(String),
      memory: expect.any(String),
    }),
  );
  expect(container.resources.limits.memory).toEqual(expect.any(String));
  const env = Object.fromEntries(
    container.env
      .filter((e: any) => 'value' in e)
      .map((e: any) => [e.name, e.value]),
  );
  expect(env.OTEL_EXPORTER_OTLP_ENDPOINT).toBe(
    'http://strata.platform.svc.cluster.local:7007/api/otlp',
  );
  expect(deployment.spec.template.spec.securityContext.runAsNonRoot).toBe(true);
}

function expectNoTemplateLeftovers(files: Record<string, string>) {
  for (const [file, text] of Object.entries(files)) {
    expect({
      file,
      leftovers:
        withoutWorkflowExpressions(file, text).match(/\$\{\{|\{%|%\}|\{#/g) ??
        [],
    }).toEqual({
      file,
      leftovers: [],
    });
  }
}

/** The `go` binary, if one is installed. */
function findGo(): string | undefined {
  const candidates = [
    ...(process.env.PATH ?? '')
      .split(path.delimiter)
      .map(dir => path.join(dir, 'go')),
    '/usr/lib/go/bin/go',
  ];
  return candidates.find(candidate => fs.existsSync(candidate));
}

const GO = findGo();
/** Debian's Go libraries (GOPATH layout), installed by the golang-*-dev packages. */
const DEBIAN_GOPATH = '/usr/share/gocode';
const OFFLINE_UNBUILDABLE = {
  '': 'imports the OTLP exporter and otelhttp (not packaged by Debian)',
  'internal/telemetry':
    'imports the OTLP exporter and otelhttp (not packaged by Debian)',
  'internal/kafkaio':
    "uses kafka-go 0.4's message headers; Debian has kafka-go 0.2.1",
};

function modulePath(goMod: string): string {
  const match = goMod.match(/^module (\S+)$/m);
  expect(match).not.toBeNull();
  return match![1];
}

/** Writes the rendered files into a GOPATH and runs go there, offline. */
function goWorkspace(files: Record<string, string>) {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'strata-go-service-'));
  const module = modulePath(files['go.mod']);
  const dir = path.join(root, 'src', module);
  for (const [file, text] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(dir, file)), { recursive: true });
    fs.writeFileSync(path.join(dir, file), text);
  }
  const env = {
    PATH: `${path.dirname(GO!)}${path.delimiter}${process.env.PATH}`,
    HOME: root,
    GO111MODULE: 'off',
    GOPATH: `${root}${path.delimiter}${DEBIAN_GOPATH}`,
    // Shared between runs: compiling the standard library again each time would double the time.
    GOCACHE: path.join(os.tmpdir(), 'strata-go-service-gocache'),
    GOPROXY: 'off',
    GOFLAGS: '',
  };
  // Asynchronous on purpose: the harness's backend runs in this process and must keep serving
  // (a blocked event loop makes its keep-alive sockets reset the next request).
  const go = (args: string[], command = GO!) =>
    new Promise<{ code: number | null; output: string }>((resolve, reject) => {
      const child = spawn(command, args, { cwd: dir, env, timeout: 150_000 });
      let output = '';
      child.stdout.on('data', chunk => (output += chunk));
      child.stderr.on('data', chunk => (output += chunk));
      child.on('error', reject);
      child.on('close', code => resolve({ code, output }));
    });
  return {
    module,
    go,
    remove: () => fs.rmSync(root, { recursive: true, force: true }),
  };
}

async function expectGoVetAndTestPass(files: Record<string, string>) {
  const { module, go, remove } = goWorkspace(files);
  try {
    const gofmt = await go(['-l', '.'], path.join(path.dirname(GO!), 'gofmt'));
    expect(gofmt).toEqual({ code: 0, output: '' });

    const listed = await go([
      'list',
      '-e',
      '-f',
      '{{.ImportPath}}|{{if .DepsErrors}}missing{{end}}',
      './...',
    ]);
    expect(listed.code).toBe(0);
    const packages = listed.output
      .trim()
      .split('\n')
      .map(line => line.split('|'))
      .map(([importPath, missing]) => ({
        relative:
          importPath === module ? '' : importPath.slice(module.length + 1),
        missing: missing === 'missing',
      }));
    // Only the packages named in OFFLINE_UNBUILDABLE may lack dependencies here.
    expect(
      packages.filter(p => p.missing && !(p.relative in OFFLINE_UNBUILDABLE)),
    ).toEqual([]);
    expect(
      packages.find(p => p.relative === 'internal/telemetry')?.missing,
    ).toBe(true);

    const buildable = packages
      .filter(p => !(p.relative in OFFLINE_UNBUILDABLE))
      .map(p => `./${p.relative}`);
    expect(buildable).toEqual(
      expect.arrayContaining([
        './internal/config',
        './internal/httpapi',
        './internal/database',
      ]),
    );
    const vet = await go(['vet', ...buildable]);
    expect(vet).toEqual({ code: 0, output: '' });
    const test = await go(['test', '-count=1', ...buildable]);
    if (test.code !== 0) throw new Error(`go test failed:\n${test.output}`);
    const passed = test.output
      .split('\n')
      .filter(line => line.startsWith('ok '));
    const withTests = buildable.filter(pkg =>
      goFiles(files).some(
        f => f.endsWith('_test.go') && `./${path.dirname(f)}` === pkg,
      ),
    );
    expect(passed).toHaveLength(withTests.length);
  } finally {
    remove();
  }
}

/** Files already checked with go, by value set: the rendering does not depend on the database. */
const checkedWithGo = new Map<string, Record<string, string>>();

const databases = TestDatabases.create();

describe.each(databases.eachSupportedId())(
  'go-service template on %s',
  databaseId => {
    let harness: ScaffolderHarness;

    beforeAll(async () => {
      harness = await startScaffolderHarness({ databaseId, databases });
      // The template's first step looks these up; the demo catalog loads in the background.
      for (const ref of DEMO_REFS) {
        await harness.waitForEntity(ref);
      }
    });

    afterAll(async () => {
      await harness?.stop();
    });

    describe.each([
      { label: 'plain service', values: plain },
      { label: 'producing and consuming topics', values: withEvents },
    ])('dry run: $label', ({ label, values }) => {
      let result: DryRunResult;

      beforeAll(async () => {
        result = await harness.dryRun(TEMPLATE_DIR, values);
      });

      it('runs every step and renders the skeleton', () => {
        expect(
          result.steps.filter(
            s => s.status !== 'completed' && s.status !== 'skipped',
          ),
        ).toEqual([]);
        expect(result.steps.find(s => s.id === 'generate')?.status).toBe(
          'completed',
        );
        const events = Boolean(values.producesTopic || values.consumesTopicRef);
        const expected = [
          'go.mod',
          'main.go',
          'Dockerfile',
          'README.md',
          'openapi.yaml',
          'slo.yaml',
          '.github/workflows/ci.yml',
          'internal/database/migrations/0001_init.sql',
          'internal/httpapi/handler.go',
          'internal/telemetry/telemetry.go',
        ];
        expect(Object.keys(result.files)).toEqual(
          expect.arrayContaining(expected),
        );
        expect('asyncapi.yaml' in result.files).toBe(
          Boolean(values.producesTopic),
        );
        expect('internal/publish/publish.go' in result.files).toBe(
          Boolean(values.producesTopic),
        );
        expect('internal/consume/consume.go' in result.files).toBe(
          Boolean(values.consumesTopicRef),
        );
        expect('internal/kafkaio/kafka.go' in result.files).toBe(events);
        expect(result.files['go.mod'].includes('segmentio/kafka-go')).toBe(
          events,
        );
      });

      // eslint-disable-next-line jest/expect-expect -- the assertions are in expectNoTemplateLeftovers
      it('renders no template syntax into any file', () => {
        expectNoTemplateLeftovers(result.files);
      });

      // eslint-disable-next-line jest/expect-expect -- the assertions are in expectCatalogValidationStep
      it("validates catalog-info.yaml in CI with the portal's script", async () => {
        await expectCatalogValidationStep(
          result.files['.github/workflows/ci.yml'],
          result.files['catalog-info.yaml'],
        );
      });

      // eslint-disable-next-line jest/expect-expect -- the assertions are in expectCatalogEntry
      it('writes a catalog entry the portal accepts', () => {
        expectCatalogEntry(result.files, values);
      });

      // eslint-disable-next-line jest/expect-expect -- the assertions are in expectKubernetesManifests
      it('writes Kubernetes manifests with the portal conventions', () => {
        expectKubernetesManifests(result.files, String(values.name));
      });

      it('takes the consumed topic name from its catalog entity', () => {
        const consume = result.files['internal/consume/consume.go'];
        expect(consume?.match(/^const Topic = "(.*)"$/m)?.[1]).toBe(
          values.consumesTopicRef ? 'pipeline.run.completed' : undefined,
        );
      });

      if (!GO && process.env.STRATA_REQUIRE_GO) {
        // ./strata test installs Go where it can (root + apt-get) and then requires it, so a
        // missing toolchain in CI is a failure, not a quietly skipped check.
        it('has a Go toolchain (STRATA_REQUIRE_GO is set; install golang-go golang-github-lib-pq-dev)', () => {
          expect(GO).toBeDefined();
        });
      }
      (GO ? describe : describe.skip)(
        `with Go${GO ? '' : ' (no Go toolchain installed)'}`,
        () => {
          it('passes gofmt, go vet and go test offline', async () => {
            // The rendering does not depend on the database: go runs once per value set, and the
            // other database must render the very same files.
            if (!checkedWithGo.has(label)) {
              await expectGoVetAndTestPass(result.files);
              checkedWithGo.set(label, result.files);
            }
            expect(result.files).toEqual(checkedWithGo.get(label));
          });
        },
      );
    });

    it('creates the service in a local repository and the catalog shows it', async () => {
      const values: FormValues = {
        ...withEvents,
        name: `go-svc-${databaseId.toLowerCase().replace(/[^a-z0-9]/g, '')}`,
      };
      const task = await harness.run('go-service', values);
      expect({
        status: task.status,
        log: task.status === 'completed' ? [] : task.log,
      }).toEqual({
        status: 'completed',
        log: [],
      });
      const entity = await harness.waitForEntity(
        `component:default/${values.name}`,
      );
      expect(entity.spec).toMatchObject({
        type: 'service',
        owner: values.owner,
        produces: ['resource:default/usage-threshold-reached'],
      });
      await harness.waitForEntity(`resource:default/${values.name}-db`);
      await harness.waitForEntity('resource:default/usage-threshold-reached');
      const repository = path.join(
        harness.repositoriesDir,
        String(values.name),
      );
      expect(fs.existsSync(path.join(repository, '.git'))).toBe(true);
      expect(
        fs.readFileSync(path.join(repository, 'go.mod'), 'utf8'),
      ).toContain(`module ${values.name}`);
    });
  },
);
