import {
  coreServices,
  createBackendPlugin,
} from '@backstage/backend-plugin-api';
import { durationToMilliseconds } from '@backstage/types';
import { readDurationFromConfig } from '@backstage/config';
import { catalogServiceRef } from '@backstage/plugin-catalog-node';
import { eventsServiceRef } from '@backstage/plugin-events-node';
import { recordConflicts } from './conflicts/recordConflicts';
import { DatabaseConflictStore } from './database/ConflictStore';
import { CLI_BUILD_COMMAND, CliScriptFile } from './cli/CliScript';
import { createRouter } from './service/router';

/** How long a conflict stays listed after the catalog last reported it. */
const DEFAULT_FORGET_AFTER = { minutes: 15 };

/**
 * Catalog validation over HTTP, with the rules of the `strata-catalog` CLI:
 * `POST /api/catalog-validation/validate`; that CLI as one self-contained script for CI jobs:
 * `GET /api/catalog-validation/cli/strata-catalog.mjs`; and the entities the catalog found declared in two
 * locations: `GET /api/catalog-validation/conflicts`. Users and services may call all three; Backstage's
 * default policy (authentication required) stays on.
 *
 * @public
 */
export const catalogValidationPlugin = createBackendPlugin({
  pluginId: 'catalog-validation',
  register(env) {
    env.registerInit({
      deps: {
        httpRouter: coreServices.httpRouter,
        auth: coreServices.auth,
        httpAuth: coreServices.httpAuth,
        logger: coreServices.logger,
        config: coreServices.rootConfig,
        database: coreServices.database,
        scheduler: coreServices.scheduler,
        catalog: catalogServiceRef,
        events: eventsServiceRef,
      },
      async init(deps) {
        const { httpRouter, httpAuth, logger, config, catalog } = deps;
        const forgetAfterMs = durationToMilliseconds(
          config.has('catalogValidation.conflicts.forgetAfter')
            ? readDurationFromConfig(config, {
                key: 'catalogValidation.conflicts.forgetAfter',
              })
            : DEFAULT_FORGET_AFTER,
        );
        const conflicts = await DatabaseConflictStore.create(deps);
        await recordConflicts({
          events: deps.events,
          store: conflicts,
          logger,
        });
        await deps.scheduler.scheduleTask({
          id: 'catalog-validation-forget-resolved-conflicts',
          frequency: { minutes: 30 },
          timeout: { minutes: 1 },
          fn: async () => {
            await conflicts.prune(new Date(Date.now() - forgetAfterMs));
          },
        });
        const cliScript = CliScriptFile.default();
        await cliScript.read().then(
          ({ version }) =>
            logger.info(
              `Serving strata-catalog ${version} from ${cliScript.path}`,
            ),
          () =>
            logger.warn(
              `strata-catalog.mjs is not built (${cliScript.path}): GET /cli/strata-catalog.mjs answers 503 until "${CLI_BUILD_COMMAND}" has run`,
            ),
        );
        httpRouter.use(
          await createRouter({
            auth: deps.auth,
            httpAuth,
            logger,
            catalog,
            conflicts,
            conflictsForgetAfterMs: forgetAfterMs,
            cliScript,
          }),
        );
      },
    });
  },
});
