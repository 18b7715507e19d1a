import { createMockDirectory } from '@backstage/backend-test-utils';
import { createMockActionContext } from '@backstage/plugin-scaffolder-node-test-utils';
import git from 'isomorphic-git';
import fs from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import {
  createPublishLocalAction,
  initialCommitMessage,
} from './publishLocalAction';

describe('strata:publish:local', () => {
  const root = createMockDirectory();
  const repositoriesDir = () => root.resolve('repositories');
  const workspace = () => root.resolve('workspace');
  const run = (
    input: Record<string, string>,
    isDryRun = false,
    enabled?: boolean,
  ) => {
    const action = createPublishLocalAction({
      repositoriesDir: repositoriesDir(),
      enabled,
    });
    const ctx = {
      ...createMockActionContext({
        input,
        workspacePath: workspace(),
        user: { ref: 'user:default/jane' },
      }),
      isDryRun,
    };
    return action.handler(ctx as any).then(() => ctx);
  };

  beforeEach(() => {
    root.clear();
    root.addContent({
      workspace: {
        'catalog-info.yaml': 'kind: Component',
        'src/main.ts': 'console.log(1);',
        'docs/readme.md': 'docs',
      },
    });
  });

  it('commits the workspace into a new repository, once, by Strata for the user', async () => {
    const ctx = await run({
      name: 'report-exporter',
      description: 'Exports reports',
    });
    const repo = path.join(repositoriesDir(), 'report-exporter');
    const commits = await git.log({ fs, dir: repo });
    expect(commits).toHaveLength(1);
    expect(commits[0].commit.author.name).toBe('Strata');
    expect(commits[0].commit.message).toBe(
      'Create report-exporter: Exports reports\n\nCreated-By: user:default/jane\n',
    );
    expect(await git.currentBranch({ fs, dir: repo })).toBe('main');
    expect((await git.listFiles({ fs, dir: repo })).sort()).toEqual([
      'catalog-info.yaml',
      'docs/readme.md',
      'src/main.ts',
    ]);
    expect(ctx.output).toHaveBeenCalledWith('repositoryPath', repo);
    expect(ctx.output).toHaveBeenCalledWith(
      'remoteUrl',
      pathToFileURL(repo).toString(),
    );
    expect(ctx.output).toHaveBeenCalledWith('commitHash', commits[0].oid);
    expect(ctx.output).toHaveBeenCalledWith(
      'catalogInfoPath',
      path.join(repo, 'catalog-info.yaml'),
    );
  });

  it('publishes only sourcePath, on the branch asked for', async () => {
    await run({
      name: 'docs-only',
      sourcePath: 'docs',
      defaultBranch: 'trunk',
    });
    const repo = path.join(repositoriesDir(), 'docs-only');
    expect(await git.listFiles({ fs, dir: repo })).toEqual(['readme.md']);
    expect(await git.currentBranch({ fs, dir: repo })).toBe('trunk');
  });

  it('refuses a taken name, a bad name, and a source outside the workspace', async () => {
    await run({ name: 'report-exporter' });
    await expect(run({ name: 'report-exporter' })).rejects.toThrow(
      /A local repository named report-exporter already exists/,
    );
    await expect(run({ name: '../escape' })).rejects.toThrow(
      'The repository name "../escape" is not allowed',
    );
    await expect(
      run({ name: 'escape-one', sourcePath: '../' }),
    ).rejects.toThrow(/outside its parent/);
    await expect(
      run({ name: 'escape-two', sourcePath: '/etc' }),
    ).rejects.toThrow(/outside its parent/);
    expect(fs.readdirSync(repositoriesDir())).toEqual(['report-exporter']);
  });

  it('refuses a symbolic link that leaves the workspace, naming it', async () => {
    fs.symlinkSync('/etc/hostname', path.join(workspace(), 'src', 'host'));
    await expect(run({ name: 'linked' })).rejects.toThrow(
      'The symbolic link src/host points to the absolute path /etc/hostname',
    );
    expect(fs.existsSync(path.join(repositoriesDir(), 'linked'))).toBe(false);
  });

  it('checks everything but writes nothing in a dry run', async () => {
    const ctx = await run({ name: 'report-exporter' }, true);
    expect(fs.existsSync(repositoriesDir())).toBe(false);
    expect(ctx.output).toHaveBeenCalledWith('commitHash', 'dry-run');
    expect(ctx.output).toHaveBeenCalledWith(
      'repositoryPath',
      path.join(repositoriesDir(), 'report-exporter'),
    );
    fs.symlinkSync('../../outside', path.join(workspace(), 'src', 'out'));
    await expect(run({ name: 'report-exporter' }, true)).rejects.toThrow(
      /points outside the folder being published/,
    );
  });

  it.each([false, true])(
    'refuses where local publishing is switched off (dry run: %s), writing nothing',
    async isDryRun => {
      await expect(
        run({ name: 'report-exporter' }, isDryRun, false),
      ).rejects.toThrow(
        'choose GitHub under "Where should the repository live?"',
      );
      expect(fs.existsSync(repositoriesDir())).toBe(false);
    },
  );
});

describe('initialCommitMessage', () => {
  it('keeps the subject on one line and names template and user in trailers', () => {
    expect(
      initialCommitMessage({
        name: 'x',
        description: 'line one\nline two',
        userRef: 'user:default/jane',
        templateRef: 'template:default/node-service',
      }),
    ).toBe(
      'Create x: line one\n\nStrata-Template: template:default/node-service\nCreated-By: user:default/jane\n',
    );
  });
});
