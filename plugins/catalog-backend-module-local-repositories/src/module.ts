import {
  coreServices,
  createBackendModule,
} from '@backstage/backend-plugin-api';
import { catalogProcessingExtensionPoint } from '@backstage/plugin-catalog-node';
import { eventsServiceRef } from '@backstage/plugin-events-node';
import {
  fileLocationRoots,
  LOCAL_REPOSITORY_PUBLISHED_TOPIC,
  readLocalRepositoriesDir,
  readMaxFileBytes,
} from '@internal/plugin-local-repositories-node';
import { FileLocationReader } from './FileLocationReader';
import { LocalRepositoriesProvider } from './LocalRepositoriesProvider';
import { LocalRepositoryTextProcessor } from './LocalRepositoryTextProcessor';

/**
 * The catalog side of repositories created on this Strata, and the guard on every `file`
 * location.
 *
 * 1. LocalRepositoriesProvider offers each local repository's catalog-info.yaml to the catalog
 *    (at start, every minute, and at once when a template publishes one). The catalog's API
 *    keeps Backstage's default and accepts only `url` locations.
 * 2. FileLocationReader reads every `file` location (app-config's, the provider's, and
 *    Location entities inside those files) and refuses targets outside the allowed roots.
 * 3. LocalRepositoryTextProcessor resolves relative `$text` placeholders in local repositories.
 *
 * @public
 */
export const catalogModuleLocalRepositories = createBackendModule({
  pluginId: 'catalog',
  moduleId: 'local-repositories',
  register(env) {
    env.registerInit({
      deps: {
        processing: catalogProcessingExtensionPoint,
        config: coreServices.rootConfig,
        logger: coreServices.logger,
        scheduler: coreServices.scheduler,
        events: eventsServiceRef,
      },
      async init({ processing, config, logger, scheduler, events }) {
        const repositoriesDir = readLocalRepositoriesDir(config);
        const provider = new LocalRepositoriesProvider({
          repositoriesDir,
          logger,
          // Every replica scans its own disk (local publishing is off in production).
          taskRunner: scheduler.createScheduledTaskRunner({
            frequency: { minutes: 1 },
            timeout: { minutes: 1 },
            scope: 'local',
          }),
        });
        processing.addProcessor(
          new FileLocationReader(
            fileLocationRoots(config, repositoriesDir),
            readMaxFileBytes(config),
          ),
          new LocalRepositoryTextProcessor(repositoriesDir),
        );
        processing.addEntityProvider(provider);
        await events.subscribe({
          id: 'strata-local-repositories',
          topics: [LOCAL_REPOSITORY_PUBLISHED_TOPIC],
          onEvent: async () => {
            await provider.scan();
          },
        });
      },
    });
  },
});
