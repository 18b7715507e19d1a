import git from 'isomorphic-git';
import fs from 'node:fs';
import path from 'node:path';
import { WorkspaceEntry } from './workspaceFiles';

/**
 * Creates a Git repository at `repositoryPath` with `entries` (copied from `sourceDir`) in one
 * commit, and returns the commit hash.
 *
 * isomorphic-git rather than the `git` CLI: it is already what the scaffolder uses, works the
 * same in the container image (which need not ship git) and on a laptop, and takes no global
 * git config (hooks, templates, signing) from the machine it runs on.
 */
export async function createLocalRepository(options: {
  sourceDir: string;
  repositoryPath: string;
  entries: WorkspaceEntry[];
  defaultBranch: string;
  message: string;
}): Promise<string> {
  const { sourceDir, repositoryPath, entries } = options;
  await git.init({
    fs,
    dir: repositoryPath,
    defaultBranch: options.defaultBranch,
  });
  for (const entry of entries) {
    const from = path.join(sourceDir, entry.path);
    const to = path.join(repositoryPath, entry.path);
    await fs.promises.mkdir(path.dirname(to), { recursive: true });
    if (entry.symlink) {
      await fs.promises.symlink(await fs.promises.readlink(from), to);
    } else {
      await fs.promises.copyFile(from, to);
      await fs.promises.chmod(to, (await fs.promises.stat(from)).mode);
    }
    await git.add({ fs, dir: repositoryPath, filepath: entry.path });
  }
  return git.commit({
    fs,
    dir: repositoryPath,
    message: options.message,
    author: { name: 'Strata', email: 'strata@localhost' },
  });
}
