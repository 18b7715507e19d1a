import { minimatch } from 'minimatch';
import path from 'node:path';

/** What a batch of changed paths asks of the catalog. */
export type ChangedFileWork = {
  /** Refresh keys of the Locations that read these files (or would, for a glob). */
  keys: string[];
  /** Local repositories whose folder or catalog file appeared or changed: rescan them. */
  repositories: string[];
};

/**
 * The catalog work for changed paths (pure): each file's own refresh key (`file:<path>`, as the
 * file reader records it), the key of each app-config glob target the path matches (a new
 * template folder is read by the glob's Location), and the local repositories a change under
 * the repositories folder may have added or removed.
 */
export function changedFileWork(
  changed: Iterable<string>,
  options: {
    patterns: string[];
    repositoriesDir: string;
    catalogFileName: string;
  },
): ChangedFileWork {
  const keys = new Set<string>();
  const repositories = new Set<string>();
  for (const file of changed) {
    keys.add(`file:${file}`);
    for (const pattern of options.patterns) {
      if (minimatch(file, pattern, { dot: false })) keys.add(`file:${pattern}`);
    }
    const relative = path.relative(options.repositoriesDir, file);
    if (relative && !relative.startsWith('..') && !path.isAbsolute(relative)) {
      const parts = relative.split(path.sep);
      // The repository folder itself, or its catalog file at the top: what the provider lists.
      if (
        parts.length === 1 ||
        (parts.length === 2 && parts[1] === options.catalogFileName)
      ) {
        repositories.add(parts[0]);
      }
    }
  }
  return { keys: [...keys].sort(), repositories: [...repositories].sort() };
}

/** Paths inside a Git folder change on every commit and fetch and are never catalog files. */
export function isIgnoredPath(file: string): boolean {
  return file
    .split(path.sep)
    .some(part => part === '.git' || part === 'node_modules');
}
