import {
  scrubStack,
  withoutInstallPaths,
  withoutStackFrames,
} from './scrubStack';

const INSTALL = '/srv/strata';
const paths = [INSTALL, `${INSTALL}/packages/backend`];

/** What upstream's workflow runner writes into the task log: `String(err.stack)`. */
const failedStep = [
  'Error: Timed out waiting for the catalog to serve component:default/payments',
  `    at waitUntilServed (${INSTALL}/plugins/scaffolder-backend-module-local-repositories/src/actions/waitUntilServed.ts:25:9)`,
  '    at async Promise.all (index 0)',
  `    at async NunjucksWorkflowRunner.executeStep (${INSTALL}/node_modules/@backstage/plugin-scaffolder-backend/dist/scaffolder/tasks/NunjucksWorkflowRunner.cjs.js:418:11)`,
  '    at process.processTicksAndRejections (node:internal/process/task_queues:105:5)',
].join('\n');

describe('scrubStack', () => {
  it('keeps the first line of a failed step and drops every frame', () => {
    expect(scrubStack(failedStep, paths)).toBe(
      'Error: Timed out waiting for the catalog to serve component:default/payments',
    );
  });

  it('keeps a multi-line message and "Additional error occurred" text, without frames', () => {
    const text = `Additional error occurred: push refused\nError: push refused\nremote: protected branch\n    at push (${INSTALL}/node_modules/isomorphic-git/index.cjs:1:1)`;
    expect(scrubStack(text, paths)).toBe(
      'Additional error occurred: push refused\nError: push refused\nremote: protected branch',
    );
  });

  it('drops frames inside a logged error serialised as JSON (action logger: logger.error(msg, err))', () => {
    // winston's simple format: `level: message {"stack":"…"}`, line breaks escaped.
    const logged = `\u001b[31merror\u001b[39m: Request failed boom {"cause":{},"stack":"Error: boom\\n    at run (${INSTALL}/plugins/x/src/run.ts:6:11)\\n    at node:internal/process/execution:446:12"}`;
    expect(scrubStack(logged, paths)).toBe(
      '\u001b[31merror\u001b[39m: Request failed boom {"cause":{},"stack":"Error: boom"}',
    );
  });

  it("drops Node's cause summary lines and CRLF frames", () => {
    const text =
      'Error: outer\r\n    at a (/x/a.js:1:1)\n    ... 4 lines matching cause stack trace ...\n    ... 2 more';
    expect(withoutStackFrames(text)).toBe('Error: outer');
  });

  it('leaves text that merely contains "at" alone', () => {
    const text =
      'Waiting at most 30s\nlooked at the catalog: at least one entity';
    expect(withoutStackFrames(text)).toBe(text);
  });

  it('replaces the install directory, longest path first, keeping the relative part', () => {
    expect(
      withoutInstallPaths(
        `ENOENT: no such file or directory, open '${INSTALL}/templates/x/skeleton/README.md'`,
        paths,
      ),
    ).toBe(
      "ENOENT: no such file or directory, open '…/templates/x/skeleton/README.md'",
    );
    expect(
      withoutInstallPaths(`cwd ${INSTALL}/packages/backend/src/x.ts`, paths),
    ).toBe('cwd …/src/x.ts');
    expect(
      withoutInstallPaths(`file://${INSTALL}/app-config.yaml`, paths),
    ).toBe('file://…/app-config.yaml');
  });

  it('does not touch paths that only share a prefix or contain the install path', () => {
    const text = `${INSTALL}-old/x and /mnt${INSTALL}/y`;
    expect(withoutInstallPaths(text, paths)).toBe(text);
  });

  it('drops the prefix of node_modules paths outside the install, keeping the package path', () => {
    expect(
      withoutInstallPaths(
        "Cannot find module '/home/ci/.cache/yarn/node_modules/@backstage/x/node_modules/y/index.js'",
        paths,
      ),
    ).toBe(
      "Cannot find module '…/node_modules/@backstage/x/node_modules/y/index.js'",
    );
  });

  it('leaves the OS temp directory (task workspaces) alone: it names no part of the install', () => {
    const text =
      "ENOENT: no such file or directory, open '/tmp/strata-work/dry-run-1/catalog-info.yaml'";
    expect(scrubStack(text, paths)).toBe(text);
  });

  it('ignores an empty or root install path rather than mangling every path', () => {
    expect(withoutInstallPaths('/srv/strata/x', ['', '/'])).toBe(
      '/srv/strata/x',
    );
  });
});
