export {
  isTelemetryWindow,
  TELEMETRY_WINDOWS,
  telemetryApiRef,
} from './TelemetryApi';
export type { TelemetryApi, TelemetryWindow } from './TelemetryApi';
export { TelemetryClient } from './TelemetryClient';
