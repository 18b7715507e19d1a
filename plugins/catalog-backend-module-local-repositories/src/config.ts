import { RootConfigService } from '@backstage/backend-plugin-api';
import path from 'node:path';
import { DEFAULT_MAX_FILE_BYTES } from './FileLocationReader';

/** Where repositories created on this Strata live, as `<dir>/<name>`. */
export const LOCAL_REPOSITORIES_DIR_KEY =
  'strata.scaffolder.localRepositoriesDir';

/**
 * The absolute directory that holds local repositories. Relative settings resolve against the
 * working directory, as Backstage resolves other file paths in app-config (the backend runs in
 * packages/backend, so `../../.data/repositories` is the repository root's `.data`).
 */
export function readLocalRepositoriesDir(config: RootConfigService): string {
  const configured = config.getOptionalString(LOCAL_REPOSITORIES_DIR_KEY);
  return path.resolve(configured ?? path.join('.data', 'repositories'));
}

/** The largest catalog file the `file` reader parses. */
export const MAX_FILE_BYTES_KEY = 'strata.catalog.maxFileBytes';

export function readMaxFileBytes(config: RootConfigService): number {
  return config.getOptionalNumber(MAX_FILE_BYTES_KEY) ?? DEFAULT_MAX_FILE_BYTES;
}
