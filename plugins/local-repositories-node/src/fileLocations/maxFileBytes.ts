import { RootConfigService } from '@backstage/backend-plugin-api';

/** The largest file a `file` location may read by default (`strata.catalog.maxFileBytes`). */
export const DEFAULT_MAX_FILE_BYTES = 1024 * 1024;

/** The config key of the limit. */
export const MAX_FILE_BYTES_KEY = 'strata.catalog.maxFileBytes';

export function readMaxFileBytes(config: RootConfigService): number {
  return config.getOptionalNumber(MAX_FILE_BYTES_KEY) ?? DEFAULT_MAX_FILE_BYTES;
}
