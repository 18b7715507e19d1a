/*
 * Bad input and hostile templates through the real scaffolder, on every test database: taken
 * names and unknown owners are refused before anything is generated; paths and symbolic links
 * cannot leave the workspace; template expressions cannot reach the backend process; secrets
 * never show up in logs or outputs.
 */
import { TestDatabases } from '@backstage/backend-test-utils';
import { JsonObject } from '@backstage/types';
import fs from 'node:fs';
import path from 'node:path';
import { stringify as stringifyYaml } from 'yaml';
import {
  ScaffolderHarness,
  startScaffolderHarness,
} from './__testUtils__/scaffolderHarness';

const databases = TestDatabases.create();

jest.setTimeout(120_000);

const nodeServiceValues = (overrides: JsonObject) => ({
  name: 'report-exporter',
  description: 'Exports reports as CSV',
  owner: 'group:default/growth-reporting',
  system: 'system:default/insights',
  tier: 3,
  personalData: false,
  publishTo: 'local',
  ...overrides,
});

/** Writes a test-only template (template.yaml + skeleton files) into a new temporary folder. */
function writeTemplate(
  root: string,
  name: string,
  spec: { parameters?: JsonObject; steps: JsonObject[]; output?: JsonObject },
  skeleton: Record<string, string>,
): string {
  const dir = path.join(root, name);
  fs.mkdirSync(path.join(dir, 'skeleton'), { recursive: true });
  fs.writeFileSync(
    path.join(dir, 'template.yaml'),
    stringifyYaml({
      apiVersion: 'scaffolder.backstage.io/v1beta3',
      kind: 'Template',
      metadata: { name },
      spec: {
        owner: 'group:default/platform',
        type: 'test',
        parameters: [spec.parameters ?? { properties: {} }],
        steps: spec.steps,
        output: spec.output ?? {},
      },
    }),
  );
  for (const [file, content] of Object.entries(skeleton)) {
    fs.mkdirSync(path.dirname(path.join(dir, 'skeleton', file)), {
      recursive: true,
    });
    fs.writeFileSync(path.join(dir, 'skeleton', file), content);
  }
  return dir;
}

