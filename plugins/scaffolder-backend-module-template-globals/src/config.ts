import { RootConfigService } from '@backstage/backend-plugin-api';

/**
 * Where generated services send OpenTelemetry data (OTLP/HTTP base endpoint): offered to the
 * templates as the template global `strataOtlpEndpoint`, which they pass to their skeletons as
 * `values.otlpEndpoint` (templates/README.md).
 */
export const OTLP_ENDPOINT_KEY = 'strata.telemetry.otlpEndpoint';

/** Strata's OTLP receiver as seen from inside the cluster, when nothing is configured. */
export const DEFAULT_OTLP_ENDPOINT =
  'http://strata.platform.svc.cluster.local:7007/api/otlp';

/** The configured OTLP endpoint without a trailing slash, else {@link DEFAULT_OTLP_ENDPOINT}. */
export function readOtlpEndpoint(config: RootConfigService): string {
  const configured = config.getOptionalString(OTLP_ENDPOINT_KEY);
  return (configured || DEFAULT_OTLP_ENDPOINT).replace(/\/+$/, '');
}
