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
    const real = await realRoots(roots);
    const files: string[] = [];
    const skipped: string[] = [];
    for (const match of matches.sort()) {
      const file = await fs.realpath(match).catch(() => undefined);
      if (!file || !inside(file, real)) skipped.push(match);
      else if ((await fs.stat(file)).isFile()) files.push(file);
    }
    return { kind: 'files', files, skipped };
  }
  if (!inside(absolute, roots)) {
    return { kind: 'refused', reason: OUTSIDE };
  }
  const real = await fs.realpath(absolute).catch(() => undefined);
  if (real === undefined) return { kind: 'missing' };
  if (!inside(real, await realRoots(roots))) {
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

/** Whether `file` is one of the roots' files or lies below one of their folders. */
function inside(
  file: string,
  roots: Pick<FileLocationRoots, 'files' | 'folders'>,
): boolean {
  return (
    roots.files.includes(file) ||
    roots.folders.some(folder => isBelow(folder, file))
  );
}

/**
 * The roots by their real paths (symbolic links resolved; roots that do not exist left out),
 * resolved once per check so that real paths compare with real paths.
 */
async function realRoots(
  roots: FileLocationRoots,
): Promise<Pick<FileLocationRoots, 'files' | 'folders'>> {
  const real = async (paths: string[]) =>
    (
      await Promise.all(paths.map(p => fs.realpath(p).catch(() => undefined)))
    ).filter((p): p is string => p !== undefined);
  return { files: await real(roots.files), folders: await real(roots.folders) };
}
