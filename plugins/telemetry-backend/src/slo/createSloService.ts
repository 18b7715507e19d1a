import {
  AuthService,
  RootConfigService,
  UrlReaderService,
} from '@backstage/backend-plugin-api';
import { ScmIntegrations } from '@backstage/integration';
import { CatalogService } from '@backstage/plugin-catalog-node';
import {
  fileLocationRoots,
  readLocalRepositoriesDir,
  readMaxFileBytes,
} from '@internal/plugin-local-repositories-node';
import { SliSource } from '@internal/plugin-telemetry-node';
import { SloFileReader } from './SloFileReader';
import { SloService } from './SloService';

/**
 * The SLO service from the backend's services: SLO files are read with the same SCM
 * integrations, file-location roots and size limit as catalog files.
 */
export function createSloService(options: {
  config: RootConfigService;
  catalog: CatalogService;
  auth: AuthService;
  urlReader: UrlReaderService;
  metricsSource: SliSource;
  fileCacheTtlMs?: number;
}): SloService {
  const { config } = options;
  return new SloService({
    catalog: options.catalog,
    auth: options.auth,
    integrations: ScmIntegrations.fromConfig(config),
    reader: new SloFileReader({
      urlReader: options.urlReader,
      fileRoots: fileLocationRoots(config, readLocalRepositoriesDir(config)),
      maxBytes: readMaxFileBytes(config),
    }),
    metricsSource: options.metricsSource,
    fileCacheTtlMs: options.fileCacheTtlMs,
  });
}
