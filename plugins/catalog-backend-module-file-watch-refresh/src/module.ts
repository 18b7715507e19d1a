import {
  coreServices,
  createBackendModule,
} from '@backstage/backend-plugin-api';
import { catalogProcessingExtensionPoint } from '@backstage/plugin-catalog-node';
import { eventsServiceRef } from '@backstage/plugin-events-node';
import {
  fileLocationRoots,
  readLocalRepositoriesDir,
} from '@internal/plugin-local-repositories-node';
import { FileLocationTargetRefreshKeys } from './FileLocationTargetRefreshKeys';
import { FileWatchRefresher } from './FileWatchRefresher';

/**
 * A changed file of a `file` location (the local repositories, the demo organisation,
 * templates) is re-read within a second instead of at the next processing loop
 * (docs/catalog-freshness.md). `strata.catalog.fileWatch.enabled: false` turns it off.
 *
 * @public
 */
export const catalogModuleFileWatchRefresh = createBackendModule({
  pluginId: 'catalog',
  moduleId: 'file-watch-refresh',
  register(env) {
    env.registerInit({
      deps: {
        processing: catalogProcessingExtensionPoint,
        config: coreServices.rootConfig,
        logger: coreServices.logger,
        lifecycle: coreServices.lifecycle,
        events: eventsServiceRef,
      },
      async init({ processing, config, logger, lifecycle, events }) {
        const settings = config.getOptionalConfig('strata.catalog.fileWatch');
        if (settings?.getOptionalBoolean('enabled') === false) {
          logger.info('File watch off (strata.catalog.fileWatch.enabled)');
          return;
        }
        const repositoriesDir = readLocalRepositoriesDir(config);
        const refresher = new FileWatchRefresher({
          roots: fileLocationRoots(config, repositoriesDir),
          repositoriesDir,
          events,
          logger,
          debounceMs: settings?.getOptionalNumber('debounceMs') ?? 200,
        });
        processing.addEntityProvider(refresher);
        processing.addProcessor(new FileLocationTargetRefreshKeys());
        lifecycle.addShutdownHook(() => refresher.stop());
      },
    });
  },
});
