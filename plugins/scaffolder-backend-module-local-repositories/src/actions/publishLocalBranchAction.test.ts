import {
  createMockDirectory,
  mockServices,
} from '@backstage/backend-test-utils';
import { createMockActionContext } from '@backstage/plugin-scaffolder-node-test-utils';
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { createRepository } from '@internal/plugin-local-repositories-node';
import { createPublishLocalBranchAction } from './publishLocalBranchAction';

/** Reads the repository with the real git CLI, so the objects are checked by Git itself. */
function git(dir: string, ...args: string[]) {
  return execFileSync('git', ['-C', dir, ...args], { encoding: 'utf8' });
}

const split =
  'routes:\n  - path: /api/v1/reports\n    service: report-exporter\n';

jest.setTimeout(30_000);

describe('strata:publish:local-branch', () => {
  const root = createMockDirectory();
  const repositoriesDir = () => path.join(root.path, 'repositories');
  const workspacePath = () => path.join(root.path, 'workspace');
  const input = {
    repository: 'api-gateway',
    branch: 'strangler/report-exporter-5pct',
    sourcePath: 'gateway-change',
    commitMessage:
      'Send 5% of /api/v1/reports to report-exporter, fallback admin',
    initialFiles: [{ path: 'gateway/routes.yaml', content: 'routes: []\n' }],
  };
  const run = (overrides: object = {}, isDryRun = false) => {
    const logger = mockServices.logger.mock();
    const ctx = {
      ...createMockActionContext({
        input: { ...input, ...overrides },
        workspacePath: workspacePath(),
        logger,
        user: { ref: 'user:default/ada' },
      }),
      isDryRun,
    };
    const action = createPublishLocalBranchAction({
      repositoriesDir: repositoriesDir(),
    });
    return { done: action.handler(ctx as any), ctx, logger };
  };

  beforeEach(() => {
    root.setContent({
      repositories: {},
      workspace: { 'gateway-change': { gateway: { 'routes.yaml': split } } },
    });
  });

  it('creates a missing repository with the initial files on main, then the branch', async () => {
    const { done, ctx } = run();
    await done;
    const repo = path.join(repositoriesDir(), 'api-gateway');
    expect(git(repo, 'log', '--format=%s', 'main').trim()).toBe(
      'Create api-gateway',
    );
    expect(git(repo, 'show', 'main:gateway/routes.yaml')).toBe('routes: []\n');
    expect(git(repo, 'show', `${input.branch}:gateway/routes.yaml`)).toBe(
      split,
    );
    expect(git(repo, 'log', '--format=%B', '-1', input.branch)).toBe(
      `${input.commitMessage}\n\nRequested-by: user:default/ada\n\n`,
    );
    expect(git(repo, 'rev-parse', `${input.branch}~1`)).toBe(
      git(repo, 'rev-parse', 'main'),
    );
    // the checked-out working tree still shows main
    expect(
      fs.readFileSync(path.join(repo, 'gateway/routes.yaml'), 'utf8'),
    ).toBe('routes: []\n');
    git(repo, 'fsck', '--strict');
    expect(ctx.output).toHaveBeenCalledWith('repositoryPath', repo);
    expect(ctx.output).toHaveBeenCalledWith('branch', input.branch);
    expect(ctx.output).toHaveBeenCalledWith('repositoryCreated', true);
    expect(ctx.output).toHaveBeenCalledWith(
      'commitHash',
      git(repo, 'rev-parse', input.branch).trim(),
    );
  });

  it('branches from main of an existing repository, keeping its other files', async () => {
    const repo = path.join(repositoriesDir(), 'api-gateway');
    await createRepository({
      dir: repo,
      defaultBranch: 'main',
      files: [
        { path: 'README.md', content: '# gateway\n' },
        { path: 'gateway/routes.yaml', content: 'routes: []\n' },
        { path: 'gateway/plugins/auth.yaml', content: 'auth: on\n' },
      ],
      message: 'init',
      author: { name: 'Test', email: 'test@example.invalid' },
    });
    const { done, ctx } = run();
    await done;
    expect(
      git(repo, 'ls-tree', '-r', '--name-only', input.branch)
        .trim()
        .split('\n'),
    ).toEqual([
      'README.md',
      'gateway/plugins/auth.yaml',
      'gateway/routes.yaml',
    ]);
    expect(git(repo, 'show', `${input.branch}:gateway/routes.yaml`)).toBe(
      split,
    );
    expect(git(repo, 'show', 'main:gateway/routes.yaml')).toBe('routes: []\n');
    expect(git(repo, 'status', '--porcelain')).toBe('');
    git(repo, 'fsck', '--strict');
    expect(ctx.output).toHaveBeenCalledWith('repositoryCreated', false);
  });

  it('refuses a branch that already exists', async () => {
    await run().done;
    await expect(run().done).rejects.toThrow(
      'The branch strangler/report-exporter-5pct already exists in the local repository api-gateway',
    );
  });

  it('writes nothing in a dry run', async () => {
    const { done, ctx, logger } = run({}, true);
    await done;
    expect(fs.readdirSync(repositoriesDir())).toEqual([]);
    expect(ctx.output).toHaveBeenCalledWith('commitHash', 'dry-run');
    expect(logger.info).toHaveBeenCalledWith(
      expect.stringContaining(
        'Dry run: would create the local repository api-gateway, then commit gateway/routes.yaml on branch strangler/report-exporter-5pct',
      ),
    );
  });

  it.each([
    [
      { repository: '../outside' },
      'The repository name "../outside" is not allowed',
    ],
    [{ repository: '.git' }, 'The repository name ".git" is not allowed'],
    [{ branch: 'a..b' }, "'a..b' is not a valid branch name"],
    [{ branch: 'x/.hidden' }, "'x/.hidden' is not a valid branch name"],
    [
      { sourcePath: '../repositories' },
      'Relative path is not allowed to refer to a directory outside its parent',
    ],
    [{ sourcePath: 'missing' }, 'does not exist in the workspace'],
    [
      { initialFiles: [{ path: '.git/hooks/post-commit', content: 'x' }] },
      "'.git/hooks/post-commit' is not a plain relative path inside the repository",
    ],
    [
      { initialFiles: [{ path: '../x', content: 'x' }] },
      "'../x' is not a plain relative path inside the repository",
    ],
  ])('refuses %j', async (overrides, message) => {
    await expect(run(overrides).done).rejects.toThrow(message);
    expect(fs.readdirSync(repositoriesDir())).toEqual([]);
  });

  it('refuses a directory of that name that is not a repository', async () => {
    fs.mkdirSync(path.join(repositoriesDir(), 'api-gateway'));
    await expect(run().done).rejects.toThrow(
      `${path.join(
        repositoriesDir(),
        'api-gateway',
      )} exists but is not a Git repository`,
    );
    expect(fs.readdirSync(path.join(repositoriesDir(), 'api-gateway'))).toEqual(
      [],
    );
  });

  it('refuses symbolic links that leave the source, and never commits Git metadata', async () => {
    const secret = path.join(root.path, 'secret.txt');
    fs.writeFileSync(secret, 'do not publish');
    const source = path.join(workspacePath(), 'gateway-change');
    fs.symlinkSync(secret, path.join(source, 'leak.txt'));
    await expect(run().done).rejects.toThrow(
      `The symbolic link leak.txt points to the absolute path ${secret}`,
    );
    fs.unlinkSync(path.join(source, 'leak.txt'));
    fs.symlinkSync(
      '../../secret.txt',
      path.join(source, 'gateway', 'leak.txt'),
    );
    await expect(run().done).rejects.toThrow(
      'The symbolic link gateway/leak.txt points outside the folder being published (../../secret.txt)',
    );
    expect(fs.readdirSync(repositoriesDir())).toEqual([]);
    fs.unlinkSync(path.join(source, 'gateway', 'leak.txt'));
    fs.mkdirSync(path.join(source, '.git', 'hooks'), { recursive: true });
    fs.writeFileSync(path.join(source, '.git', 'hooks', 'post-commit'), 'x');
    await run().done;
    const repo = path.join(repositoriesDir(), 'api-gateway');
    expect(git(repo, 'ls-tree', '-r', '--name-only', input.branch).trim()).toBe(
      'gateway/routes.yaml',
    );
  });
});
