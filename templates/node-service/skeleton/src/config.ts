/**
 * Everything the service reads from its environment, parsed in one place so a
 * missing or malformed setting fails at start-up rather than on first use.
 */
export type Config = {
  serviceName: string;
  serviceVersion: string;
  /** deployment.environment on every span, e.g. production or staging. */
  environment: string;
  port: number;
  databaseUrl: string;
  /** OTLP/HTTP base endpoint; traces go to `<endpoint>/v1/traces`. */
  otlpEndpoint: string;{% if values.producesTopic or values.consumesTopic %}
  kafkaBrokers: string[];{% endif %}
};

/** Strata's OTLP receiver, as the portal was configured when it generated this service (templates/README.md). */
export const DEFAULT_OTLP_ENDPOINT = '${{ values.otlpEndpoint }}';

export const SERVICE_NAME = '${{ values.name }}';

type Env = Record<string, string | undefined>;

function parsePort(value: string | undefined): number {
  if (value === undefined || value === '') {
    return 8080;
  }
  const port = Number(value);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    throw new Error(`PORT must be an integer between 0 and 65535, got "${value}"`);
  }
  return port;
}

/** The telemetry settings alone: telemetry starts before DATABASE_URL matters. */
export function readTelemetryConfig(
  env: Env,
): Pick<Config, 'serviceName' | 'serviceVersion' | 'environment' | 'otlpEndpoint'> {
  return {
    serviceName: env.OTEL_SERVICE_NAME || SERVICE_NAME,
    serviceVersion: env.SERVICE_VERSION || '0.1.0',
    environment: env.DEPLOYMENT_ENVIRONMENT || 'development',
    otlpEndpoint: (env.OTEL_EXPORTER_OTLP_ENDPOINT || DEFAULT_OTLP_ENDPOINT).replace(/\/+$/, ''),
  };
}

export function readConfig(env: Env): Config {
  const databaseUrl = env.DATABASE_URL;
  if (!databaseUrl) {
    // No default on purpose: a service silently talking to the wrong database
    // is worse than one that refuses to start.
    throw new Error('DATABASE_URL is required, e.g. postgresql://user:password@host:5432/db');
  }
  return {
    ...readTelemetryConfig(env),
    port: parsePort(env.PORT),
    databaseUrl,{% if values.producesTopic or values.consumesTopic %}
    kafkaBrokers: (env.KAFKA_BROKERS || 'localhost:9092')
      .split(',')
      .map(broker => broker.trim())
      .filter(Boolean),{% endif %}
  };
}
