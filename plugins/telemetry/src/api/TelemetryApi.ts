import { createApiRef } from '@backstage/frontend-plugin-api';
import {
  EdgeReport,
  RedReport,
  SloStatusList,
  TraceSampleList,
} from '@internal/plugin-telemetry-common';

/** The windows the backend answers RED and edges for (ending now). */
export const TELEMETRY_WINDOWS = ['15m', '1h', '6h', '24h', '7d'] as const;
export type TelemetryWindow = (typeof TELEMETRY_WINDOWS)[number];

export function isTelemetryWindow(value: string): value is TelemetryWindow {
  return (TELEMETRY_WINDOWS as readonly string[]).includes(value);
}

/** Talks to the telemetry backend (`/api/telemetry`). Errors are `ResponseError`s. */
export interface TelemetryApi {
  /** Rate, errors and latency of an OpenTelemetry `service.name`, overall, per operation and per step. */
  getRed(serviceName: string, window: TelemetryWindow): Promise<RedReport>;
  /** The service's sampled recent failing and slowest traces, as span trees. */
  getTraceSamples(serviceName: string): Promise<TraceSampleList>;
  /** The status of each objective in the entity's SLO file, and the file's problems. */
  getSlos(entityRef: string): Promise<SloStatusList>;
  /** The observed service graph, each edge declared or not, and declared relations never observed. */
  getEdges(window: TelemetryWindow): Promise<EdgeReport>;
}

/** `plugin.telemetry.service`: the {@link TelemetryApi}. */
export const telemetryApiRef = createApiRef<TelemetryApi>({
  id: 'plugin.telemetry.service',
});
