import { Config } from '@backstage/config';
import { InputError } from '@backstage/errors';

export const DEFAULT_REFRESH_SECONDS = 60;
export const DEFAULT_HEALTH_TIMEOUT_MS = 2000;

export const DEFAULT_FORWARD_TIMEOUT_MS = 5000;

export interface OwnershipSettings {
  refreshMs: number;
  healthTimeoutMs: number;
  alertmanagerForwardUrl?: string;
  alertmanagerForwardTimeoutMs: number;
}

function positive(config: Config, key: string, fallback: number): number {
  const value = config.getOptionalNumber(key) ?? fallback;
  if (!Number.isFinite(value) || value <= 0) {
    throw new InputError(`${key} must be a positive number, got ${value}`);
  }
  return value;
}

/** The plugin's settings from `ownership.*` (config.d.ts), with clear errors for bad values. */
export function readOwnershipSettings(config: Config): OwnershipSettings {
  return {
    refreshMs:
      positive(
        config,
        'ownership.index.refreshSeconds',
        DEFAULT_REFRESH_SECONDS,
      ) * 1000,
    healthTimeoutMs: positive(
      config,
      'ownership.health.timeoutMs',
      DEFAULT_HEALTH_TIMEOUT_MS,
    ),
    alertmanagerForwardUrl: forwardUrl(config),
    alertmanagerForwardTimeoutMs: positive(
      config,
      'ownership.alertmanager.forwardTimeoutMs',
      DEFAULT_FORWARD_TIMEOUT_MS,
    ),
  };
}

function forwardUrl(config: Config): string | undefined {
  const url = config.getOptionalString('ownership.alertmanager.forwardUrl');
  if (!url) return undefined;
  try {
    const parsed = new URL(url);
    if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:')
      throw new Error();
  } catch {
    throw new InputError(
      `ownership.alertmanager.forwardUrl must be an http(s) URL, got '${url}'`,
    );
  }
  return url;
}
