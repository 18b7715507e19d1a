import fs from 'node:fs';
import path from 'node:path';
import git, { TreeEntry } from 'isomorphic-git';

/**
 * Git operations on Strata's local repositories, with isomorphic-git so the
 * portal needs no `git` binary in its container (the same choice as the
 * scaffolder's own Git helpers).
 */

/** A file to write into a repository, path relative to its root with `/`. */
export interface RepositoryFile {
  path: string;
  content: string;
}

export interface GitAuthor {
  name: string;
  email: string;
}

/** Whether `dir` holds a Git repository (has a `.git` directory). */
export async function isRepository(dir: string): Promise<boolean> {
  try {
    return (await fs.promises.stat(path.join(dir, '.git'))).isDirectory();
  } catch {
    return false;
  }
}

export async function branchExists(dir: string, branch: string) {
  const branches = await git.listBranches({ fs, dir });
  return branches.includes(branch);
}

/** The committed content of a file on a branch, or undefined when absent. */
export async function readCommittedFile(
  dir: string,
  ref: string,
  filepath: string,
): Promise<string | undefined> {
  const oid = await git.resolveRef({ fs, dir, ref });
  try {
    const { blob } = await git.readBlob({ fs, dir, oid, filepath });
    return Buffer.from(blob).toString('utf8');
  } catch (error) {
    if ((error as Error).name === 'NotFoundError') {
      return undefined;
    }
    throw error;
  }
}

/** Creates a repository whose `defaultBranch` has one commit holding `files`. */
export async function createRepository(options: {
  dir: string;
  defaultBranch: string;
  files: RepositoryFile[];
  message: string;
  author: GitAuthor;
}): Promise<string> {
  const { dir, defaultBranch, files, message, author } = options;
  await fs.promises.mkdir(dir, { recursive: true });
  await git.init({ fs, dir, defaultBranch });
  for (const file of files) {
    const target = path.join(dir, ...file.path.split('/'));
    await fs.promises.mkdir(path.dirname(target), { recursive: true });
    await fs.promises.writeFile(target, file.content, 'utf8');
    await git.add({ fs, dir, filepath: file.path });
  }
  return git.commit({ fs, dir, message, author });
}

/**
 * Commits `files` on a new branch that starts at `baseBranch`, like the head
 * of a pull request. Works on Git objects only: the checked-out working tree
 * (which the catalog may be reading) is not touched.
 */
export async function commitOnNewBranch(options: {
  dir: string;
  baseBranch: string;
  branch: string;
  files: RepositoryFile[];
  message: string;
  author: GitAuthor;
}): Promise<string> {
  const { dir, baseBranch, branch, files, message, author } = options;
  const parent = await git.resolveRef({ fs, dir, ref: baseBranch });
  const { commit } = await git.readCommit({ fs, dir, oid: parent });
  let tree = commit.tree;
  for (const file of files) {
    const blob = await git.writeBlob({
      fs,
      dir,
      blob: Buffer.from(file.content, 'utf8'),
    });
    tree = await putBlob(dir, tree, file.path.split('/'), blob);
  }
  const timestamp = Math.floor(Date.now() / 1000);
  const signature = { ...author, timestamp, timezoneOffset: 0 };
  const oid = await git.writeCommit({
    fs,
    dir,
    commit: {
      message: message.endsWith('\n') ? message : `${message}\n`,
      tree,
      parent: [parent],
      author: signature,
      committer: signature,
    },
  });
  await git.writeRef({ fs, dir, ref: `refs/heads/${branch}`, value: oid });
  return oid;
}

/** Returns the oid of `treeOid` with the blob placed at `segments`. */
async function putBlob(
  dir: string,
  treeOid: string | undefined,
  segments: string[],
  blobOid: string,
): Promise<string> {
  const entries: TreeEntry[] = treeOid
    ? (await git.readTree({ fs, dir, oid: treeOid })).tree
    : [];
  const [name, ...rest] = segments;
  const existing = entries.find(entry => entry.path === name);
  const entry: TreeEntry =
    rest.length === 0
      ? { mode: '100644', path: name, oid: blobOid, type: 'blob' }
      : {
          mode: '040000',
          path: name,
          type: 'tree',
          oid: await putBlob(
            dir,
            existing?.type === 'tree' ? existing.oid : undefined,
            rest,
            blobOid,
          ),
        };
  const next = entries.filter(e => e.path !== name).concat(entry);
  return git.writeTree({ fs, dir, tree: next });
}
