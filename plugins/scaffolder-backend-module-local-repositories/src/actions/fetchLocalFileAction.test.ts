import {
  createMockDirectory,
  mockServices,
} from '@backstage/backend-test-utils';
import { createMockActionContext } from '@backstage/plugin-scaffolder-node-test-utils';
import fs from 'node:fs';
import path from 'node:path';
import { createRepository } from '@internal/plugin-local-repositories-node';
import { createFetchLocalFileAction } from './fetchLocalFileAction';

describe('strata:fetch:local-file', () => {
  const root = createMockDirectory();
  const repositoriesDir = () => path.join(root.path, 'repositories');
  const workspacePath = () => path.join(root.path, 'workspace');
  const input = {
    repository: 'api-gateway',
    path: 'gateway/routes.yaml',
    targetPath: 'gateway-change/gateway/routes.yaml',
  };
  const run = (overrides: object = {}, isDryRun = false) => {
    const ctx = {
      ...createMockActionContext({
        input: { ...input, ...overrides },
        workspacePath: workspacePath(),
        logger: mockServices.logger.mock(),
      }),
      isDryRun,
    };
    const action = createFetchLocalFileAction({
      repositoriesDir: repositoriesDir(),
    });
    return action.handler(ctx as any).then(() => ctx);
  };

  beforeEach(() => root.setContent({ repositories: {}, workspace: {} }));

  it('copies the committed file, not the working tree', async () => {
    const repo = path.join(repositoriesDir(), 'api-gateway');
    await createRepository({
      dir: repo,
      defaultBranch: 'main',
      files: [{ path: 'gateway/routes.yaml', content: 'routes: []\n' }],
      message: 'init',
      author: { name: 'Test', email: 'test@example.invalid' },
    });
    fs.writeFileSync(
      path.join(repo, 'gateway/routes.yaml'),
      'uncommitted: true\n',
    );
    const ctx = await run();
    expect(
      fs.readFileSync(path.join(workspacePath(), input.targetPath), 'utf8'),
    ).toBe('routes: []\n');
    expect(ctx.output).toHaveBeenCalledWith('found', true);
  });

  it('reports a missing repository or file without failing', async () => {
    expect((await run()).output).toHaveBeenCalledWith('found', false);
    await createRepository({
      dir: path.join(repositoriesDir(), 'api-gateway'),
      defaultBranch: 'main',
      files: [{ path: 'README.md', content: '#\n' }],
      message: 'init',
      author: { name: 'Test', email: 'test@example.invalid' },
    });
    expect((await run()).output).toHaveBeenCalledWith('found', false);
    expect(fs.readdirSync(workspacePath())).toEqual([]);
  });

  it('copies in a dry run too, since it only reads the repository', async () => {
    const repo = path.join(repositoriesDir(), 'api-gateway');
    await createRepository({
      dir: repo,
      defaultBranch: 'main',
      files: [{ path: 'gateway/routes.yaml', content: 'routes: []\n' }],
      message: 'init',
      author: { name: 'Test', email: 'test@example.invalid' },
    });
    const head = fs.readFileSync(
      path.join(repo, '.git/refs/heads/main'),
      'utf8',
    );
    expect((await run({}, true)).output).toHaveBeenCalledWith('found', true);
    expect(
      fs.readFileSync(path.join(workspacePath(), input.targetPath), 'utf8'),
    ).toBe('routes: []\n');
    expect(
      fs.readFileSync(path.join(repo, '.git/refs/heads/main'), 'utf8'),
    ).toBe(head);
  });

  it.each([
    [{ repository: '../x' }, 'The repository name "../x" is not allowed'],
    [
      { path: '../../etc/passwd' },
      "'../../etc/passwd' is not a plain relative path inside the repository",
    ],
    [
      { path: '/etc/passwd' },
      "'/etc/passwd' is not a plain relative path inside the repository",
    ],
    [
      { targetPath: '../out.yaml' },
      'Relative path is not allowed to refer to a directory outside its parent',
    ],
  ])('refuses %j', async (overrides, message) => {
    await expect(run(overrides)).rejects.toThrow(message);
  });
});
