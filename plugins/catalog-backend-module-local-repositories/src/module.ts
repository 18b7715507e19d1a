import {
  coreServices,
  createBackendModule,
} from '@backstage/backend-plugin-api';
import {
  catalogLocationsExtensionPoint,
  catalogProcessingExtensionPoint,
} from '@backstage/plugin-catalog-node';
import { readLocalRepositoriesDir } from '../config';
import { FileLocationGuardProcessor } from './FileLocationGuardProcessor';
import { fileLocationRoots } from './fileLocationRoots';
import { LocalRepositoryTextProcessor } from './LocalRepositoryTextProcessor';

/**
 * The catalog side of local repositories (strata:publish:local + strata:catalog:register-local).
 *
 * 1. Lets the catalog's API register `file` locations as well as `url` ones. The catalog accepts
 *    only `url` from its API by default (static app-config locations are not affected) and
 *    there is no config key for it: the list is set through this extension point. So that a
 *    caller allowed to create locations cannot make the catalog read any file on the host,
 *    FileLocationGuardProcessor refuses `file` targets outside the local repositories folder
 *    and the folders app-config's own file locations live in.
 * 2. Resolves relative `$text` placeholders in those repositories' entities (see
 *    LocalRepositoryTextProcessor).
 *
 * @public
 */
export const catalogModuleStrataFileLocations = createBackendModule({
  pluginId: 'catalog',
  moduleId: 'strata-file-locations',
  register(env) {
    env.registerInit({
      deps: {
        locations: catalogLocationsExtensionPoint,
        processing: catalogProcessingExtensionPoint,
        config: coreServices.rootConfig,
      },
      async init({ locations, processing, config }) {
        const repositoriesDir = readLocalRepositoriesDir(config);
        locations.setAllowedLocationTypes(['url', 'file']);
        processing.addProcessor(
          new FileLocationGuardProcessor(
            fileLocationRoots(config, repositoriesDir),
          ),
          new LocalRepositoryTextProcessor(repositoriesDir),
        );
      },
    });
  },
});
