import {
  coreServices,
  createBackendModule,
} from '@backstage/backend-plugin-api';
import { catalogServiceRef } from '@backstage/plugin-catalog-node';
import { scaffolderActionsExtensionPoint } from '@backstage/plugin-scaffolder-node';
import { readLocalRepositoriesDir } from '@internal/plugin-local-repositories-node';
import { createCheckNewEntityAction } from './actions/checkNewEntityAction';
import { createValidateAction } from './actions/validateAction';

/**
 * The checks a template runs against the catalog before it publishes anything: the new name is
 * free and well-formed and its owner and system exist (`strata:catalog:check-new-entity`), and
 * the generated catalog files pass the portal's validator (`strata:catalog:validate`). Both read
 * the catalog with the task initiator's credentials.
 *
 * @public
 */
export const scaffolderModuleCatalogChecks = createBackendModule({
  pluginId: 'scaffolder',
  moduleId: 'catalog-checks',
  register(env) {
    env.registerInit({
      deps: {
        scaffolder: scaffolderActionsExtensionPoint,
        catalog: catalogServiceRef,
        config: coreServices.rootConfig,
      },
      async init({ scaffolder, catalog, config }) {
        scaffolder.addActions(
          createCheckNewEntityAction({
            catalog,
            repositoriesDir: readLocalRepositoriesDir(config),
          }),
          createValidateAction({ catalog }),
        );
      },
    });
  },
});
