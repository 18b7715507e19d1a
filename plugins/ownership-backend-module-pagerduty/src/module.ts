import {
  coreServices,
  createBackendModule,
} from '@backstage/backend-plugin-api';
import { ownershipOnCallProvidersExtensionPoint } from '@internal/plugin-ownership-node';
import { readPagerDutyConfig } from './config';
import { PagerDutyClient } from './PagerDutyClient';
import { PagerDutyOnCallProvider } from './PagerDutyOnCallProvider';

/**
 * Adds PagerDuty as the first on-call provider of the ownership plugin when
 * `ownership.pagerduty.token` is configured; installed without it, it only logs that it is off.
 */
export const ownershipModulePagerDuty = createBackendModule({
  pluginId: 'ownership',
  moduleId: 'pagerduty',
  register(reg) {
    reg.registerInit({
      deps: {
        config: coreServices.rootConfig,
        logger: coreServices.logger,
        providers: ownershipOnCallProvidersExtensionPoint,
      },
      async init({ config, logger, providers }) {
        const settings = readPagerDutyConfig(config);
        if (!settings) {
          logger.info(
            'ownership.pagerduty is not configured: on-call comes from the catalog rotation annotations',
          );
          return;
        }
        providers.addOnCallProvider(
          new PagerDutyOnCallProvider(new PagerDutyClient(settings)),
        );
        logger.info(
          `On-call is asked of PagerDuty at ${settings.apiBaseUrl} first`,
        );
      },
    });
  },
});
