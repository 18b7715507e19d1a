import { Config } from '@backstage/config';

/** Where the webhook's secret is configured (the key upstream's GitHub events module reads). */
export const WEBHOOK_SECRET_KEY = 'events.modules.github.webhookSecret';

/**
 * The webhook secret, or undefined when it is not set or empty (then there is no endpoint).
 * Taken as configured, not trimmed: GitHub signs with the secret's exact characters.
 */
export function readWebhookSecret(config: Config): string | undefined {
  const secret = config.getOptionalString(WEBHOOK_SECRET_KEY);
  return secret ? secret : undefined;
}

/**
 * Whether any `integrations.github[].apps[]` entry has a `webhookSecret`: upstream's module
 * accepts deliveries signed with those; this one does not, and says so when they are set.
 */
export function hasGithubAppWebhookSecrets(config: Config): boolean {
  return (config.getOptionalConfigArray('integrations.github') ?? []).some(
    integration =>
      (integration.getOptionalConfigArray('apps') ?? []).some(app =>
        Boolean(app.getOptionalString('webhookSecret')),
      ),
  );
}
