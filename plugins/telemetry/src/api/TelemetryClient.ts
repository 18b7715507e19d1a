import { ResponseError } from '@backstage/errors';
import { DiscoveryApi, FetchApi } from '@backstage/frontend-plugin-api';
import {
  EdgeReport,
  RedReport,
  SloStatusList,
  TraceSampleList,
} from '@internal/plugin-telemetry-common';
import { TelemetryApi, TelemetryWindow } from './TelemetryApi';

/**
 * {@link TelemetryApi} over HTTP with the signed-in user's token. Deliberately thin — it builds
 * URLs and turns non-2xx answers into `ResponseError`s — so it can delegate to the client
 * generated from the backend's OpenAPI spec once that covers `/v1/slos` and is exported by
 * telemetry-common, without the cards noticing. The body types are the contract's
 * (`@internal/plugin-telemetry-common`), not declared here.
 */
export class TelemetryClient implements TelemetryApi {
  constructor(
    private readonly options: {
      discoveryApi: DiscoveryApi;
      fetchApi: FetchApi;
    },
  ) {}

  getRed(serviceName: string, window: TelemetryWindow): Promise<RedReport> {
    return this.get(`/v1/services/${encodeURIComponent(serviceName)}/red`, {
      window,
    });
  }

  getTraceSamples(serviceName: string): Promise<TraceSampleList> {
    return this.get(
      `/v1/services/${encodeURIComponent(serviceName)}/traces`,
      {},
    );
  }

  getSlos(entityRef: string): Promise<SloStatusList> {
    return this.get('/v1/slos', { entityRef });
  }

  getEdges(window: TelemetryWindow): Promise<EdgeReport> {
    return this.get('/v1/edges', { window });
  }

  private async get<T>(
    path: string,
    params: Record<string, string>,
  ): Promise<T> {
    const baseUrl = await this.options.discoveryApi.getBaseUrl('telemetry');
    const search = new URLSearchParams(params).toString();
    const response = await this.options.fetchApi.fetch(
      `${baseUrl}${path}${search ? `?${search}` : ''}`,
    );
    if (!response.ok) {
      throw await ResponseError.fromResponse(response);
    }
    return (await response.json()) as T;
  }
}
