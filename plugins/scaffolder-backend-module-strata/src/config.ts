import { RootConfigService } from '@backstage/backend-plugin-api';
import path from 'node:path';

/** Where `strata:publish:local` puts new repositories, read from app-config. */
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

/** The templates/ folder, for actions that render another template's skeleton; optional. */
export const TEMPLATES_DIR_KEY = 'strata.scaffolder.templatesDir';

/** The absolute templates directory when configured, else undefined. */
export function readTemplatesDir(
  config: RootConfigService,
): string | undefined {
  const configured = config.getOptionalString(TEMPLATES_DIR_KEY);
  return configured ? path.resolve(configured) : undefined;
}

/** Whether `strata:publish:local` may create repositories on this Strata's disk. */
export const LOCAL_PUBLISHING_KEY = 'strata.scaffolder.localPublishing';

/**
 * On by default (the embedded default works offline); production turns it off because a
 * replica's disk is neither shared nor kept, so a repository there would be lost.
 */
export function readLocalPublishing(config: RootConfigService): boolean {
  return config.getOptionalBoolean(LOCAL_PUBLISHING_KEY) ?? true;
}
