import {
  coreServices,
  createBackendModule,
} from '@backstage/backend-plugin-api';
import { GithubEventRouter } from '@backstage/plugin-events-backend-module-github';
import { eventsServiceRef } from '@backstage/plugin-events-node';
import { eventsExtensionPoint } from '@backstage/plugin-events-node/alpha';
import {
  hasGithubAppWebhookSecrets,
  readWebhookSecret,
  WEBHOOK_SECRET_KEY,
} from './config';
import { createGithubSignatureValidator } from './githubSignature';

/**
 * GitHub webhooks into the events system, in place of the default feature of
 * `@backstage/plugin-events-backend-module-github` (install one or the other, never both: each
 * registers the `github` ingress, and the last one registered would silently win):
 *
 * - the HTTP ingress POST /api/events/http/github (topic `github`), registered only when
 *   `events.modules.github.webhookSecret` is set, with a validator that answers 401 to a
 *   missing or wrong X-Hub-Signature-256;
 * - upstream's `GithubEventRouter`, which republishes every `github` event as
 *   `github.<X-GitHub-Event>` (`github.push`, ...), installed whether or not the ingress is.
 *
 * @public
 */
export const eventsModuleGithubWebhookStrict = createBackendModule({
  pluginId: 'events',
  moduleId: 'github-webhook-strict',
  register(reg) {
    reg.registerInit({
      deps: {
        config: coreServices.rootConfig,
        logger: coreServices.logger,
        ingress: eventsExtensionPoint,
        events: eventsServiceRef,
      },
      async init({ config, logger, ingress, events }) {
        const secret = readWebhookSecret(config);
        if (secret) {
          ingress.addHttpPostIngress({
            topic: 'github',
            validator: createGithubSignatureValidator({ secret, logger }),
          });
          logger.info(
            `GitHub webhooks at POST /api/events/http/github are accepted only with a valid X-Hub-Signature-256 for ${WEBHOOK_SECRET_KEY}; others are answered 401`,
          );
        } else {
          const apps = hasGithubAppWebhookSecrets(config)
            ? ' (the webhookSecret of integrations.github apps is not used by this module)'
            : '';
          logger.info(
            `${WEBHOOK_SECRET_KEY} is not set: POST /api/events/http/github is not registered and no GitHub webhook is received${apps}`,
          );
        }
        await new GithubEventRouter({ events }).subscribe();
      },
    });
  },
});
