import {
  coreServices,
  createBackendModule,
} from '@backstage/backend-plugin-api';
import { catalogServiceRef } from '@backstage/plugin-catalog-node';
import { scaffolderActionsExtensionPoint } from '@backstage/plugin-scaffolder-node';
import { createProposeProducesAction } from './actions/proposeProducesAction';

/**
 * The event template's proposal that the producing service declare the new topic in its own
 * `spec.produces`: a pull request opened through catalog-edits on behalf of the initiator.
 *
 * @public
 */
export const scaffolderModuleEventProposals = createBackendModule({
  pluginId: 'scaffolder',
  moduleId: 'event-proposals',
  register(env) {
    env.registerInit({
      deps: {
        scaffolder: scaffolderActionsExtensionPoint,
        catalog: catalogServiceRef,
        auth: coreServices.auth,
        discovery: coreServices.discovery,
      },
      async init({ scaffolder, catalog, auth, discovery }) {
        scaffolder.addActions(
          createProposeProducesAction({ auth, discovery, catalog }),
        );
      },
    });
  },
});
