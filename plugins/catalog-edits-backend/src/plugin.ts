import {
  coreServices,
  createBackendPlugin,
} from '@backstage/backend-plugin-api';
import { catalogServiceRef } from '@backstage/plugin-catalog-node';
import { catalogEditsPermissions } from '@internal/plugin-catalog-edits-common';
import { DatabaseProposalStore } from './database/ProposalStore';
import { GithubPullRequestPublisher } from './github/GithubPullRequestPublisher';
import { ProposalService } from './service/ProposalService';
import { createRouter } from './service/router';

/**
 * Proposes catalog edits as pull requests against each entity's
 * catalog-info.yaml: the catalog changes only when the pull request merges.
 */
export const catalogEditsPlugin = createBackendPlugin({
  pluginId: 'catalog-edits',
  register(env) {
    env.registerInit({
      deps: {
        config: coreServices.rootConfig,
        logger: coreServices.logger,
        database: coreServices.database,
        httpRouter: coreServices.httpRouter,
        httpAuth: coreServices.httpAuth,
        permissions: coreServices.permissions,
        permissionsRegistry: coreServices.permissionsRegistry,
        catalog: catalogServiceRef,
      },
      async init(deps) {
        deps.permissionsRegistry.addPermissions(catalogEditsPermissions);
        const store = await DatabaseProposalStore.create({
          database: deps.database,
        });
        const service = new ProposalService({
          catalog: deps.catalog,
          publisher: GithubPullRequestPublisher.fromConfig(deps.config),
          store,
          logger: deps.logger,
        });
        deps.httpRouter.use(
          await createRouter({
            httpAuth: deps.httpAuth,
            permissions: deps.permissions,
            service,
            store,
          }),
        );
      },
    });
  },
});
