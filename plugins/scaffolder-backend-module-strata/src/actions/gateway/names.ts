import { InputError } from '@backstage/errors';

/**
 * A local repository is a directory directly under the repositories
 * directory, so its name is one path segment (no `/`, `..` or dot files).
 */
export function checkRepositoryName(name: string) {
  if (!/^[a-z0-9][a-z0-9._-]{0,99}$/.test(name) || name.includes('..')) {
    throw new InputError(
      `'${name}' is not a local repository name (lowercase letters, digits, '.', '_' and '-', starting with a letter or digit)`,
    );
  }
}

/**
 * A subset of Git's ref name rules (git check-ref-format) that is also safe as
 * a file path under .git/refs/heads.
 */
export function checkBranchName(branch: string) {
  const ok =
    /^[A-Za-z0-9][A-Za-z0-9._/-]{0,199}$/.test(branch) &&
    !branch.includes('..') &&
    !branch.includes('//') &&
    !branch.endsWith('/') &&
    !branch.endsWith('.') &&
    !branch.endsWith('.lock') &&
    !branch.split('/').some(part => part.startsWith('.'));
  if (!ok) {
    throw new InputError(
      `'${branch}' is not a valid branch name (letters, digits, '.', '_', '-' and '/' between parts)`,
    );
  }
}
