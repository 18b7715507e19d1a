import { RootConfigService } from '@backstage/backend-plugin-api';

/** Whether `strata:publish:local` may create repositories on this Strata's disk. */
export const LOCAL_PUBLISHING_KEY = 'strata.scaffolder.localPublishing';

/**
 * On by default (the embedded default works offline); production turns it off because a
 * replica's disk is neither shared nor kept, so a repository there would be lost.
 */
export function readLocalPublishing(config: RootConfigService): boolean {
  return config.getOptionalBoolean(LOCAL_PUBLISHING_KEY) ?? true;
}
