import {
  coreServices,
  createBackendPlugin,
} from '@backstage/backend-plugin-api';
import { actionsRegistryServiceRef } from '@backstage/backend-plugin-api/alpha';
import { catalogServiceRef } from '@backstage/plugin-catalog-node';
import { DeploymentsApiClient } from '@internal/plugin-deployments-common';
import {
  OnCallProvider,
  ownershipOnCallProvidersExtensionPoint,
} from '@internal/plugin-ownership-node';
import { TelemetryApiClient } from '@internal/plugin-telemetry-common';
import { registerActions } from './actions/registerActions';
import { AlertEnricher } from './alerts/AlertEnricher';
import { CatalogIndexSource } from './catalogIndex/CatalogIndexSource';
import { catalogEntityReader } from './catalogIndex/fromCatalog';
import { readOwnershipSettings } from './config';
import { HealthSources } from './health/health';
import { LookupService } from './lookup/LookupService';
import { CatalogRotationProvider } from './oncall/CatalogRotationProvider';
import { createRouter } from './service/router';

/**
 * Ownership: who owns a thing that pages you and who is on call for it — the lookup API, the
 * on-call providers (modules first, the catalog's rotation last) and the MCP actions.
 */
export const ownershipPlugin = createBackendPlugin({
  pluginId: 'ownership',
  register(env) {
    const providers: OnCallProvider[] = [];
    env.registerExtensionPoint(ownershipOnCallProvidersExtensionPoint, {
      addOnCallProvider(provider) {
        providers.push(provider);
      },
    });

    env.registerInit({
      deps: {
        config: coreServices.rootConfig,
        logger: coreServices.logger,
        auth: coreServices.auth,
        httpAuth: coreServices.httpAuth,
        auditor: coreServices.auditor,
        httpRouter: coreServices.httpRouter,
        discovery: coreServices.discovery,
        catalog: catalogServiceRef,
        actionsRegistry: actionsRegistryServiceRef,
      },
      async init(deps) {
        const settings = readOwnershipSettings(deps.config);
        const index = new CatalogIndexSource({
          catalog: deps.catalog,
          auth: deps.auth,
          logger: deps.logger,
          refreshMs: settings.refreshMs,
        });
        // Health comes from the other plugins over HTTP; when one is not installed its call
        // fails and the field is left out with the reason.
        const health = new HealthSources({
          auth: deps.auth,
          telemetry: new TelemetryApiClient({ discoveryApi: deps.discovery }),
          deployments: new DeploymentsApiClient({
            discoveryApi: deps.discovery,
          }),
          timeoutMs: settings.healthTimeoutMs,
        });
        const lookup = new LookupService({
          index,
          providers: [...providers, new CatalogRotationProvider()],
          health,
          // An entity registered since the last rebuild is read from the catalog directly.
          catalog: catalogEntityReader(deps.catalog, deps.auth),
        });
        deps.logger.info(
          `On-call providers: ${[...providers.map(p => p.id), 'catalog'].join(
            ', ',
          )}`,
        );
        registerActions({
          actionsRegistry: deps.actionsRegistry,
          lookup,
          health,
        });
        const alerts = new AlertEnricher(lookup, {
          url: settings.alertmanagerForwardUrl,
          timeoutMs: settings.alertmanagerForwardTimeoutMs,
        });
        deps.httpRouter.use(
          await createRouter({
            httpAuth: deps.httpAuth,
            auditor: deps.auditor,
            lookup,
            alerts,
          }),
        );
      },
    });
  },
});
