/*
 * The one Git helper for Strata's local repositories: create a repository with a first commit,
 * commit files on a new branch, and read what a branch holds. isomorphic-git rather than the
 * `git` CLI: it is what the scaffolder itself uses, works the same in the container image (which
 * need not ship git) and on a laptop, and takes no global git config (hooks, templates, signing)
 * from the machine it runs on.
 */
import fs from 'node:fs';
import path from 'node:path';
import git, { TreeEntry } from 'isomorphic-git';
import { checkRepositoryFilePath } from '../repositoryPaths';

/**
 * A file to put into a repository, `path` relative to its root with `/`. `kind` defaults to
 * `file`; `executable` is a file with the executable bit; for `symlink`, `content` is the link's
 * target.
 */
export interface RepositoryFile {
  path: string;
  content: string | Uint8Array;
  kind?: 'file' | 'executable' | 'symlink';
}

export interface GitAuthor {
  name: string;
  email: string;
}

/** The author and committer of everything Strata commits. */
export const STRATA_AUTHOR: GitAuthor = {
  name: 'Strata',
  email: 'strata@localhost',
};

/** Git's tree entry mode for each kind of file. */
const MODES = { file: '100644', executable: '100755', symlink: '120000' };

/** Whether `dir` holds a Git repository (has a `.git` directory). */
export async function isRepository(dir: string): Promise<boolean> {
  try {
    return (await fs.promises.stat(path.join(dir, '.git'))).isDirectory();
  } catch {
    return false;
  }
}

export async function branchExists(
  dir: string,
  branch: string,
): Promise<boolean> {
  const branches = await git.listBranches({ fs, dir });
  return branches.includes(branch);
}

/** The commit `HEAD` points at (what the working tree was checked out from), or undefined. */
export async function headCommit(dir: string): Promise<string | undefined> {
  try {
    return await git.resolveRef({ fs, dir, ref: 'HEAD' });
  } catch {
    // Not a repository, or one without commits yet.
    return undefined;
  }
}

/** The committed content of a file on a branch (or other ref), or undefined when absent. */
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

/**
 * Creates a repository at `dir` (made when missing) whose `defaultBranch` has one commit holding
 * `files`, checked out in its working tree; returns the commit's hash.
 */
export async function createRepository(options: {
  dir: string;
  defaultBranch: string;
  files: RepositoryFile[];
  message: string;
  author?: GitAuthor;
}): Promise<string> {
  const { dir, defaultBranch, files, message } = options;
  files.forEach(file => checkRepositoryFilePath(file.path));
  await fs.promises.mkdir(dir, { recursive: true });
  await git.init({ fs, dir, defaultBranch });
  for (const file of files) {
    const target = path.join(dir, ...file.path.split('/'));
    await fs.promises.mkdir(path.dirname(target), { recursive: true });
    if (file.kind === 'symlink') {
      await fs.promises.symlink(Buffer.from(file.content).toString(), target);
    } else {
      await fs.promises.writeFile(target, file.content);
      if (file.kind === 'executable') await fs.promises.chmod(target, 0o755);
    }
    await git.add({ fs, dir, filepath: file.path });
  }
  return git.commit({
    fs,
    dir,
    message,
    author: options.author ?? STRATA_AUTHOR,
  });
}

/**
 * Commits `files` on a new branch that starts at `baseBranch`, like the head of a pull request;
 * returns the commit's hash. Works on Git objects only: the checked-out working tree (which the
 * catalog may be reading) is not touched.
 */
export async function commitOnNewBranch(options: {
  dir: string;
  baseBranch: string;
  branch: string;
  files: RepositoryFile[];
  message: string;
  author?: GitAuthor;
}): Promise<string> {
  const { dir, baseBranch, branch, files, message } = options;
  files.forEach(file => checkRepositoryFilePath(file.path));
  const parent = await git.resolveRef({ fs, dir, ref: baseBranch });
  const { commit } = await git.readCommit({ fs, dir, oid: parent });
  let tree = commit.tree;
  for (const file of files) {
    const blob = await git.writeBlob({
      fs,
      dir,
      blob: Buffer.from(file.content),
    });
    const mode = MODES[file.kind ?? 'file'];
    tree = await putBlob(dir, tree, file.path.split('/'), { oid: blob, mode });
  }
  const timestamp = Math.floor(Date.now() / 1000);
  const author = options.author ?? STRATA_AUTHOR;
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
  blob: { oid: string; mode: string },
): Promise<string> {
  const entries: TreeEntry[] = treeOid
    ? (await git.readTree({ fs, dir, oid: treeOid })).tree
    : [];
  const [name, ...rest] = segments;
  const existing = entries.find(entry => entry.path === name);
  const entry: TreeEntry =
    rest.length === 0
      ? { mode: blob.mode, path: name, oid: blob.oid, type: 'blob' }
      : {
          mode: '040000',
          path: name,
          type: 'tree',
          oid: await putBlob(
            dir,
            existing?.type === 'tree' ? existing.oid : undefined,
            rest,
            blob,
          ),
        };
  const next = entries.filter(e => e.path !== name).concat(entry);
  return git.writeTree({ fs, dir, tree: next });
}
