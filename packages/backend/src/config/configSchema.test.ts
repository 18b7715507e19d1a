/*
 * Strata's configuration is declared: every package's config.d.ts ("configSchema" in its
 * package.json) is collected from the backend's dependency tree the way Backstage collects it
 * (`backstage-cli config:check --package backend`), and the real app-config files must match
 * it. A wrong type under a declared key is an error naming that key, not a silent default.
 * Unknown keys are rejected only in strict mode (`config:check --strict`), which the real
 * files pass too: a misspelled key is then an error as well.
 */
import fs from 'node:fs';
import path from 'node:path';
import {
  ConfigSchema,
  ConfigSources,
  loadConfigSchema,
} from '@backstage/config-loader';
import { AppConfig } from '@backstage/config';

const repoRoot = path.resolve(__dirname, '../../../..');

/** Placeholders for what app-config.production.yaml reads from the environment. */
const productionEnv: Record<string, string> = {
  STRATA_BASE_URL: 'https://strata.example.com',
  POSTGRES_HOST: 'postgres.internal',
  POSTGRES_USER: 'strata',
  POSTGRES_PASSWORD: 'placeholder-password',
  AUTH_GITHUB_CLIENT_ID: 'placeholder-client-id',
  AUTH_GITHUB_CLIENT_SECRET: 'placeholder-client-secret',
  GITHUB_TOKEN: 'placeholder-token',
  GITHUB_ORG: 'dataflow',
};

/** Reads config files as the backend does; unset variables fall back to their `:-` defaults. */
async function readConfigs(
  files: string[],
  env: Record<string, string> = {},
): Promise<AppConfig[]> {
  const source = ConfigSources.defaultForTargets({
    rootDir: repoRoot,
    targets: files.map(file => ({
      type: 'path',
      target: path.join(repoRoot, file),
    })),
    substitutionFunc: async name => env[name],
  });
  for await (const { configs } of source.readConfigData()) {
    return configs;
  }
  throw new Error(`no configuration read from ${files.join(', ')}`);
}

/** The workspace packages that declare a config schema. */
function strataPackagesWithSchema(): string[] {
  return ['plugins', 'packages'].flatMap(folder =>
    fs
      .readdirSync(path.join(repoRoot, folder))
      .map(name => path.join(repoRoot, folder, name, 'package.json'))
      .filter(file => fs.existsSync(file))
      .map(file => JSON.parse(fs.readFileSync(file, 'utf8')))
      .filter(pkg => typeof pkg.configSchema === 'string')
      .map(pkg => pkg.name as string),
  );
}

