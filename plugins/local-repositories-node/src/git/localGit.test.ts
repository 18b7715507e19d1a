import { createMockDirectory } from '@backstage/backend-test-utils';
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import {
  branchExists,
  commitOnNewBranch,
  createRepository,
  headCommit,
  isRepository,
  readCommittedFile,
} from './localGit';
import { checkBranchName } from './branchName';

/** Reads the repository with the real git CLI, so the objects are checked by Git itself. */
function git(dir: string, ...args: string[]) {
  return execFileSync('git', ['-C', dir, ...args], { encoding: 'utf8' });
}

describe('local Git helper', () => {
  const root = createMockDirectory();
  const repo = () => path.join(root.path, 'api-gateway');
  beforeEach(() => root.clear());

  const create = () =>
    createRepository({
      dir: repo(),
      defaultBranch: 'main',
      files: [
        { path: 'gateway/routes.yaml', content: 'routes: []\n' },
        { path: 'bin/start', content: '#!/bin/sh\n', kind: 'executable' },
        {
          path: 'routes.yaml',
          content: 'gateway/routes.yaml',
          kind: 'symlink',
        },
      ],
      message: 'Create api-gateway',
    });

  it('creates a repository whose first commit holds files, executables and links', async () => {
    const commit = await create();
    expect(await isRepository(repo())).toBe(true);
    expect(git(repo(), 'rev-parse', 'main').trim()).toBe(commit);
    expect(git(repo(), 'log', '--format=%an <%ae>%n%s', 'main')).toBe(
      'Strata <strata@localhost>\nCreate api-gateway\n',
    );
    expect(git(repo(), 'ls-tree', '-r', 'main').replace(/ \w{40}/g, '')).toBe(
      '100755 blob\tbin/start\n' +
        '100644 blob\tgateway/routes.yaml\n' +
        '120000 blob\troutes.yaml\n',
    );
    expect(git(repo(), 'status', '--porcelain')).toBe('');
    git(repo(), 'fsck', '--strict');
  });

  it("names HEAD's commit, and nothing for a folder that is not a repository", async () => {
    const commit = await create();
    expect(await headCommit(repo())).toBe(commit);
    fs.mkdirSync(path.join(root.path, 'plain'));
    expect(await headCommit(path.join(root.path, 'plain'))).toBeUndefined();
  });

  it('commits on a new branch without touching the working tree, and reads it back', async () => {
    await create();
    const commit = await commitOnNewBranch({
      dir: repo(),
      baseBranch: 'main',
      branch: 'strangler/report-exporter-5pct',
      files: [
        { path: 'gateway/routes.yaml', content: 'routes: [x]\n' },
        { path: 'new/run.sh', content: 'echo\n', kind: 'executable' },
      ],
      message: 'Split',
    });
    const branch = 'strangler/report-exporter-5pct';
    expect(git(repo(), 'rev-parse', branch).trim()).toBe(commit);
    expect(git(repo(), 'rev-parse', `${branch}~1`)).toBe(
      git(repo(), 'rev-parse', 'main'),
    );
    expect(await branchExists(repo(), branch)).toBe(true);
    expect(await readCommittedFile(repo(), branch, 'gateway/routes.yaml')).toBe(
      'routes: [x]\n',
    );
    expect(await readCommittedFile(repo(), 'main', 'gateway/routes.yaml')).toBe(
      'routes: []\n',
    );
    expect(
      await readCommittedFile(repo(), branch, 'missing.yaml'),
    ).toBeUndefined();
    expect(git(repo(), 'ls-tree', branch, 'new/run.sh')).toMatch(/^100755 /);
    expect(
      fs.readFileSync(path.join(repo(), 'gateway/routes.yaml'), 'utf8'),
    ).toBe('routes: []\n');
    git(repo(), 'fsck', '--strict');
  });

  it('refuses paths outside the repository and branch names Git would not take', async () => {
    await expect(
      createRepository({
        dir: repo(),
        defaultBranch: 'main',
        files: [{ path: '.git/hooks/post-commit', content: 'x' }],
        message: 'x',
      }),
    ).rejects.toThrow(
      "'.git/hooks/post-commit' is not a plain relative path inside the repository",
    );
    expect(fs.existsSync(repo())).toBe(false);
    for (const bad of ['a..b', 'x/.hidden', 'a.lock', '/a']) {
      expect(() => checkBranchName(bad)).toThrow(
        `'${bad}' is not a valid branch name`,
      );
    }
    expect(checkBranchName('strangler/a-5pct')).toBeUndefined();
  });
});