describe.each(databases.eachSupportedId())(
  'templates under attack on %s',
  databaseId => {
    let harness: ScaffolderHarness;
    let tmp: string;

    beforeAll(async () => {
      harness = await startScaffolderHarness({ databaseId, databases });
    });

    // Test-only templates go into the harness's templates folder, the one file location
    // (a glob in its app-config) that may hold Templates.
    beforeEach(() => {
      tmp = harness.testTemplatesDir;
    });

    afterAll(async () => {
      await harness?.stop();
    });

    it('refuses a name the catalog already has, naming its owner', async () => {
      const result = await harness.run(
        'node-service',
        nodeServiceValues({ name: 'pipeline-service' }),
      );
      expect(result.status).toBe('failed');
      expect(result.log.join('\n')).toContain(
        'The name pipeline-service is taken by component:default/pipeline-service, owned by group:default/pipelines',
      );
      expect(fs.readdirSync(harness.repositoriesDir)).toEqual([]);
    });

    it('refuses an owner that does not exist and a system that is not a System', async () => {
      const result = await harness.run(
        'node-service',
        nodeServiceValues({
          owner: 'group:default/nobody',
          system: 'group:default/platform',
        }),
      );
      expect(result.status).toBe('failed');
      const log = result.log.join('\n');
      expect(log).toContain(
        'The owner group:default/nobody does not exist in the catalog.',
      );
      expect(log).toContain(
        'The system group:default/platform is a Group, not a System.',
      );
    });

    it.each([
      ['a relative path that climbs out', '../escape'],
      ['an absolute path', '/tmp/strata-escape'],
    ])(
      'keeps fetch:template inside the workspace: %s',
      async (_, targetPath) => {
        const dir = writeTemplate(
          tmp,
          'paths',
          {
            steps: [
              {
                id: 'generate',
                action: 'fetch:template',
                input: { url: './skeleton', targetPath, values: {} },
              },
            ],
          },
          { 'hello.txt': 'hello' },
        );
        await expect(harness.dryRun(dir, {})).rejects.toThrow(
          /outside its parent|not allowed/i,
        );
        expect(fs.existsSync('/tmp/strata-escape')).toBe(false);
      },
    );

    it.each([
      ['a relative path that climbs out', '..'],
      ['an absolute path', '/etc'],
    ])(
      'keeps publish:local inside the workspace: %s',
      async (_, sourcePath) => {
        const dir = writeTemplate(
          tmp,
          'source',
          {
            steps: [
              {
                id: 'generate',
                action: 'fetch:template',
                input: { url: './skeleton', values: {} },
              },
              {
                id: 'publish',
                action: 'strata:publish:local',
                input: { name: 'escaped', sourcePath },
              },
            ],
          },
          { 'hello.txt': 'hello' },
        );
        await expect(harness.dryRun(dir, {})).rejects.toThrow(
          /outside its parent|not allowed/i,
        );
        expect(fs.readdirSync(harness.repositoriesDir)).toEqual([]);
      },
    );

    it('publishes no symbolic link that leaves the workspace', async () => {
      const dir = writeTemplate(
        tmp,
        'strata-test-symlink',
        {
          parameters: { properties: { sourcePath: { type: 'string' } } },
          steps: [
            {
              id: 'generate',
              action: 'fetch:template',
              input: { url: './skeleton', values: {} },
            },
            {
              id: 'publish',
              action: 'strata:publish:local',
              input: {
                name: 'symlinked',
                sourcePath: '${{ parameters.sourcePath }}',
              },
            },
          ],
        },
        { 'app/hello.txt': 'hello', 'outside.txt': 'not for the repository' },
      );
      const skeleton = path.join(dir, 'skeleton');
      fs.symlinkSync('/etc/hostname', path.join(skeleton, 'app', 'hostname'));
      fs.symlinkSync('../outside.txt', path.join(skeleton, 'app', 'outside'));
      const name = await harness.registerTemplate(
        path.join(dir, 'template.yaml'),
      );

      // A link leaving the folder being published is refused by strata:publish:local.
      const refused = await harness.run(name, { sourcePath: 'app' });
      expect(refused.status).toBe('failed');
      expect(refused.log.join('\n')).toContain(
        'The symbolic link outside points outside the folder being published (../outside.txt)',
      );
      expect(
        fs.existsSync(path.join(harness.repositoriesDir, 'symlinked')),
      ).toBe(false);

      // A link leaving the template is already dropped by fetch:template: never published.
      const published = await harness.run(name, { sourcePath: '.' });
      expect(published.status).toBe('completed');
      const repository = path.join(harness.repositoriesDir, 'symlinked');
      expect(
        fs.readFileSync(path.join(repository, 'app', 'hello.txt'), 'utf8'),
      ).toBe('hello');
      expect(fs.existsSync(path.join(repository, 'app', 'hostname'))).toBe(
        false,
      );
      fs.rmSync(repository, { recursive: true, force: true });
    });

    it('gives template expressions no way to the backend process', async () => {
      const canary = `canary-${Math.random().toString(36).slice(2)}`;
      process.env.STRATA_TEST_CANARY = canary;
      const escape = "constructor.constructor('return process')()";
      const dir = writeTemplate(
        tmp,
        'expressions',
        {
          parameters: { properties: { name: { type: 'string' } } },
          steps: [
            {
              id: 'log',
              action: 'debug:log',
              input: {
                message: `env: \${{ parameters.name.${escape}.env.STRATA_TEST_CANARY }}`,
              },
            },
            {
              id: 'generate',
              action: 'fetch:template',
              input: {
                url: './skeleton',
                values: {
                  name: '${{ parameters.name }}',
                  leak: `\${{ parameters.name.${escape}.env }}`,
                },
              },
            },
          ],
          output: {
            text: [
              {
                title: 'env',
                content: `\${{ parameters.name.${escape}.env.STRATA_TEST_CANARY }}`,
              },
            ],
          },
        },
        {
          'leak.txt': `\${{ values.name.${escape}.env.STRATA_TEST_CANARY }} \${{ values.leak }}`,
        },
      );
      let everything: string;
      try {
        const result = await harness.dryRun(dir, { name: 'report-exporter' });
        everything = JSON.stringify(result);
      } catch (e) {
        // Failing the task is an acceptable answer too; its message must not leak either.
        everything = String(e);
      } finally {
        delete process.env.STRATA_TEST_CANARY;
      }
      expect(everything).not.toContain(canary);
      expect(everything).not.toContain(process.env.PATH!);
    });

    it('keeps secrets out of the log and the output, in a dry run and a real task', async () => {
      const secret = `s3cr3t-${Math.random().toString(36).slice(2)}`;
      const dir = writeTemplate(
        tmp,
        'strata-test-secrets',
        {
          steps: [
            {
              id: 'log',
              action: 'debug:log',
              input: { message: 'token: ${{ secrets.token }}' },
            },
            {
              id: 'check',
              action: 'strata:catalog:check-new-entity',
              input: { name: 'secret-holder', owner: '${{ secrets.token }}' },
            },
          ],
          output: {
            text: [{ title: 'token', content: '${{ secrets.token }}' }],
          },
        },
        {},
      );
      const dryRun = await harness.dryRun(dir, {}, { token: secret }).then(
        r => JSON.stringify(r),
        e => String(e),
      );
      expect(dryRun).not.toContain(secret);

      const name = await harness.registerTemplate(
        path.join(dir, 'template.yaml'),
      );
      const result = await harness.run(name, {}, { token: secret });
      expect(result.status).toBe('failed'); // the owner (the secret) does not exist
      expect(JSON.stringify(result)).not.toContain(secret);
    });
  },
);
