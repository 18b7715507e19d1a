/**
 * The absolute paths of this install that callers never see: the working directory and its two
 * parents (the backend runs in packages/backend of the repository, or at the root of an image),
 * longest first so that the most specific path is replaced first.
 */
export function installPaths(cwd: string = process.cwd()): string[] {
  const parts = cwd.split('/');
  return [cwd, parts.slice(0, -1).join('/'), parts.slice(0, -2).join('/')]
    .filter(p => p.length > 1)
    .sort((a, b) => b.length - a.length);
}
