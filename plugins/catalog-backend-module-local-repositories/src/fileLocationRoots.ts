import { RootConfigService } from '@backstage/backend-plugin-api';
import path from 'node:path';

/**
 * The folders `file` locations may point into, now that the catalog's API accepts `file`
 * locations (for repositories created offline): the local repositories folder, the folders of
 * the file locations app-config registers itself (the demo organisation, the templates, the
 * portal's own entity — so the install folder), and `strata.catalog.allowedFileLocationRoots`.
 * Anything else on the host — `/etc`, home folders — stays out of the catalog's reach.
 */
export function fileLocationRoots(
  config: RootConfigService,
  localRepositoriesDir: string,
): string[] {
  const fromCatalogConfig = (
    config.getOptionalConfigArray('catalog.locations') ?? []
  )
    .filter(location => location.getString('type') === 'file')
    .map(location => staticPrefix(path.resolve(location.getString('target'))));
  const extra = (
    config.getOptionalStringArray('strata.catalog.allowedFileLocationRoots') ??
    []
  ).map(root => path.resolve(root));
  return [...new Set([localRepositoriesDir, ...fromCatalogConfig, ...extra])];
}

/** The folder part of a file target before any glob character (`templates/*\/x.yaml` → `templates`). */
function staticPrefix(target: string): string {
  const parts = target.split(path.sep);
  const firstGlob = parts.findIndex(part => /[*?[\]{}]/.test(part));
  const fixed =
    firstGlob === -1 ? parts.slice(0, -1) : parts.slice(0, firstGlob);
  return fixed.join(path.sep) || path.sep;
}