describe('Strata configuration schema', () => {
  let schema: ConfigSchema;

  beforeAll(async () => {
    // As the CLI does for the backend package: its whole dependency tree plus the root
    // package.json. No onSchemaError: a schema that does not compile fails the test.
    schema = await loadConfigSchema({
      dependencies: ['backend'],
      packagePaths: [path.join(repoRoot, 'package.json')],
    });
  }, 180_000);

  it("collects every Strata package's config.d.ts through the backend's dependencies", () => {
    const collected = schema.serialize().schemas as { packageName: string }[];
    const names = new Set(collected.map(s => s.packageName));
    const declared = strataPackagesWithSchema();
    expect(declared).toEqual(
      expect.arrayContaining([
        '@internal/plugin-catalog-backend-module-entity-guards',
        '@internal/plugin-catalog-backend-module-file-watch-refresh',
        '@internal/plugin-catalog-backend-module-service-model',
        '@internal/plugin-catalog-edits-backend',
        '@internal/plugin-catalog-validation-backend',
        '@internal/plugin-deployments-backend',
        '@internal/plugin-governance-backend',
        '@internal/plugin-governance-common',
        '@internal/plugin-local-repositories-node',
        '@internal/plugin-ownership-backend',
        '@internal/plugin-ownership-backend-module-pagerduty',
        '@internal/plugin-permission-backend-module-strata-policy',
        '@internal/plugin-scaffolder-backend-module-local-repositories',
        '@internal/plugin-scaffolder-backend-module-strangler',
        '@internal/plugin-scaffolder-backend-module-template-globals',
        '@internal/plugin-telemetry-backend',
        '@internal/plugin-telemetry-backend-module-demo-traffic',
        '@internal/plugin-telemetry-backend-module-prometheus',
      ]),
    );
    expect(declared.filter(name => !names.has(name))).toEqual([]);
  });

  it.each([
    ['app-config.yaml', ['app-config.yaml'], {}],
    [
      'app-config.yaml + app-config.production.yaml',
      ['app-config.yaml', 'app-config.production.yaml'],
      productionEnv,
    ],
  ])('accepts the real %s', async (_name, files, env) => {
    const configs = await readConfigs(files, env);
    expect(configs.map(c => path.basename(c.context))).toEqual(files);
    expect(() => schema.process(configs)).not.toThrow();
  });

  it('keeps Strata keys out of the configuration served to the browser', async () => {
    const configs = await readConfigs(['app-config.yaml']);
    const frontend = schema.process(configs, { visibility: ['frontend'] });
    const keys = frontend.flatMap(c => Object.keys(c.data));
    expect(keys).toContain('app');
    expect(keys).not.toContain('strata');
  });

  // Backstage coerces scalars (values from ${ENV} are strings): `maxFileBytes: '2048'` or
  // `otlpEndpoint: 4318` pass the schema; what cannot be coerced is an error.
  it.each([
    [
      { strata: { catalog: { maxFileBytes: 'lots' } } },
      '/strata/catalog/maxFileBytes',
      'must be number',
    ],
    [
      { strata: { catalog: { maxEntityBytes: '256k' } } },
      '/strata/catalog/maxEntityBytes',
      'must be number',
    ],
    [
      { strata: { catalog: { allowedFileLocationRoots: '../../examples' } } },
      '/strata/catalog/allowedFileLocationRoots',
      'must be array',
    ],
    [
      { strata: { scaffolder: { localPublishing: 'no' } } },
      '/strata/scaffolder/localPublishing',
      'must be boolean',
    ],
    [
      { strata: { scaffolder: { templatesDir: ['../../templates'] } } },
      '/strata/scaffolder/templatesDir',
      'must be string',
    ],
    [
      { strata: { telemetry: { otlpEndpoint: { port: 4318 } } } },
      '/strata/telemetry/otlpEndpoint',
      'must be string',
    ],
    [
      { strata: { serviceModel: { strict: 'yes' } } },
      '/strata/serviceModel/strict',
      'must be boolean',
    ],
    [
      { strata: { permissions: { admins: 'group:default/platform' } } },
      '/strata/permissions/admins',
      'must be array',
    ],
    [
      { catalogEdits: { github: { allowedOrganizations: 'dataflow' } } },
      '/catalogEdits/github/allowedOrganizations',
      'must be array',
    ],
    [
      {
        catalogValidation: {
          conflicts: { forgetAfter: { minutes: 'fifteen' } },
        },
      },
      '/catalogValidation/conflicts/forgetAfter',
      'must',
    ],
  ])('rejects %j with a message naming %s', async (typo, key, problem) => {
    const configs = [
      ...(await readConfigs(['app-config.yaml'])),
      { context: 'app-config.local.yaml', data: typo },
    ];
    let message = '';
    try {
      schema.process(configs);
    } catch (error) {
      message = String(error);
    }
    expect(message).toMatch(/^Error: Config validation failed/);
    expect(message).toContain(`${problem}`);
    expect(message).toContain(`at ${key}`);
  });

  it.each([[{ minutes: 15 }], ['PT15M'], ['15m']])(
    'accepts catalogValidation.conflicts.forgetAfter: %j',
    async forgetAfter => {
      const configs = [
        ...(await readConfigs(['app-config.yaml'])),
        {
          context: 'app-config.local.yaml',
          data: { catalogValidation: { conflicts: { forgetAfter } } },
        },
      ];
      expect(() => schema.process(configs)).not.toThrow();
    },
  );

  describe('strict, as `backstage-cli config:check --package backend --strict`', () => {
    let strictSchema: ConfigSchema;

    beforeAll(async () => {
      strictSchema = await loadConfigSchema({
        dependencies: ['backend'],
        packagePaths: [path.join(repoRoot, 'package.json')],
        noUndeclaredProperties: true,
      });
    }, 180_000);

    it.each([
      [['app-config.yaml'], {}],
      [['app-config.yaml', 'app-config.production.yaml'], productionEnv],
    ])(
      'accepts the real %j: every key they set is declared',
      async (files, env) => {
        const configs = await readConfigs(files, env);
        expect(() => strictSchema.process(configs)).not.toThrow();
      },
    );

    it('rejects a misspelled key, naming it and where it is', async () => {
      const configs = [
        ...(await readConfigs(['app-config.yaml'])),
        {
          context: 'app-config.local.yaml',
          data: { strata: { scafolder: { localPublishing: false } } },
        },
      ];
      expect(() => strictSchema.process(configs)).toThrow(
        'Config must NOT have additional properties { additionalProperty=scafolder } at /strata',
      );
    });
  });
});
