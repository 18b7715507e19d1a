import {
  ApiBlueprint,
  discoveryApiRef,
  fetchApiRef,
} from '@backstage/frontend-plugin-api';
import { TelemetryClient, telemetryApiRef } from '../api';

/** `api:telemetry`: the client for the telemetry backend. */
export const telemetryApi = ApiBlueprint.make({
  params: defineParams =>
    defineParams({
      api: telemetryApiRef,
      deps: { discoveryApi: discoveryApiRef, fetchApi: fetchApiRef },
      factory: ({ discoveryApi, fetchApi }) =>
        new TelemetryClient({ discoveryApi, fetchApi }),
    }),
});
