import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { startFakePortal } from './__testUtils__/fakePortal';

const packageDir = path.resolve(__dirname, '..');
const repoRoot = path.resolve(packageDir, '../..');
const exec = promisify(execFile);

/**
 * The self-contained script as the portal serves it, built by scripts/bundle.mjs
 * and run the way a service repository's CI runs it: copied to a folder outside
 * this repository (no node_modules anywhere above it) and started with plain
 * `node`, nothing on NODE_PATH.
 */
describe('strata-catalog.mjs, the bundled script', () => {
  let outside: string;
  let bundleOutput: string;

  beforeAll(async () => {
    const buildDir = fs.mkdtempSync(path.join(os.tmpdir(), 'strata-bundle-'));
    const { stdout } = await exec(
      process.execPath,
      [
        'scripts/bundle.mjs',
        '--outfile',
        path.join(buildDir, 'strata-catalog.mjs'),
      ],
      { cwd: packageDir },
    );
    bundleOutput = stdout;

    outside = fs.mkdtempSync(path.join(os.tmpdir(), 'service-repo-'));
    fs.copyFileSync(
      path.join(buildDir, 'strata-catalog.mjs'),
      path.join(outside, 'strata-catalog.mjs'),
    );
    fs.rmSync(buildDir, { recursive: true, force: true });
    for (const fixture of [
      'bad-slo.yaml',
      'clean.yaml',
      'missing-field.yaml',
      'missing-group.yaml',
    ]) {
      fs.copyFileSync(
        path.join(packageDir, 'fixtures', fixture),
        path.join(outside, fixture),
      );
    }
  }, 60_000);

  afterAll(() => {
    fs.rmSync(outside, { recursive: true, force: true });
  });

  /** `node strata-catalog.mjs ...args` in the outside folder. */
  async function run(...args: string[]) {
    try {
      const { stdout, stderr } = await exec(
        process.execPath,
        ['strata-catalog.mjs', ...args],
        { cwd: outside, env: { PATH: process.env.PATH } },
      );
      return { code: 0, stdout, stderr };
    } catch (e) {
      const error = e as { code: number; stdout: string; stderr: string };
      return { code: error.code, stdout: error.stdout, stderr: error.stderr };
    }
  }

  it('is one file in a folder with no node_modules above it', () => {
    expect(fs.readdirSync(outside).sort()).toEqual([
      'bad-slo.yaml',
      'clean.yaml',
      'missing-field.yaml',
      'missing-group.yaml',
      'strata-catalog.mjs',
    ]);
    for (
      let dir = outside;
      dir !== path.dirname(dir);
      dir = path.dirname(dir)
    ) {
      expect(fs.existsSync(path.join(dir, 'node_modules'))).toBe(false);
    }
    expect(path.relative(repoRoot, outside).startsWith('..')).toBe(true);
    // What the build step logs: where, how big, how long.
    expect(bundleOutput).toMatch(
      /^strata-catalog \S+: .*strata-catalog\.mjs \(\d+ KiB\) in \d+ ms\n$/,
    );
  });

  it('exits 0 on a valid file', async () => {
    const { code, stdout } = await run('validate', 'clean.yaml');
    expect(stdout.trim()).toBe('1 files, 1 entities, 0 errors, 0 warnings');
    expect(code).toBe(0);
  });

  it('exits 1 on a violation and names it as file:line:column', async () => {
    const { code, stdout } = await run('validate', 'missing-field.yaml');
    expect(stdout.split('\n')[0]).toBe(
      'missing-field.yaml:3:1  error  Missing required field metadata.name  [required-field]',
    );
    expect(code).toBe(1);
  });

  it("checks OpenSLO files with the portal's OpenSLO rules", async () => {
    const { code, stdout } = await run('validate', 'bad-slo.yaml');
    expect(
      stdout.split('\n').filter(line => /^\S+:\d+:\d+ /.test(line)),
    ).toEqual([
      'bad-slo.yaml:8:17  error  indicatorRef "payments-non-5xx" names no kind: SLI document in this file  [openslo/unknown-indicator]',
      'bad-slo.yaml:13:15  error  target 99.9 is out of range: it must be a number greater than 0 and less than 1 (0.999 = 99.9%)  [openslo/invalid-target]',
    ]);
    expect(code).toBe(1);
  });

  it('prints GitHub annotations with --format github', async () => {
    const { code, stdout } = await run(
      'validate',
      '--format',
      'github',
      'missing-field.yaml',
      'clean.yaml',
    );
    expect(stdout.split('\n')).toEqual([
      expect.stringMatching(
        /^::error file=missing-field\.yaml,line=3,col=1,title=required-field::Missing required field metadata\.name \(.+\)$/,
      ),
      '2 files, 1 entities, 1 errors, 0 warnings',
      '',
    ]);
    expect(code).toBe(1);
  });

  it('prints the version it was built from with --version', async () => {
    const { version } = JSON.parse(
      fs.readFileSync(path.join(packageDir, 'package.json'), 'utf8'),
    );
    const { code, stdout } = await run('--version');
    expect(stdout.trim()).toMatch(
      new RegExp(
        `^strata-catalog ${version.replace(/\./g, '\\.')}\\+[0-9a-f]{7,12}$`,
      ),
    );
    expect(code).toBe(0);
  });

  it('exits 2 with the usage on a wrong flag', async () => {
    const { code, stderr } = await run('validate', '--colour', 'clean.yaml');
    expect(stderr).toContain('Usage: strata-catalog validate');
    expect(code).toBe(2);
  });

  it('checks references against a portal with --portal and a token', async () => {
    const portal = await startFakePortal({
      entities: ['system:default/payments', 'resource:default/payments-db'],
      token: 'ci-token-123',
    });
    try {
      const { code, stdout } = await run(
        'validate',
        '--portal',
        portal.url,
        '--token',
        'ci-token-123',
        'missing-group.yaml',
      );
      expect(stdout).toContain(
        'missing-group.yaml:9:10  error  spec.owner refers to group:default/ghost-team, which does not exist  [missing-reference]',
      );
      expect(code).toBe(1);
      expect(portal.requests).toEqual([
        expect.objectContaining({ authorization: 'Bearer ci-token-123' }),
      ]);
    } finally {
      await portal.close();
    }
  });
});
