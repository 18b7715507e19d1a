import { glob, hasMagic } from 'glob';
import fs from 'node:fs/promises';
import path from 'node:path';
import { IoError } from './errors';

/** What is validated when no path is given. */
export const defaultPattern = '**/catalog-info.yaml';
/** Never validated, whatever the patterns say. */
export const ignored = ['**/node_modules/**'];

export type FoundFiles = {
  /** Paths to validate, relative to the working directory where possible. */
  files: string[];
  /** Globs that matched nothing. */
  unmatched: string[];
};

function toPosix(file: string): string {
  return file.split(path.sep).join('/');
}

async function expand(pattern: string, cwd: string): Promise<string[]> {
  if (hasMagic(pattern, { windowsPathsNoEscape: true })) {
    const matches = await glob(pattern, { cwd, ignore: ignored, nodir: true });
    return matches.map(toPosix).sort();
  }
  const absolute = path.resolve(cwd, pattern);
  const stat = await fs.stat(absolute).catch(() => {
    throw new IoError(`${pattern}: no such file or directory`);
  });
  if (!stat.isDirectory()) {
    return [toPosix(path.normalize(pattern))];
  }
  const matches = await glob('**/*.{yaml,yml}', {
    cwd: absolute,
    ignore: ignored,
    nodir: true,
  });
  return matches.map(m => toPosix(path.join(pattern, m))).sort();
}

/**
 * Expands files, directories (their *.yaml and *.yml files) and globs,
 * relative to `cwd`. Fails when a named file is missing or nothing matched.
 */
export async function findCatalogFiles(
  patterns: string[],
  cwd: string,
): Promise<FoundFiles> {
  const wanted = patterns.length ? patterns : [defaultPattern];
  const files: string[] = [];
  const unmatched: string[] = [];
  for (const pattern of wanted) {
    const matches = await expand(pattern, cwd);
    if (matches.length === 0) {
      unmatched.push(pattern);
    }
    files.push(...matches.filter(m => !files.includes(m)));
  }
  if (files.length === 0) {
    throw new IoError(`no catalog files matched ${wanted.join(' ')}`);
  }
  return { files, unmatched };
}

/** Reads the files as UTF-8 text. */
export async function readCatalogFiles(
  files: string[],
  cwd: string,
): Promise<{ path: string; text: string }[]> {
  return Promise.all(
    files.map(async file => {
      try {
        return {
          path: file,
          text: await fs.readFile(path.resolve(cwd, file), 'utf8'),
        };
      } catch (e) {
        throw new IoError(`cannot read ${file}: ${(e as Error).message}`);
      }
    }),
  );
}
