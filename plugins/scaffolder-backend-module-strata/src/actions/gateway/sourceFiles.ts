import { InputError } from '@backstage/errors';
import fs from 'node:fs/promises';
import path from 'node:path';
import { RepositoryFile } from './localGit';

/**
 * Every regular file under `dir`, with `/`-separated paths relative to it.
 * Symbolic links are refused rather than followed: a link could carry a file
 * from outside the workspace into the repository. `.git` is refused so a
 * template cannot write into the repository's own metadata.
 */
export async function readSourceFiles(dir: string): Promise<RepositoryFile[]> {
  const stat = await fs.lstat(dir).catch(() => undefined);
  if (!stat) {
    throw new InputError(
      `The source path ${dir} does not exist in the workspace`,
    );
  }
  if (stat.isFile()) {
    return [
      { path: path.basename(dir), content: await fs.readFile(dir, 'utf8') },
    ];
  }
  const files: RepositoryFile[] = [];
  await collect(dir, [], files);
  return files.sort((a, b) => a.path.localeCompare(b.path));
}

async function collect(
  root: string,
  segments: string[],
  files: RepositoryFile[],
) {
  const entries = await fs.readdir(path.join(root, ...segments), {
    withFileTypes: true,
  });
  for (const entry of entries) {
    const relative = [...segments, entry.name];
    if (entry.name === '.git') {
      throw new InputError(
        `Refusing to commit ${relative.join('/')}: it is Git metadata`,
      );
    }
    if (entry.isSymbolicLink()) {
      throw new InputError(
        `Refusing to commit the symbolic link ${relative.join(
          '/',
        )}; only regular files are published`,
      );
    }
    if (entry.isDirectory()) {
      await collect(root, relative, files);
    } else if (entry.isFile()) {
      files.push({
        path: relative.join('/'),
        content: await fs.readFile(path.join(root, ...relative), 'utf8'),
      });
    }
  }
}
