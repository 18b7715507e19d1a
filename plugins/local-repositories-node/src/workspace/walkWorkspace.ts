/*
 * The one walk over a scaffolder workspace (or any folder whose files go into a repository).
 *
 * Symbolic link policy, the same for every caller:
 * - links are never followed: a link is listed as a link (its target text), never as the file or
 *   folder it points to;
 * - a link whose target is absolute, or resolves outside the folder being walked, is refused
 *   with an InputError naming it: it would dangle in the new repository, or carry a file from
 *   outside the folder (another task's workspace, the host) into it. Every link is checked on its
 *   own, so a chain of links stays inside too.
 * `.git` folders are skipped: Git metadata is never copied, a repository gets its own history.
 * Other special files (sockets, pipes, devices) are skipped.
 */
import { isChildPath } from '@backstage/backend-plugin-api';
import { InputError } from '@backstage/errors';
import fs from 'node:fs/promises';
import path from 'node:path';
import { RepositoryFile } from '../git/localGit';

/** A regular file or a symbolic link, `path` relative to the walked folder with `/`. */
export type WorkspaceEntry = {
  path: string;
  kind: 'file' | 'executable' | 'symlink';
};

/** Why a symbolic link may not leave the folder, or undefined when it may be kept. */
export function symlinkProblem(
  root: string,
  linkPath: string,
  target: string,
): string | undefined {
  const shown = path.relative(root, linkPath);
  if (path.isAbsolute(target)) {
    // Even an absolute link into the workspace would dangle: the workspace is temporary.
    return `The symbolic link ${shown} points to the absolute path ${target}; only relative links inside the repository may be published.`;
  }
  if (!isChildPath(root, path.resolve(path.dirname(linkPath), target))) {
    return `The symbolic link ${shown} points outside the folder being published (${target}); it would expose files that are not part of the new repository.`;
  }
  return undefined;
}

/**
 * Every file and symbolic link under `root`, sorted by path, with the policy above. A `root`
 * that is a file lists that one file under its own name; a missing `root` is an InputError.
 */
export async function walkWorkspace(root: string): Promise<WorkspaceEntry[]> {
  const stat = await fs.stat(root).catch(() => undefined);
  if (!stat) {
    throw new InputError(
      `The source path ${root} does not exist in the workspace`,
    );
  }
  if (stat.isFile()) {
    return [{ path: path.basename(root), kind: kindOfFile(stat.mode) }];
  }
  const entries: WorkspaceEntry[] = [];
  const walk = async (dir: string) => {
    const children = await fs.readdir(dir, { withFileTypes: true });
    for (const child of children) {
      const full = path.join(dir, child.name);
      const relative = path.relative(root, full).split(path.sep).join('/');
      if (child.isDirectory()) {
        if (child.name !== '.git') await walk(full);
      } else if (child.isSymbolicLink()) {
        const problem = symlinkProblem(root, full, await fs.readlink(full));
        if (problem) throw new InputError(problem);
        entries.push({ path: relative, kind: 'symlink' });
      } else if (child.isFile()) {
        const { mode } = await fs.stat(full);
        entries.push({ path: relative, kind: kindOfFile(mode) });
      }
    }
  };
  await walk(root);
  return entries.sort((a, b) => (a.path < b.path ? -1 : 1));
}

/**
 * {@link walkWorkspace} with each entry's content, ready to commit: a file's bytes, or a link's
 * target.
 */
export async function readWorkspaceFiles(
  root: string,
): Promise<RepositoryFile[]> {
  const entries = await walkWorkspace(root);
  const stat = await fs.stat(root);
  const base = stat.isFile() ? path.dirname(root) : root;
  return Promise.all(
    entries.map(async entry => {
      const full = path.join(base, ...entry.path.split('/'));
      return {
        ...entry,
        content:
          entry.kind === 'symlink'
            ? await fs.readlink(full)
            : await fs.readFile(full),
      };
    }),
  );
}

function kindOfFile(mode: number): 'file' | 'executable' {
  // Git records one executable bit: the owner's.
  // eslint-disable-next-line no-bitwise
  return mode & 0o100 ? 'executable' : 'file';
}
