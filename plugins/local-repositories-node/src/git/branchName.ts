import { InputError } from '@backstage/errors';

/**
 * Throws an InputError unless `branch` passes a subset of Git's ref name rules (git
 * check-ref-format) that is also safe as a file path under .git/refs/heads.
 */
export function checkBranchName(branch: string): void {
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
