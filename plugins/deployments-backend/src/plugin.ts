import {
  coreServices,
  createBackendPlugin,
} from '@backstage/backend-plugin-api';
import { catalogServiceRef } from '@backstage/plugin-catalog-node';
import { deploymentsPermissions } from '@internal/plugin-deployments-common';
import { DatabaseHistoryStore } from './database/HistoryStore';
import { CatalogRolloutSink } from './history/CatalogRolloutSink';
import { EventRecorder } from './history/EventRecorder';
import { createKubernetesDeployments } from './kubernetes';
import { CatalogScope } from './service/catalogScope';
import { DoraQuery } from './service/DoraQuery';
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
        lifecycle: coreServices.lifecycle,
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
        const store = await DatabaseHistoryStore.create({
          database: deps.database,
        });
        const scope = new CatalogScope(deps.catalog, deps.auth);
        // The watch caches of the configured clusters (none: the status says so); the rollouts
        // they observe are recorded through the sink, merged by id with CD events.
        const kubernetes = createKubernetesDeployments({
          config: deps.config,
          logger: deps.logger,
          sink: new CatalogRolloutSink({
            store,
            catalog: deps.catalog,
            auth: deps.auth,
            logger: deps.logger,
          }),
        });
        deps.lifecycle.addStartupHook(() => kubernetes.start());
        deps.lifecycle.addShutdownHook(() => kubernetes.stop());
        deps.httpRouter.use(
          await createRouter({
            httpAuth: deps.httpAuth,
            permissions: deps.permissions,
            auditor: deps.auditor,
            store,
            recorder: new EventRecorder({
              store,
              catalog: deps.catalog,
              auth: deps.auth,
            }),
            scope,
            dora: new DoraQuery({
              store,
              scope,
              productionEnvironment:
                deps.config.getOptionalString(
                  'deployments.productionEnvironment',
                ) ?? DEFAULT_PRODUCTION_ENVIRONMENT,
            }),
            status: kubernetes.status,
          }),
        );
      },
    });
  },
});
