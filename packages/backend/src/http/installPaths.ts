import { resolvePackagePath } from '@backstage/backend-plugin-api';
import path from 'node:path';

/** Where this backend is installed: the repository (or image) root, two levels above packages/backend. */
export function installRoot(): string {
  return path.resolve(resolvePackagePath('backend'), '../..');
}

/**
 * The absolute paths of this install that callers never see, longest first so that the most
 * specific path is replaced first: the install root, and the working directory when it lies
 * inside it. Not the working directory's parents: a backend (or a test run) started from the
 * repository root would otherwise hide `/tmp` or `/` from every message.
 */
export function installPaths(
  options: { root?: string; cwd?: string } = {},
): string[] {
  const root = options.root ?? installRoot();
  const cwd = options.cwd ?? process.cwd();
  const inside = cwd === root || cwd.startsWith(`${root}${path.sep}`);
  return [...new Set(inside ? [cwd, root] : [root])]
    .filter(p => path.parse(p).root !== p)
    .sort((a, b) => b.length - a.length);
}
