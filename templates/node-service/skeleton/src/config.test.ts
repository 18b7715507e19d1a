import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { DEFAULT_OTLP_ENDPOINT, readConfig, SERVICE_NAME } from './config';

const DATABASE_URL = 'postgresql://app@db:5432/app';

describe('readConfig', () => {
  it('uses the defaults for everything but the database', () => {
    const config = readConfig({ DATABASE_URL });
    assert.equal(config.port, 8080);
    assert.equal(config.databaseUrl, DATABASE_URL);
    assert.equal(config.serviceName, SERVICE_NAME);
    assert.equal(config.serviceName, '${{ values.name }}');
    assert.equal(config.otlpEndpoint, DEFAULT_OTLP_ENDPOINT);
    assert.equal(config.environment, 'development');
  });

  it('reads the environment', () => {
    const config = readConfig({
      DATABASE_URL,
      PORT: '9000',
      OTEL_SERVICE_NAME: 'renamed',
      OTEL_EXPORTER_OTLP_ENDPOINT: 'http://collector:4318/',
      DEPLOYMENT_ENVIRONMENT: 'production',
    });
    assert.equal(config.port, 9000);
    assert.equal(config.serviceName, 'renamed');
    assert.equal(config.otlpEndpoint, 'http://collector:4318', 'trailing slash removed');
    assert.equal(config.environment, 'production');
  });

  it('refuses to start without DATABASE_URL', () => {
    assert.throws(() => readConfig({}), /DATABASE_URL is required/);
  });

  it('rejects a port that is not a number', () => {
    assert.throws(() => readConfig({ DATABASE_URL, PORT: 'http' }), /PORT must be an integer/);
  });{% if values.producesTopic or values.consumesTopic %}

  it('splits KAFKA_BROKERS on commas', () => {
    const config = readConfig({ DATABASE_URL, KAFKA_BROKERS: 'k1:9092, k2:9092' });
    assert.deepEqual(config.kafkaBrokers, ['k1:9092', 'k2:9092']);
  });{% endif %}
});
