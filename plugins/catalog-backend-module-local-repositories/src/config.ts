import { RootConfigService } from '@backstage/backend-plugin-api';
import { DEFAULT_MAX_FILE_BYTES } from './FileLocationReader';

/** The largest catalog file the `file` reader parses. */
export const MAX_FILE_BYTES_KEY = 'strata.catalog.maxFileBytes';

export function readMaxFileBytes(config: RootConfigService): number {
  return config.getOptionalNumber(MAX_FILE_BYTES_KEY) ?? DEFAULT_MAX_FILE_BYTES;
}
