import { Config } from '@backstage/config';
import { MAX_REQUESTS_PER_SECOND } from './emit/DemoTrafficRunner';

export interface DemoTrafficSettings {
  enabled: boolean;
  requestsPerSecond: number;
}

const DEFAULT_REQUESTS_PER_SECOND = 4;

/** `telemetry.demoTraffic` (config.d.ts): off unless enabled; the rate capped. */
export function readDemoTrafficConfig(config: Config): DemoTrafficSettings {
  const section = config.getOptionalConfig('telemetry.demoTraffic');
  const requestsPerSecond =
    section?.getOptionalNumber('requestsPerSecond') ??
    DEFAULT_REQUESTS_PER_SECOND;
  if (!(requestsPerSecond > 0) || requestsPerSecond > MAX_REQUESTS_PER_SECOND) {
    throw new Error(
      `telemetry.demoTraffic.requestsPerSecond must be above 0 and at most ${MAX_REQUESTS_PER_SECOND}, got ${requestsPerSecond}`,
    );
  }
  return {
    enabled: section?.getOptionalBoolean('enabled') ?? false,
    requestsPerSecond,
  };
}
