import { RootConfigService } from '@backstage/backend-plugin-api';
import path from 'node:path';

/**
 * What `file` locations may read. Three kinds of trust, all from the operator (app-config),
 * none from a catalog file's author:
 *
 * - `folders`: anything below them — the local repositories folder, the folder of each glob
 *   target in `catalog.locations` (`templates/*\/template.yaml` → `templates`), and
 *   `strata.catalog.allowedFileLocationRoots` (e.g. the demo organisation's folder).
 * - `files`: exactly these files — the non-glob targets of `catalog.locations`. The portal's
 *   own `catalog-info.yaml` at the checkout root is allowed as a file, which no longer opens
 *   the whole checkout (`.data`, `node_modules`, app-config with its secrets) as a root.
 * - `patterns`: the glob targets of `catalog.locations`, the only targets that may be expanded.
 *   A glob written in a catalog file could reach past a root through a brace (`{a,../..}`),
 *   so globs from anywhere else are refused before the disk is touched.
 */
export type FileLocationRoots = {
  folders: string[];
  files: string[];
  patterns: string[];
};

/** The config key that adds folders to {@link FileLocationRoots.folders}. */
export const ALLOWED_FILE_LOCATION_ROOTS_KEY =
  'strata.catalog.allowedFileLocationRoots';

const GLOB_CHARACTERS = /[*?[\]{}]/;

/** Whether a target has characters a glob expands. */
export function hasGlob(target: string): boolean {
  return GLOB_CHARACTERS.test(target);
}

/** Reads the roots from app-config; relative paths resolve against the working directory. */
export function fileLocationRoots(
  config: RootConfigService,
  localRepositoriesDir: string,
): FileLocationRoots {
  const targets = (config.getOptionalConfigArray('catalog.locations') ?? [])
    .filter(location => location.getString('type') === 'file')
    .map(location => path.resolve(location.getString('target')));
  const patterns = targets.filter(hasGlob);
  const extra = (
    config.getOptionalStringArray(ALLOWED_FILE_LOCATION_ROOTS_KEY) ?? []
  ).map(root => path.resolve(root));
  return {
    folders: unique([
      path.resolve(localRepositoriesDir),
      ...patterns.map(staticPrefix),
      ...extra,
    ]),
    files: unique(targets.filter(target => !hasGlob(target))),
    patterns: unique(patterns),
  };
}

/** The folder part of a glob before its first glob character (`a/*\/x.yaml` → `a`). */
export function staticPrefix(target: string): string {
  const parts = target.split(path.sep);
  const firstGlob = parts.findIndex(part => hasGlob(part));
  return parts.slice(0, firstGlob).join(path.sep) || path.sep;
}

function unique(values: string[]): string[] {
  return [...new Set(values)];
}
