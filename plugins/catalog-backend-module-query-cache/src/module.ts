import {
  coreServices,
  createBackendModule,
} from '@backstage/backend-plugin-api';
import { readQueryCacheConfig } from './config';
import { GenerationReader, generationProbe } from './generation';
import {
  createProbeIndex,
  dropProbeIndexBeforeMigrations,
  PROBE_INDEX,
} from './probeIndex';
import { createQueryCacheMiddleware } from './middleware';

/**
 * Catalog module: caches GET /entity-facets and GET /entities/by-query answers per caller through
 * the cache service, served only while the catalog's generation (read from its database at most
 * once a second) is the one they were computed at, and for at most `catalog.queryCache.ttl`.
 *
 * A module gets its plugin's own httpRouter, and modules initialise before their plugin: the
 * handler registered here sits in front of the catalog's router (behind the credentials barrier).
 */
export const catalogModuleQueryCache = createBackendModule({
  pluginId: 'catalog',
  moduleId: 'query-cache',
  register(reg) {
    reg.registerInit({
      deps: {
        config: coreServices.rootConfig,
        cache: coreServices.cache,
        database: coreServices.database,
        httpAuth: coreServices.httpAuth,
        httpRouter: coreServices.httpRouter,
        lifecycle: coreServices.lifecycle,
        logger: coreServices.logger,
      },
      async init({
        config,
        cache,
        database,
        httpAuth,
        httpRouter,
        lifecycle,
        logger,
      }) {
        const settings = readQueryCacheConfig(config);
        // The catalog's own knex (the database service hands one client per plugin).
        const knex = await database.getClient();
        // Also when disabled: an index left from an earlier start must not meet the migrations.
        await dropProbeIndexBeforeMigrations(knex);
        if (!settings.enabled) {
          logger.info(
            'Catalog query cache disabled (catalog.queryCache.enabled)',
          );
          return;
        }
        // The catalog creates its tables in its init, which runs after this module's.
        lifecycle.addStartupHook(async () => {
          try {
            if (await createProbeIndex(knex)) {
              logger.info(
                `Catalog query cache probe index ${PROBE_INDEX} in place`,
              );
            }
          } catch (error) {
            // The probe still answers without it, only slower.
            logger.warn(
              `Catalog query cache could not create ${PROBE_INDEX}: ${
                (error as Error).message
              }`,
            );
          }
        });
        httpRouter.use(
          createQueryCacheMiddleware({
            cache,
            httpAuth,
            generation: new GenerationReader(generationProbe(knex)),
            logger,
            ttlMs: settings.ttlMs,
            maxEntryBytes: settings.maxEntryBytes,
          }),
        );
        logger.info(
          `Catalog query cache on: facets and list pages per caller, at most ${
            settings.ttlMs / 1000
          } s`,
        );
      },
    });
  },
});
