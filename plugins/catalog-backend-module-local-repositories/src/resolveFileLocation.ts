import fs from 'node:fs/promises';
import path from 'node:path';
import globby from 'globby';
import { FileLocationRoots, hasGlob } from './fileLocationRoots';

/** The outcome of checking a `file` location target against the roots. */
export type FileLocationResolution =
  /**
   * The real paths to read (a glob may match none); `skipped` are glob matches whose real
   * path lies outside the roots (symbolic links), which are not read.
   */
  | { kind: 'files'; files: string[]; skipped: string[] }
  /** Inside the roots, but nothing is there. */
  | { kind: 'missing' }
  /** Not readable by policy; the reason never says whether the path exists. */
  | { kind: 'refused'; reason: string };

const OUTSIDE =
  "file locations must lie in this Strata's local repositories folder or in a folder its app-config lists (catalog.locations, strata.catalog.allowedFileLocationRoots)";

/**
 * Decides which files a `file` location may read. Order matters for what it reveals:
 * the lexical checks come first and touch no disk, so a refused target answers the same
 * whether or not it exists; only targets inside the roots are looked up, and every match is
 * checked again by its real path, so a symbolic link cannot lead out of a root.
 */
export async function resolveFileLocation(
  target: string,
  roots: FileLocationRoots,
): Promise<FileLocationResolution> {
  const absolute = path.resolve(target);
  if (hasGlob(absolute)) {
    if (!roots.patterns.includes(absolute)) {
      return {
        kind: 'refused',
        reason:
          "glob patterns (* ? [ ] { }) are allowed only in app-config's own catalog.locations",
      };
    }
    // Links are listed, not followed, so that each one is checked by its real path below.
    const matches = await globby(absolute, {
      onlyFiles: false,
      followSymbolicLinks: false,
    });
    const files: string[] = [];
    const skipped: string[] = [];
    for (const match of matches.sort()) {
      const real = await realPathInside(match, roots);
      if (!real) skipped.push(match);
      else if ((await fs.stat(real)).isFile()) files.push(real);
    }
    return { kind: 'files', files, skipped };
  }
  if (!lexicallyInside(absolute, roots)) {
    return { kind: 'refused', reason: OUTSIDE };
  }
  const real = await fs.realpath(absolute).catch(() => undefined);
  if (real === undefined) return { kind: 'missing' };
  if (!(await realInside(real, roots))) {
    return { kind: 'refused', reason: OUTSIDE };
  }
  return { kind: 'files', files: [real], skipped: [] };
}

function isBelow(folder: string, candidate: string): boolean {
  const relative = path.relative(folder, candidate);
  return (
    relative !== '' &&
    !relative.startsWith(`..${path.sep}`) &&
    relative !== '..' &&
    !path.isAbsolute(relative)
  );
}

function lexicallyInside(file: string, roots: FileLocationRoots): boolean {
  return (
    roots.files.includes(file) ||
    roots.folders.some(folder => isBelow(folder, file))
  );
}

async function realInside(
  real: string,
  roots: FileLocationRoots,
): Promise<boolean> {
  const realOf = (p: string) => fs.realpath(p).catch(() => undefined);
  for (const file of roots.files) {
    if ((await realOf(file)) === real) return true;
  }
  for (const folder of roots.folders) {
    const realFolder = await realOf(folder);
    if (realFolder && isBelow(realFolder, real)) return true;
  }
  return false;
}

async function realPathInside(
  file: string,
  roots: FileLocationRoots,
): Promise<string | undefined> {
  const real = await fs.realpath(file).catch(() => undefined);
  return real && (await realInside(real, roots)) ? real : undefined;
}
