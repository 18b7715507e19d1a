import { Config } from '@backstage/config';

export const DEFAULT_API_BASE_URL = 'https://api.pagerduty.com';
export const DEFAULT_TIMEOUT_MS = 5000;

export interface PagerDutySettings {
  apiBaseUrl: string;
  token: string;
  timeoutMs: number;
}

/** `ownership.pagerduty` (config.d.ts), or undefined when it is not configured. */
export function readPagerDutyConfig(
  root: Config,
): PagerDutySettings | undefined {
  const config = root.getOptionalConfig('ownership.pagerduty');
  if (!config) return undefined;
  const token = config.getString('token').trim();
  if (!token) {
    throw new Error(
      'ownership.pagerduty.token is empty: give a PagerDuty REST API key',
    );
  }
  const apiBaseUrl = (
    config.getOptionalString('apiBaseUrl') ?? DEFAULT_API_BASE_URL
  ).replace(/\/+$/, '');
  try {
    new URL(apiBaseUrl); // eslint-disable-line no-new
  } catch {
    throw new Error(
      `ownership.pagerduty.apiBaseUrl is not a URL: '${apiBaseUrl}'`,
    );
  }
  const timeoutMs = config.getOptionalNumber('timeoutMs') ?? DEFAULT_TIMEOUT_MS;
  if (!(timeoutMs > 0)) {
    throw new Error(
      `ownership.pagerduty.timeoutMs must be positive, got ${timeoutMs}`,
    );
  }
  return { apiBaseUrl, token, timeoutMs };
}
