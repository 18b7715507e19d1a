import { resolveSafeChildPath } from '@backstage/backend-plugin-api';
import { InputError } from '@backstage/errors';
import fs from 'node:fs/promises';
import { serviceNameProblem } from '@internal/plugin-service-model-common';

/**
 * The directory a local repository named `name` lives in. The name rule (lowercase letters,
 * digits, hyphens) already rules out path separators and '..'; resolveSafeChildPath is the
 * second lock, in case the rule ever loosens.
 */
export function localRepositoryPath(repositoriesDir: string, name: string) {
  const problem = serviceNameProblem(name);
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
