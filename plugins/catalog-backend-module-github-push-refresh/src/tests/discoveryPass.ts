import { createBackendModule } from '@backstage/backend-plugin-api';
import {
  catalogProcessingExtensionPoint,
  EntityProviderConnection,
  locationSpecToLocationEntity,
} from '@backstage/plugin-catalog-node';

/**
 * Test code: what one scheduled pass of the stock GithubEntityProvider (`github-provider:<id>`)
 * leaves in the catalog for a repository, without its GraphQL organisation listing: an
 * optional url Location of the repository's catalog file, under the stock provider's
 * location key, whether the file exists or not (validateLocationsExist defaults to false).
 */
export function discoveryPassModule(handle: {
  offer?: (target: string) => Promise<void>;
}) {
  return createBackendModule({
    pluginId: 'catalog',
    moduleId: 'test-discovery-pass',
    register(reg) {
      reg.registerInit({
        deps: { processing: catalogProcessingExtensionPoint },
        async init({ processing }) {
          let connection: EntityProviderConnection | undefined;
          processing.addEntityProvider({
            getProviderName: () => 'test-discovery-pass',
            connect: async c => {
              connection = c;
            },
          });
          handle.offer = async target => {
            await connection!.applyMutation({
              type: 'full',
              entities: [
                {
                  locationKey: 'github-provider:dataflow',
                  entity: locationSpecToLocationEntity({
                    location: { type: 'url', target, presence: 'optional' },
                  }),
                },
              ],
            });
          };
        },
      });
    },
  });
}
