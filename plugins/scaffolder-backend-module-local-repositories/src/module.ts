import {
  coreServices,
  createBackendModule,
} from '@backstage/backend-plugin-api';
import { catalogServiceRef } from '@backstage/plugin-catalog-node';
import { eventsServiceRef } from '@backstage/plugin-events-node';
import { scaffolderActionsExtensionPoint } from '@backstage/plugin-scaffolder-node';
import { readLocalRepositoriesDir } from '@internal/plugin-local-repositories-node';
import { createFetchLocalFileAction } from './actions/fetchLocalFileAction';
import { createPublishLocalAction } from './actions/publishLocalAction';
import { createPublishLocalBranchAction } from './actions/publishLocalBranchAction';
import { createRegisterLocalAction } from './actions/registerLocalAction';
import { readLocalPublishing } from './config';

/**
 * The templates' "Local Git repository on this Strata": create a repository from the workspace,
 * propose a change on a branch of one, read a committed file of one, and put a new one into
 * the catalog. Every action works in `strata.scaffolder.localRepositoriesDir` only.
 *
 * @public
 */
export const scaffolderModuleLocalRepositories = createBackendModule({
  pluginId: 'scaffolder',
  moduleId: 'local-repositories',
  register(env) {
    env.registerInit({
      deps: {
        scaffolder: scaffolderActionsExtensionPoint,
        catalog: catalogServiceRef,
        config: coreServices.rootConfig,
        events: eventsServiceRef,
      },
      async init({ scaffolder, catalog, config, events }) {
        const repositoriesDir = readLocalRepositoriesDir(config);
        scaffolder.addActions(
          createPublishLocalAction({
            repositoriesDir,
            enabled: readLocalPublishing(config),
          }),
          createRegisterLocalAction({ catalog, events, repositoriesDir }),
          createPublishLocalBranchAction({ repositoriesDir }),
          createFetchLocalFileAction({ repositoriesDir }),
        );
      },
    });
  },
});
