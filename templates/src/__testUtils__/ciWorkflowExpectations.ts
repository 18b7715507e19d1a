import { execFile } from 'node:child_process';
import fs from 'node:fs';
import http from 'node:http';
import { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { parse as parseYaml } from 'yaml';

/**
 * The GitHub expressions a rendered workflow may carry: the templates write them in
 * nunjucks raw blocks, so they are the only `${{` left after rendering, and only these.
 */
const workflowExpression =
  /\$\{\{ (?:vars|secrets)\.STRATA_(?:URL|CI_TOKEN) \}\}/g;

/** The text with the allowed GitHub expressions of workflow files taken out. */
export function withoutWorkflowExpressions(file: string, text: string): string {
  return file.startsWith('.github/workflows/')
    ? text.replace(workflowExpression, '')
    : text;
}

type Step = { name?: string; uses?: string; run?: string; env?: unknown };

/** The step of the rendered workflow that validates catalog-info.yaml. */
export function catalogValidationStep(workflowText: string): Step {
  const steps: Step[] = parseYaml(workflowText).jobs.test.steps;
  const step = steps.find(s =>
    s.run?.includes('/api/catalog-validation/cli/strata-catalog.mjs'),
  );
  expect(step).toBeDefined();
  // Before any build or test: only the checkout and tool set-up come first, so a broken
  // catalog entry fails fast.
  const before = steps.slice(0, steps.indexOf(step!));
  expect(before[0]?.uses).toBe('actions/checkout@v4');
  expect(before.filter(s => !s.uses)).toEqual([]);
  expect(step!.env).toEqual({
    STRATA_URL: '${{ vars.STRATA_URL }}',
    STRATA_CI_TOKEN: '${{ secrets.STRATA_CI_TOKEN }}',
  });
  return step!;
}

const exec = promisify(execFile);

/**
 * Runs the step's command with bash as a runner would, against a stand-in portal on 127.0.0.1
 * that serves a script printing its arguments only to the CI token. Returns what it printed.
 */
export async function runCatalogValidationStep(
  step: Step,
  catalogInfo: string,
  env: { url?: string } = {},
): Promise<{
  code: number;
  stdout: string;
  stderr: string;
  requests: string[];
}> {
  const token = 'ci-token-0123456789';
  const requests: string[] = [];
  const server = http.createServer((req, res) => {
    requests.push(`${req.method} ${req.url}`);
    if (req.headers.authorization !== `Bearer ${token}`) {
      res.writeHead(401).end();
      return;
    }
    res.writeHead(200, { 'content-type': 'text/javascript' });
    res.end(
      'import fs from "node:fs";\n' +
        'console.log(["ran", ...process.argv.slice(2), fs.readFileSync(process.argv.at(-1), "utf8").length > 0].join(" "));\n',
    );
  });
  await new Promise<void>(resolve => server.listen(0, '127.0.0.1', resolve));
  const workspace = fs.mkdtempSync(path.join(os.tmpdir(), 'strata-ci-step-'));
  try {
    const repo = path.join(workspace, 'repo');
    const runnerTemp = path.join(workspace, 'runner-temp');
    fs.mkdirSync(repo);
    fs.mkdirSync(runnerTemp);
    fs.writeFileSync(path.join(repo, 'catalog-info.yaml'), catalogInfo);
    const url =
      env.url ?? `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    return await exec(
      // GitHub's default shell for run steps.
      'bash',
      ['--noprofile', '--norc', '-eo', 'pipefail', '-c', step.run!],
      {
        cwd: repo,
        env: {
          PATH: process.env.PATH,
          RUNNER_TEMP: runnerTemp,
          STRATA_CI_TOKEN: token,
          ...(url ? { STRATA_URL: url } : {}),
        },
      },
    ).then(
      ({ stdout, stderr }) => ({ code: 0, stdout, stderr, requests }),
      (e: { code: number; stdout: string; stderr: string }) => ({
        code: e.code,
        stdout: e.stdout,
        stderr: e.stderr,
        requests,
      }),
    );
  } finally {
    fs.rmSync(workspace, { recursive: true, force: true });
    await new Promise(resolve => server.close(resolve));
  }
}

/** The rendered validation step downloads the portal's script with the token and runs it. */
export async function expectCatalogValidationStep(
  workflowText: string,
  catalogInfo: string,
) {
  const step = catalogValidationStep(workflowText);
  const ran = await runCatalogValidationStep(step, catalogInfo);
  expect(ran).toEqual({
    code: 0,
    stdout: 'ran validate --format github --strict catalog-info.yaml true\n',
    stderr: '',
    requests: ['GET /api/catalog-validation/cli/strata-catalog.mjs'],
  });
  const unset = await runCatalogValidationStep(step, catalogInfo, { url: '' });
  expect(unset.code).not.toBe(0);
  expect(unset.stderr).toContain('STRATA_URL: set the STRATA_URL variable');
}
