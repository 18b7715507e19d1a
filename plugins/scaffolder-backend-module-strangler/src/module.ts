import {
  coreServices,
  createBackendModule,
} from '@backstage/backend-plugin-api';
import { ScmIntegrations } from '@backstage/integration';
import { scaffolderActionsExtensionPoint } from '@backstage/plugin-scaffolder-node';
import { createAnnotateEntityAction } from './actions/annotateEntityAction';
import { createFetchTemplateSkeletonAction } from './actions/fetchTemplateSkeletonAction';
import { createSplitTrafficAction } from './actions/splitTrafficAction';
import { readTemplatesDir } from './config';

/**
 * The strangler-extraction template's own actions: split a path's gateway traffic between a
 * monolith and an extracted service, render the extracted service from another template's
 * skeleton, and record on its entity where it came from. All three write only inside the
 * task's workspace.
 *
 * @public
 */
export const scaffolderModuleStrangler = createBackendModule({
  pluginId: 'scaffolder',
  moduleId: 'strangler',
  register(env) {
    env.registerInit({
      deps: {
        scaffolder: scaffolderActionsExtensionPoint,
        config: coreServices.rootConfig,
        reader: coreServices.urlReader,
      },
      async init({ scaffolder, config, reader }) {
        scaffolder.addActions(
          createSplitTrafficAction(),
          createFetchTemplateSkeletonAction({
            reader,
            integrations: ScmIntegrations.fromConfig(config),
            templatesDir: readTemplatesDir(config),
          }),
          createAnnotateEntityAction(),
        );
      },
    });
  },
});
