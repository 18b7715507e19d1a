import { isChildPath } from '@backstage/backend-plugin-api';
import { InputError } from '@backstage/errors';
import fs from 'node:fs/promises';
import path from 'node:path';

/** A file or symbolic link to commit, relative to the source directory (POSIX separators). */
export type WorkspaceEntry = { path: string; symlink: boolean };

/** Why a symbolic link may not be published, or undefined when it may. */
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
 * Lists the files under `root` to commit, refusing symbolic links that leave it. Every link is
 * checked on its own, so a chain of links stays inside too. `.git` folders are skipped: the new
 * repository gets its own history.
 */
export async function listWorkspaceFiles(
  root: string,
): Promise<WorkspaceEntry[]> {
  const entries: WorkspaceEntry[] = [];
  const walk = async (dir: string) => {
    const children = await fs.readdir(dir, { withFileTypes: true });
    for (const child of children.sort((a, b) => a.name.localeCompare(b.name))) {
      const full = path.join(dir, child.name);
      const relative = path.relative(root, full).split(path.sep).join('/');
      if (child.isDirectory()) {
        if (child.name !== '.git') await walk(full);
      } else if (child.isSymbolicLink()) {
        const problem = symlinkProblem(root, full, await fs.readlink(full));
        if (problem) throw new InputError(problem);
        entries.push({ path: relative, symlink: true });
      } else if (child.isFile()) {
        entries.push({ path: relative, symlink: false });
      }
    }
  };
  await walk(root);
  return entries;
}
