import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { captureIo } from './__testUtils__/capture';
import { startFakePortal, unusedLocalUrl } from './__testUtils__/fakePortal';
import { runCli } from './main';

const packageDir = path.resolve(__dirname, '..');
const repoRoot = path.resolve(packageDir, '../..');

/** Runs the command in this package's folder, where fixtures/ is. */
async function run(...argv: string[]) {
  const capture = captureIo(packageDir);
  const code = await runCli(argv, capture.io);
  return { code, stdout: capture.stdout(), stderr: capture.stderr() };
}

/** The `file:line:column ... [rule]` lines of text output. */
function locations(stdout: string): string[] {
  return stdout
    .split('\n')
    .filter(line => /^\S+:\d+:\d+ /.test(line))
    .map(line => `${line.split(' ')[0]} ${/\[([a-z-]+)\]$/.exec(line)?.[1]}`);
}

describe('strata-catalog validate: one fixture per kind of mistake', () => {
  it.each([
    ['broken-yaml.yaml', 'fixtures/broken-yaml.yaml:6:1 yaml-syntax'],
    ['long-name.yaml', 'fixtures/long-name.yaml:4:9 entity-name'],
    ['javascript-link.yaml', 'fixtures/javascript-link.yaml:9:12 unsafe-link'],
    ['unknown-kind.yaml', 'fixtures/unknown-kind.yaml:2:7 unknown-kind'],
    ['missing-field.yaml', 'fixtures/missing-field.yaml:3:1 required-field'],
  ])('%s', async (file, expected) => {
    const { code, stdout } = await run('validate', `fixtures/${file}`);
    expect(locations(stdout)).toEqual([expected]);
    expect(code).toBe(1);
  });

  it('prints the text format with the hint under each violation', async () => {
    const { stdout } = await run('validate', 'fixtures/unknown-kind.yaml');
    expect(stdout.split('\n')).toEqual([
      'fixtures/unknown-kind.yaml:2:7  error  Unknown kind "Service"  [unknown-kind]',
      '    hint: Known kinds: API, Component, Domain, Group, Location, Resource, System, Template, User.',
      '',
      '1 files, 1 entities, 1 errors, 0 warnings',
    ]);
  });

  it('reports an entity declared in two files, naming both', async () => {
    const { code, stdout } = await run('validate', 'fixtures/duplicate-*.yaml');
    expect(locations(stdout)).toEqual([
      'fixtures/duplicate-b.yaml:6:9 duplicate-entity',
    ]);
    expect(stdout).toContain(
      'api:default/payments-api is declared twice: at fixtures/duplicate-a.yaml:4:9 and at fixtures/duplicate-b.yaml:6:9',
    );
    expect(code).toBe(1);
  });

  it('counts the good first document of a multi-document file', async () => {
    const { code, stdout } = await run(
      'validate',
      '--format',
      'json',
      'fixtures/multi-document.yaml',
    );
    const output = JSON.parse(stdout);
    expect(output).toMatchObject({
      files: 1,
      entities: 2,
      errors: 1,
      warnings: 0,
    });
    expect(output.violations).toEqual([
      expect.objectContaining({
        file: 'fixtures/multi-document.yaml',
        line: 13,
        column: 10,
        rule: 'tag-format',
        entityRef: 'resource:default/payments-db',
      }),
    ]);
    expect(code).toBe(1);
  });

  it("reports Strata's service model at the offending nodes", async () => {
    const { code, stdout } = await run(
      'validate',
      'fixtures/service-model.yaml',
    );
    expect(stdout.split('\n')).toEqual([
      'fixtures/service-model.yaml:10:9  error  spec.tier must be the integer 1, 2 or 3, got 7  [service-model]',
      '    hint: Use 1 (customer-facing, paged 24/7), 2, or 3 (internal, best effort).',
      'fixtures/service-model.yaml:20:9  error  spec.tier must be the integer 1, 2 or 3, got "2"  [service-model]',
      '    hint: Write the number without quotes: `tier: 2`.',
      'fixtures/service-model.yaml:23:7  error  spec.produces[1] "api:default/payments-events" has kind "api"; it must be a Resource ref  [service-model]',
      '    hint: Point it at a Resource entity, e.g. `resource:default/pipeline-run-created` (the kind may be omitted: it defaults to resource).',
      'fixtures/service-model.yaml:32:11  error  spec.engine must be one of postgresql, mysql, mariadb, elasticsearch, opensearch, redis, mongodb, got "postgres"  [service-model]',
      '    hint: Write `engine: postgresql`.',
      'fixtures/service-model.yaml:39:1  warning  spec.schema is recommended: No message schema. Every event needs a schema (AsyncAPI): producers and consumers agree on it, and on-call can see what a poison message should have looked like.  [service-model]',
      '    hint: Add `schema: <api-ref>` under spec, e.g. `schema: api:default/pipeline-events` (the AsyncAPI API describing its messages). Required in strict mode.',
      '',
      '1 files, 4 entities, 4 errors, 1 warnings',
    ]);
    expect(code).toBe(1);
  });

  it('passes clean files', async () => {
    const { code, stdout } = await run(
      'validate',
      'fixtures/clean.yaml',
      'fixtures/missing-group.yaml',
    );
    expect(stdout).toBe('2 files, 2 entities, 0 errors, 0 warnings');
    expect(code).toBe(0);
  });

  it('writes GitHub annotations', async () => {
    const { stdout } = await run(
      'validate',
      '--format',
      'github',
      'fixtures/long-name.yaml',
    );
    expect(stdout.split('\n')[0]).toMatch(
      /^::error file=fixtures\/long-name\.yaml,line=4,col=9,title=entity-name::Invalid entity name "a{40}…" \(300 characters\) \(Names must be/,
    );
  });
});

describe('strata-catalog validate --portal', () => {
  it('reports a consumed topic that the portal does not have', async () => {
    const portal = await startFakePortal({
      entities: ['group:default/payments'],
      token: 'ci-token',
    });
    try {
      const { code, stdout } = await run(
        'validate',
        '--portal',
        portal.url,
        '--token',
        'ci-token',
        'fixtures/undeclared-topic.yaml',
      );
      expect(stdout.split('\n')[0]).toBe(
        'fixtures/undeclared-topic.yaml:12:7  error  spec.consumes refers to resource:default/ghost-topic, which does not exist  [missing-reference]',
      );
      expect(code).toBe(1);
    } finally {
      await portal.close();
    }
  });

  it('reports a reference to a group the portal does not have, at the reference', async () => {
    const portal = await startFakePortal({
      entities: ['system:default/payments', 'resource:default/payments-db'],
      token: 'ci-token',
    });
    try {
      const { code, stdout, stderr } = await run(
        'validate',
        '--portal',
        portal.url,
        '--token',
        'ci-token',
        'fixtures/missing-group.yaml',
      );
      expect(stdout.split('\n')).toEqual([
        'fixtures/missing-group.yaml:9:10  error  spec.owner refers to group:default/ghost-team, which does not exist  [missing-reference]',
        '    hint: Register that entity first, or fix the reference (spec.owner defaults to kind Group).',
        '',
        '1 files, 1 entities, 1 errors, 0 warnings',
      ]);
      expect(stderr).toBe(
        `strata-catalog: checked 3 referenced entities in ${portal.url}`,
      );
      expect(code).toBe(1);
      expect(portal.requests).toEqual([
        {
          files: ['fixtures/missing-group.yaml'],
          checkReferences: true,
          authorization: 'Bearer ci-token',
        },
      ]);
    } finally {
      await portal.close();
    }
  });

  it('does not ask the portal for entities declared in the validated files', async () => {
    const portal = await startFakePortal({
      entities: ['system:default/payments'],
    });
    try {
      const { code } = await run(
        'validate',
        '--portal',
        portal.url,
        'fixtures/clean.yaml',
        'fixtures/multi-document.yaml',
      );
      expect(code).toBe(1); // the tag in multi-document.yaml
      expect(portal.requests).toEqual([]);
    } finally {
      await portal.close();
    }
  });

  it('exits 2 when the portal refuses the token', async () => {
    const portal = await startFakePortal({ entities: [], token: 'right' });
    try {
      const { code, stdout, stderr } = await run(
        'validate',
        '--portal',
        portal.url,
        '--token',
        'wrong',
        'fixtures/missing-group.yaml',
      );
      expect(code).toBe(2);
      expect(stdout).toBe('');
      expect(stderr).toBe(
        `strata-catalog: the portal at ${portal.url} refused the catalog request (HTTP 401): check the token`,
      );
    } finally {
      await portal.close();
    }
  });

  it('exits 2 when the portal cannot be reached', async () => {
    const url = await unusedLocalUrl();
    const { code, stderr } = await run(
      'validate',
      '--portal',
      url,
      'fixtures/missing-group.yaml',
    );
    expect(code).toBe(2);
    expect(stderr).toBe(
      `strata-catalog: cannot reach the portal at ${url}: ECONNREFUSED`,
    );
  });
});

describe('strata-catalog exit codes', () => {
  it('exits 0 with warnings only', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'strata-catalog-main-'));
    try {
      const text = fs.readFileSync(
        path.join(packageDir, 'fixtures/clean.yaml'),
        'utf8',
      );
      fs.writeFileSync(
        path.join(dir, 'catalog-info.yaml'),
        text.replace(
          'metadata:\n',
          'metadata:\n  links:\n    - url: ftp://files.example.com\n',
        ),
      );
      const capture = captureIo(dir);
      expect(await runCli(['validate'], capture.io)).toBe(0);
      expect(capture.stdout()).toMatch(
        /^catalog-info.yaml:6:12 {2}warning {2}/,
      );
      expect(capture.stdout()).toMatch(
        /1 files, 1 entities, 0 errors, 1 warnings$/,
      );
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  it.each([
    [
      ['validate', 'fixtures/nope.yaml'],
      'strata-catalog: fixtures/nope.yaml: no such file or directory',
    ],
    [
      ['validate', 'fixtures/**/*.json'],
      'strata-catalog: no catalog files matched fixtures/**/*.json',
    ],
    [
      ['validate', '--format', 'sarif'],
      'strata-catalog: --format must be one of text, github, json, got "sarif"',
    ],
    [['lint'], 'strata-catalog: unknown command "lint"'],
  ])('exits 2 for %j', async (argv, message) => {
    const { code, stderr } = await run(...argv);
    expect(code).toBe(2);
    expect(stderr.split('\n')[0]).toBe(message);
  });

  it('prints help and exits 0', async () => {
    const { code, stdout } = await run('--help');
    expect(code).toBe(0);
    expect(stdout).toMatch(/^Usage: strata-catalog validate/);
  });
});

describe('the demo organisation', () => {
  it('is clean: every file under examples/dataflow validates', async () => {
    const capture = captureIo(repoRoot);
    const code = await runCli(
      ['validate', '--format', 'json', 'examples/dataflow'],
      capture.io,
    );
    const output = JSON.parse(capture.stdout());
    expect(output.violations).toEqual([]);
    expect(output.files).toBe(
      fs
        .readdirSync(path.join(repoRoot, 'examples/dataflow'), {
          recursive: true,
        })
        .filter(f => String(f).endsWith('.yaml')).length,
    );
    expect(output.entities).toBeGreaterThan(output.files);
    expect(code).toBe(0);
  });
});

describe('a catalog written for stock Backstage (examples/backstage-standard)', () => {
  const corpus = async (...flags: string[]) => {
    const capture = captureIo(repoRoot);
    const code = await runCli(
      ['validate', '--format', 'json', ...flags, 'examples/backstage-standard'],
      capture.io,
    );
    return { code, output: JSON.parse(capture.stdout()) };
  };
  /** `file:line rule path` of each violation of a severity. */
  const missing = (violations: any[], severity: string) =>
    violations
      .filter(v => v.severity === severity)
      .map(v => `${v.entityRef} ${v.rule} ${v.message.split(' ')[0]}`);
  const expected = [
    'component:alternative/gift-cards service-model spec.tier',
    'component:default/payment-gateway service-model spec.tier',
    'component:default/payment-webhooks service-model spec.tier',
    'component:default/reporting service-model spec.tier',
    'component:default/storefront-api service-model spec.tier',
    'resource:default/orders-db service-model spec.engine',
    'resource:default/orders-db service-model spec.personalData',
    'resource:default/warehouse-db service-model spec.engine',
    'resource:default/warehouse-db service-model spec.personalData',
    'resource:default/orders-created service-model spec.topic',
    'resource:default/orders-created service-model spec.schema',
  ];

  it('passes with warnings only: the fields Strata adds, nothing else', async () => {
    const { code, output } = await corpus();
    expect(output).toMatchObject({ files: 16, entities: 33, errors: 0 });
    expect(missing(output.violations, 'warning')).toEqual(expected);
    expect(output.warnings).toBe(expected.length);
    expect(code).toBe(0);
  });

  it('fails with --strict: the same fields, as errors', async () => {
    const { code, output } = await corpus('--strict');
    expect(output).toMatchObject({ files: 16, entities: 33, warnings: 0 });
    expect(missing(output.violations, 'error')).toEqual(expected);
    expect(output.errors).toBe(expected.length);
    expect(code).toBe(1);
  });
});
