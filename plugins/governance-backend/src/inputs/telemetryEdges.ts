import { DiscoveryService } from '@backstage/backend-plugin-api';
import { ResponseError } from '@backstage/errors';
import type { EdgeReport } from '@internal/plugin-telemetry-common';
import type { TelemetryWindow } from './telemetryInput';

/**
 * `GET /api/telemetry/v1/edges` with a plugin token. telemetry-common does not export its
 * generated TelemetryApiClient from its index yet; once it does, this becomes a call of
 * `getEdges` on that client.
 */
export async function fetchEdges(
  discovery: DiscoveryService,
  token: string,
  window: TelemetryWindow,
): Promise<EdgeReport> {
  const baseUrl = await discovery.getBaseUrl('telemetry');
  const response = await fetch(
    `${baseUrl}/v1/edges?window=${encodeURIComponent(window)}`,
    { headers: { authorization: `Bearer ${token}` } },
  );
  if (!response.ok) throw await ResponseError.fromResponse(response);
  return (await response.json()) as EdgeReport;
}
