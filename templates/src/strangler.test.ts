/*
 * The strangler-extraction template through the real scaffolder and catalog, on every test
 * database: a dry run renders the node-service skeleton (recording where the service came from)
 * and the gateway's split, and creates nothing; a real run on a fresh portal creates the service,
 * catalogues it, and proposes the split on a branch of a new local gateway repository; a path
 * already split to another service is refused before anything is created.
 */
import { TestDatabases } from '@backstage/backend-test-utils';
import { validateCatalogFiles } from '@internal/plugin-catalog-validation-common';
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { parseAllDocuments } from 'yaml';
import { createRepository } from '@internal/plugin-local-repositories-node';
import {
  ScaffolderHarness,
  startScaffolderHarness,
  templatesRoot,
} from './__testUtils__/scaffolderHarness';
import {
  ANNOTATION_EXTRACTED_FROM,
  ANNOTATION_EXTRACTED_PATH,
  ANNOTATION_KUBERNETES_ID,
} from '@internal/plugin-service-model-common';

const databases = TestDatabases.create();

const values = (overrides: object = {}) => ({
  monolith: 'component:default/admin',
  capability: 'CSV report export',
  name: 'report-exporter',
  description: 'Exports reports as CSV',
  owner: 'group:default/growth-reporting',
  system: 'system:default/insights',
  tier: 2,
  personalData: false,
  path: '/api/v1/reports',
  percent: 5,
  publishTo: 'local',
  routesFile: 'gateway/routes.yaml',
  gatewayRepository: 'api-gateway',
  ...overrides,
});

const reportsSplit = `routes:
  # report-exporter extracted from admin; raise its weight in later pull requests
  - path: /api/v1/reports
    backends:
      - service: admin
        weight: 95
      - service: report-exporter
        weight: 5
    fallback: admin
`;

/** Reads the repository with the real git CLI. */
function git(dir: string, ...args: string[]) {
  return execFileSync('git', ['-C', dir, ...args], { encoding: 'utf8' });
}

jest.setTimeout(120_000);

describe.each(databases.eachSupportedId())(
  'strangler-extraction template on %s',
  databaseId => {
    let harness: ScaffolderHarness;

    beforeAll(async () => {
      harness = await startScaffolderHarness({ databaseId, databases });
    });

    afterAll(async () => {
      await harness?.stop();
    });

    it('dry-runs to the service, its origin and the gateway split, creating nothing', async () => {
      const started = Date.now();
      const result = await harness.dryRun(
        path.join(templatesRoot, 'strangler-extraction'),
        values(),
      );
      console.log(
        `scaffolder dry-run strangler-extraction: ${Date.now() - started} ms`,
      );

      expect(result.steps).toEqual(
        expect.arrayContaining(
          [
            'check-name',
            'fetch-routes-local',
            'split-traffic',
            'fetch',
            'record-origin',
            'validate',
            'publish-local',
            'register-local',
            'gateway-branch',
          ].map(id => ({ id, status: 'completed' })),
        ),
      );
      // the service is the node-service skeleton, in service/
      expect(result.files['service/package.json']).toContain(
        '"name": "report-exporter"',
      );
      const catalogInfo = result.files['service/catalog-info.yaml'];
      const validation = validateCatalogFiles([
        { path: 'catalog-info.yaml', text: catalogInfo },
      ]);
      expect(validation.violations.filter(v => v.severity === 'error')).toEqual(
        [],
      );
      const component = parseAllDocuments(catalogInfo)[0].toJS();
      expect(component.metadata.annotations).toMatchObject({
        [ANNOTATION_EXTRACTED_FROM]: 'component:default/admin',
        [ANNOTATION_EXTRACTED_PATH]: '/api/v1/reports',
        [ANNOTATION_KUBERNETES_ID]: 'report-exporter',
      });
      // the gateway change, separate from the service's files
      expect(result.files['gateway-change/gateway/routes.yaml']).toBe(
        reportsSplit,
      );
      expect(fs.readdirSync(harness.repositoriesDir)).toEqual([]);
      expect(result.log.join('\n')).toContain(
        'Dry run: would create the local repository api-gateway, then commit gateway/routes.yaml on branch strangler/report-exporter-5pct',
      );
    });

    it('creates the service and proposes the split on a branch of a new local gateway repository', async () => {
      const started = Date.now();
      const result = await harness.run('strangler-extraction', values());
      console.log(
        `scaffolder task strangler-extraction: ${Date.now() - started} ms`,
      );
      expect({
        status: result.status,
        log: result.status === 'completed' ? [] : result.log,
      }).toEqual({
        status: 'completed',
        log: [],
      });

      const service = await harness.waitForEntity(
        'component:default/report-exporter',
      );
      expect(service.metadata.annotations).toMatchObject({
        [ANNOTATION_EXTRACTED_FROM]: 'component:default/admin',
      });
      expect(service.spec).toMatchObject({
        type: 'service',
        owner: 'group:default/growth-reporting',
        dependsOn: ['resource:default/report-exporter-db'],
      });
      // the service's repository holds the service only
      const serviceRepo = path.join(harness.repositoriesDir, 'report-exporter');
      expect(git(serviceRepo, 'ls-tree', '--name-only', 'HEAD')).not.toContain(
        'gateway-change',
      );

      const gateway = path.join(harness.repositoriesDir, 'api-gateway');
      expect(git(gateway, 'show', 'main:gateway/routes.yaml')).toBe(
        'routes: []\n',
      );
      expect(
        git(
          gateway,
          'show',
          'strangler/report-exporter-5pct:gateway/routes.yaml',
        ),
      ).toBe(reportsSplit);
      expect(
        git(
          gateway,
          'log',
          '-1',
          '--format=%s',
          'strangler/report-exporter-5pct',
        ).trim(),
      ).toBe('Send 5% of /api/v1/reports to report-exporter, fallback admin');

      expect(result.output.links).toEqual([
        expect.objectContaining({
          entityRef: 'component:default/report-exporter',
        }),
        expect.objectContaining({ url: expect.stringMatching(/^file:\/\//) }),
      ]);
      expect(result.output.text).toEqual([
        expect.objectContaining({
          title: 'Gateway change',
          content: expect.stringContaining(
            `Branch \`strangler/report-exporter-5pct\` of the local repository\n\`${gateway}\``,
          ),
        }),
      ]);
    });

    it('refuses a path already split to another service before creating anything', async () => {
      // a gateway whose main already sends /api/v1/exports to another extracted service
      const gateway = path.join(harness.repositoriesDir, 'edge-gateway');
      await createRepository({
        dir: gateway,
        defaultBranch: 'main',
        files: [
          {
            path: 'gateway/routes.yaml',
            content:
              'routes:\n  - path: /api/v1/exports\n    backends:\n      - service: admin\n        weight: 50\n      - service: export-service\n        weight: 50\n    fallback: admin\n',
          },
        ],
        message: 'routes',
        author: { name: 'Test', email: 'test@example.invalid' },
      });
      const result = await harness.run(
        'strangler-extraction',
        values({
          name: 'csv-exporter',
          path: '/api/v1/exports',
          gatewayRepository: 'edge-gateway',
        }),
      );
      expect(result.status).toBe('failed');
      expect(result.log.join('\n')).toContain(
        "/api/v1/exports is already split to 'export-service'; finish or undo that extraction before sending its traffic to 'csv-exporter'",
      );
      expect(
        fs.existsSync(path.join(harness.repositoriesDir, 'csv-exporter')),
      ).toBe(false);
      expect(git(gateway, 'branch', '--format=%(refname:short)').trim()).toBe(
        'main',
      );
    });
  },
);
