import { DiscoveryApi, FetchApi } from '@backstage/frontend-plugin-api';
import {
  EdgeReport,
  RedReport,
  SloStatusList,
  TelemetryApiClient,
  TraceSampleList,
} from '@internal/plugin-telemetry-common';
import { TelemetryApi, TelemetryWindow } from './TelemetryApi';

/**
 * {@link TelemetryApi} over HTTP with the signed-in user's token, through the client generated
 * from the backend's OpenAPI spec (non-2xx answers are `ResponseError`s). The cards call it with
 * plain arguments; this adapter only shapes them into the generated client's requests. The
 * answers are the contract types of telemetry-common, which the generated models match.
 */
export class TelemetryClient implements TelemetryApi {
  private readonly client: TelemetryApiClient;

  constructor(options: { discoveryApi: DiscoveryApi; fetchApi: FetchApi }) {
    this.client = new TelemetryApiClient(options);
  }

  getRed(serviceName: string, window: TelemetryWindow): Promise<RedReport> {
    return this.client.getRed({ path: { serviceName }, query: { window } });
  }

  getTraceSamples(serviceName: string): Promise<TraceSampleList> {
    return this.client.getTraceSamples({ path: { serviceName } });
  }

  getSlos(entityRef: string): Promise<SloStatusList> {
    return this.client.getSlos({ query: { entityRef } });
  }

  getEdges(window: TelemetryWindow): Promise<EdgeReport> {
    return this.client.getEdges({ query: { window } });
  }
}
