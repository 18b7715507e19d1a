/*
 * The node-service template through the real scaffolder and catalog, on every test database:
 * a dry run renders catalog files the portal accepts and creates nothing; a real run with the
 * local publisher creates a repository with one commit and a catalogued service.
 */
import { TestDatabases } from '@backstage/backend-test-utils';
import { validateCatalogFiles } from '@internal/plugin-catalog-validation-common';
import git from 'isomorphic-git';
import fs from 'node:fs';
import path from 'node:path';
import {
  ScaffolderHarness,
  startScaffolderHarness,
  templatesRoot,
} from './__testUtils__/scaffolderHarness';

const databases = TestDatabases.create();

const values = (name: string) => ({
  name,
  description: 'Exports reports as CSV',
  owner: 'group:default/growth-reporting',
  system: 'system:default/insights',
  tier: 2,
  personalData: false,
  publishTo: 'local',
});

jest.setTimeout(120_000);

describe.each(databases.eachSupportedId())(
  'node-service template on %s',
  databaseId => {
    let harness: ScaffolderHarness;

    beforeAll(async () => {
      harness = await startScaffolderHarness({ databaseId, databases });
    });

    afterAll(async () => {
      await harness?.stop();
    });

    it('dry-runs to catalog files the portal accepts, creating no repository', async () => {
      const started = Date.now();
      const result = await harness.dryRun(
        path.join(templatesRoot, 'node-service'),
        values('report-exporter'),
      );
      console.log(
        `scaffolder dry-run node-service: ${Date.now() - started} ms`,
      );

      expect(result.steps).toEqual(
        expect.arrayContaining([
          { id: 'check-new-entity', status: 'completed' },
          { id: 'generate', status: 'completed' },
          { id: 'validate-catalog', status: 'completed' },
          { id: 'publish-local', status: 'completed' },
          { id: 'register-local', status: 'completed' },
        ]),
      );
      const catalogInfo = result.files['catalog-info.yaml'];
      expect(catalogInfo).toContain('name: report-exporter');
      const validation = validateCatalogFiles([
        { path: 'catalog-info.yaml', text: catalogInfo },
      ]);
      expect(validation.violations.filter(v => v.severity === 'error')).toEqual(
        [],
      );
      expect(fs.readdirSync(harness.repositoriesDir)).toEqual([]);
    });

    it('dry-runs with events: the consumed topic is looked up, the produced one declared', async () => {
      const result = await harness.dryRun(
        path.join(templatesRoot, 'node-service'),
        {
          ...values('report-exporter'),
          producesTopic: 'report.generated_v2',
          consumesTopicRef: 'resource:default/pipeline-run-completed',
        },
      );
      expect(result.steps).toEqual(
        expect.arrayContaining([
          { id: 'fetch-consumed-topic', status: 'completed' },
          { id: 'validate-catalog', status: 'completed' },
        ]),
      );
      const catalogInfo = result.files['catalog-info.yaml'];
      expect(catalogInfo).toContain('resource:default/pipeline-run-completed');
      expect(catalogInfo).toContain('topic: report.generated_v2');
      // The topic's entity name: `.` and `_` become `-`, as in every template.
      expect(catalogInfo).toContain('name: report-generated-v2');
      expect(catalogInfo).toContain('- resource:default/report-generated-v2');
      expect(JSON.stringify(result.files)).toContain('pipeline.run.completed');
    });

    it('creates a local repository with one commit and a catalogued service', async () => {
      const name = 'report-exporter';
      const started = Date.now();
      const result = await harness.run('node-service', values(name));
      console.log(`scaffolder task node-service: ${Date.now() - started} ms`);
      expect({
        status: result.status,
        log: result.status === 'completed' ? [] : result.log,
      }).toEqual({
        status: 'completed',
        log: [],
      });

      const repository = path.join(harness.repositoriesDir, name);
      const commits = await git.log({ fs, dir: repository });
      expect(commits).toHaveLength(1);
      expect(commits[0].commit.author.name).toBe('Strata');
      expect(commits[0].commit.message).toContain(
        'Created-By: user:default/mock',
      );
      expect(fs.existsSync(path.join(repository, 'catalog-info.yaml'))).toBe(
        true,
      );

      const entity = await harness.waitForEntity(`component:default/${name}`);
      expect(entity.spec).toMatchObject({
        owner: 'group:default/growth-reporting',
        system: 'system:default/insights',
        dependsOn: [`resource:default/${name}-db`],
      });
      // Everything the service depends on and provides is catalogued with it.
      await harness.waitForEntity(`resource:default/${name}-db`);
      // Its OpenAPI definition (`$text: ./openapi.yaml`) is read from the local repository.
      const api = await harness.waitForEntity(`api:default/${name}-api`);
      expect(api.spec?.definition).toEqual(
        fs.readFileSync(path.join(repository, 'openapi.yaml'), 'utf8'),
      );
      expect(result.output.links).toEqual(
        expect.arrayContaining([
          expect.objectContaining({ entityRef: `component:default/${name}` }),
          expect.objectContaining({ url: expect.stringMatching(/^file:\/\//) }),
        ]),
      );
    });
  },
);
