import path from 'node:path';
import { captureIo } from './__testUtils__/capture';
import { runCli } from './main';

const packageDir = path.resolve(__dirname, '..');

async function run(...argv: string[]) {
  const capture = captureIo(packageDir);
  const code = await runCli(argv, capture.io);
  return { code, stdout: capture.stdout(), stderr: capture.stderr() };
}

/** `file:line:column rule` of each violation line of the text output. */
function locations(stdout: string): string[] {
  return stdout
    .split('\n')
    .filter(line => /^\S+:\d+:\d+ /.test(line))
    .map(line => `${line.split(' ')[0]} ${/\[([a-z/-]+)\]$/.exec(line)?.[1]}`);
}

describe('strata-catalog validate: OpenSLO files', () => {
  it('reports a bad SLO file at file:line:column with the OpenSLO rule and a hint', async () => {
    const { code, stdout } = await run('validate', 'fixtures/bad-slo.yaml');
    expect(stdout.split('\n')).toEqual([
      'fixtures/bad-slo.yaml:8:17  error  indicatorRef "payments-non-5xx" names no kind: SLI document in this file  [openslo/unknown-indicator]',
      '    hint: Add the SLI document to this file, fix the name, or define the indicator inline.',
      'fixtures/bad-slo.yaml:13:15  error  target 99.9 is out of range: it must be a number greater than 0 and less than 1 (0.999 = 99.9%)  [openslo/invalid-target]',
      '    hint: Write the share of good requests as a fraction, e.g. target: 0.999 for 99.9%.',
      '',
      '1 files, 0 entities, 2 errors, 0 warnings',
    ]);
    expect(code).toBe(1);
  });

  it('checks the SLO file a catalog file names (strata.dev/slo-file) along with it', async () => {
    const { code, stdout } = await run(
      'validate',
      'fixtures/slo-service/catalog-info.yaml',
    );
    expect(locations(stdout)).toEqual([
      'fixtures/slo-service/slo.yaml:42:21 openslo/unsupported-filter',
    ]);
    expect(stdout).toContain(
      'add http.request.method="GET" (or whichever method) to http.route="/charges", or write span.name="GET /charges"',
    );
    expect(stdout.split('\n').at(-1)).toBe(
      '2 files, 1 entities, 1 errors, 0 warnings',
    );
    expect(code).toBe(1);
  });

  it('validates it once when both files are given (a folder)', async () => {
    const { stdout } = await run(
      'validate',
      '--format',
      'json',
      'fixtures/slo-service',
    );
    const output = JSON.parse(stdout);
    expect(output).toMatchObject({ files: 2, entities: 1, errors: 1 });
  });

  it('reports an SLO file that is not there at the annotation', async () => {
    const { code, stdout } = await run(
      'validate',
      '--format',
      'github',
      'fixtures/slo-missing/catalog-info.yaml',
    );
    expect(stdout.split('\n')[0]).toBe(
      '::error file=fixtures/slo-missing/catalog-info.yaml,line=7,col=26,title=openslo/unreadable-file::strata.dev/slo-file names fixtures/slo-missing/ops/slo.yaml, which does not exist (Add the SLO file next to the catalog file, or fix the annotation (a path relative to the catalog file).)',
    );
    expect(code).toBe(1);
  });
});
