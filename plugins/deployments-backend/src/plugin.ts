import {
  coreServices,
  createBackendPlugin,
} from '@backstage/backend-plugin-api';
import { catalogServiceRef } from '@backstage/plugin-catalog-node';
import { deploymentsPermissions } from '@internal/plugin-deployments-common';
import { DatabaseHistoryStore } from './database/HistoryStore';
import { CatalogRolloutSink } from './history/CatalogRolloutSink';
import { EventRecorder } from './history/EventRecorder';
import { CatalogScope } from './service/catalogScope';
import { DoraQuery } from './service/DoraQuery';
import { noClustersStatusSource } from './service/noClusters';
import { createRouter } from './service/router';

/** The environment DORA figures are about, unless `deployments.productionEnvironment` says otherwise. */
export const DEFAULT_PRODUCTION_ENVIRONMENT = 'production';

/**
 * Deployments: what runs where (a Kubernetes watch cache), rollout and incident history (from
 * the watch and from CI/CD and incident tools), and DORA figures per service and team.
 */
export const deploymentsPlugin = createBackendPlugin({
  pluginId: 'deployments',
  register(env) {
    env.registerInit({
      deps: {
        config: coreServices.rootConfig,
        logger: coreServices.logger,
        database: coreServices.database,
        httpRouter: coreServices.httpRouter,
        httpAuth: coreServices.httpAuth,
        auth: coreServices.auth,
        auditor: coreServices.auditor,
        permissions: coreServices.permissions,
        permissionsRegistry: coreServices.permissionsRegistry,
        catalog: catalogServiceRef,
      },
      async init(deps) {
        deps.permissionsRegistry.addPermissions(deploymentsPermissions);
        const store = await DatabaseHistoryStore.create({ database: deps.database });
        const scope = new CatalogScope(deps.catalog);
        // Handed to the Kubernetes watch once it is wired in (createKubernetesDeployments).
        const sink = new CatalogRolloutSink({
          store,
          catalog: deps.catalog,
          auth: deps.auth,
          logger: deps.logger,
        });
        void sink;
        deps.httpRouter.use(
          await createRouter({
            httpAuth: deps.httpAuth,
            permissions: deps.permissions,
            auditor: deps.auditor,
            store,
            recorder: new EventRecorder({ store, catalog: deps.catalog, auth: deps.auth }),
            scope,
            dora: new DoraQuery({
              store,
              scope,
              productionEnvironment:
                deps.config.getOptionalString('deployments.productionEnvironment') ??
                DEFAULT_PRODUCTION_ENVIRONMENT,
            }),
            status: noClustersStatusSource,
          }),
        );
      },
    });
  },
});
