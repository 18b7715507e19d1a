import {
  coreServices,
  createBackendModule,
} from '@backstage/backend-plugin-api';
import {
  catalogProcessingExtensionPoint,
  catalogServiceRef,
} from '@backstage/plugin-catalog-node';
import { eventsServiceRef } from '@backstage/plugin-events-node';
import { GithubPushRefresher } from './GithubPushRefresher';
import { LocationTargetRefreshKeys } from './LocationTargetRefreshKeys';
import { readGithubProviders } from './push/githubProviders';

/**
 * A GitHub push shows in the catalog within seconds: the push webhook (received and
 * signature-checked by Strata's `events-backend-module-github-webhook`, topic `github.push`)
 * refreshes exactly the locations the push touched. See GithubPushRefresher for what the stock
 * GithubEntityProvider already does on the same event and what this adds.
 *
 * @public
 */
export const catalogModuleGithubPushRefresh = createBackendModule({
  pluginId: 'catalog',
  moduleId: 'github-push-refresh',
  register(env) {
    env.registerInit({
      deps: {
        processing: catalogProcessingExtensionPoint,
        config: coreServices.rootConfig,
        logger: coreServices.logger,
        auth: coreServices.auth,
        catalog: catalogServiceRef,
        events: eventsServiceRef,
      },
      async init({ processing, config, logger, auth, catalog, events }) {
        const refresher = new GithubPushRefresher({
          providers: readGithubProviders(config),
          catalog,
          auth,
          logger,
        });
        processing.addEntityProvider(refresher);
        processing.addProcessor(new LocationTargetRefreshKeys());
        await events.subscribe({
          id: 'strata-github-push-refresh',
          topics: ['github.push'],
          onEvent: async params => {
            await refresher.onEvent(params);
          },
        });
      },
    });
  },
});
