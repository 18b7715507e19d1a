import { RootConfigService } from '@backstage/backend-plugin-api';
import path from 'node:path';

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
