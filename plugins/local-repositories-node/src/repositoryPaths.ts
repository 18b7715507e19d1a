/*
 * Where a local repository lives and what it may be called: one rule for every package that
 * builds or reads a path under the local repositories folder.
 *
 * A local repository is `<repositoriesDir>/<name>`, and its name follows the service-name rule
 * (service-model-common's serviceNameProblem): a repository holds the service of that name, and
 * the folder's names and the catalog's service names are one namespace (a new service may not
 * take a name a repository already has). The rule already rules out separators, `..` and dot
 * folders; resolveSafeChildPath is the second lock, in case the rule ever loosens.
 */
import { resolveSafeChildPath } from '@backstage/backend-plugin-api';
import { InputError } from '@backstage/errors';
import { serviceNameProblem } from '@internal/plugin-service-model-common';
import fs from 'node:fs/promises';
import path from 'node:path';

/** The file each local repository declares its entities in, at its root. */
export const LOCAL_CATALOG_FILE_NAME = 'catalog-info.yaml';

/** Why `name` cannot name a local repository, or undefined when it can. */
export function repositoryNameProblem(name: string): string | undefined {
  return serviceNameProblem(name);
}

/** The directory of the local repository `name`; throws an InputError for a name the rule refuses. */
export function localRepositoryPath(
  repositoriesDir: string,
  name: string,
): string {
  const problem = repositoryNameProblem(name);
  if (problem) {
    throw new InputError(
      `The repository name ${JSON.stringify(name)} is not allowed: ${problem}`,
    );
  }
  return resolveSafeChildPath(repositoriesDir, name);
}

/** The repository's path when something by that name already exists, else undefined. */
export async function existingLocalRepository(
  repositoriesDir: string,
  name: string,
): Promise<string | undefined> {
  const repositoryPath = localRepositoryPath(repositoriesDir, name);
  try {
    await fs.lstat(repositoryPath);
    return repositoryPath;
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw e;
  }
}

/**
 * The name of the local repository that holds `file` (an absolute path), or undefined when the
 * file is not inside one: outside the folder, the folder itself, directly in it, or in a folder
 * whose name breaks the rule (Strata never made it). Lexical only; callers that read the file
 * check its real path themselves.
 */
export function localRepositoryOf(
  repositoriesDir: string,
  file: string,
): string | undefined {
  const relative = path.relative(repositoriesDir, file);
  if (relative.startsWith('..') || path.isAbsolute(relative)) return undefined;
  const [name, ...rest] = relative.split(path.sep);
  if (rest.length === 0 || repositoryNameProblem(name)) return undefined;
  return name;
}

/**
 * Why `filePath` cannot name a file inside a repository, or undefined: it must be relative with
 * `/` between plain segments, none of them empty, `.`, `..` or `.git` (Git's own metadata).
 */
export function repositoryFilePathProblem(
  filePath: string,
): string | undefined {
  const segments = filePath.split('/');
  if (
    filePath.startsWith('/') ||
    segments.some(s => s === '' || s === '.' || s === '..' || s === '.git')
  ) {
    return `'${filePath}' is not a plain relative path inside the repository`;
  }
  return undefined;
}

/** Throws an InputError when {@link repositoryFilePathProblem} has one; returns the path. */
export function checkRepositoryFilePath(filePath: string): string {
  const problem = repositoryFilePathProblem(filePath);
  if (problem) throw new InputError(problem);
  return filePath;
}
