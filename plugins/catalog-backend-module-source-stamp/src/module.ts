import {
  coreServices,
  createBackendModule,
} from '@backstage/backend-plugin-api';
import { catalogProcessingExtensionPoint } from '@backstage/plugin-catalog-node';
import { eventsServiceRef } from '@backstage/plugin-events-node';
import { readLocalRepositoriesDir } from '@internal/plugin-local-repositories-node';
import { PushedCommits } from './PushedCommits';
import { SourceStampProcessor } from './SourceStampProcessor';

/**
 * Stamps each entity with the version of its source it was read from and when
 * (docs/catalog-freshness.md); the catalog-freshness entity card shows it.
 *
 * @public
 */
export const catalogModuleSourceStamp = createBackendModule({
  pluginId: 'catalog',
  moduleId: 'source-stamp',
  register(env) {
    env.registerInit({
      deps: {
        processing: catalogProcessingExtensionPoint,
        config: coreServices.rootConfig,
        events: eventsServiceRef,
      },
      async init({ processing, config, events }) {
        const pushedCommits = new PushedCommits();
        await events.subscribe({
          id: 'strata-source-stamp',
          topics: ['github.push'],
          onEvent: async params => {
            pushedCommits.record(params.eventPayload as any);
          },
        });
        processing.addProcessor(
          new SourceStampProcessor({
            repositoriesDir: readLocalRepositoriesDir(config),
            pushedCommits,
          }),
        );
      },
    });
  },
});
