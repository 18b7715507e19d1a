/**
 * Start-up and shutdown. Started as `node --require ./dist/telemetry.js
 * dist/main.js`, so tracing is already running (and this import of it returns
 * the same, already started module).
 *
 * Order: the HTTP server listens first, so liveness answers at once; migrations
 * then run, retrying while the database is unreachable, and readiness turns
 * 200 only after they have applied and the database answers.
 */
import { shutdownTelemetry } from './telemetry';
import { readConfig } from './config';
import { createDatabase, migrateToLatest, pingDatabase } from './db';
import { DatabaseItemStore } from './items/itemStore';
import { errorMessage, logger } from './log';
import { checkReadiness, type Dependency } from './readiness';
import { createRoutes } from './routes';
import { createServer } from './server';{% if values.producesTopic or values.consumesTopic %}
import { Kafka, logLevel } from 'kafkajs';{% endif %}{% if values.producesTopic %}
import { ItemEventPublisher } from './events/producer';{% endif %}{% if values.consumesTopic %}
import { EventConsumer } from './events/consumer';{% endif %}

const MIGRATION_RETRY_MS = 5000;

async function main(): Promise<void> {
  const config = readConfig(process.env);
  const db = createDatabase(config.databaseUrl);
  let migrated = false;
  let shuttingDown = false;{% if values.producesTopic or values.consumesTopic %}

  const kafka = new Kafka({
    clientId: config.serviceName,
    brokers: config.kafkaBrokers,
    logLevel: logLevel.WARN,
  });{% endif %}{% if values.producesTopic %}
  const publisher = ItemEventPublisher.create(kafka, logger);
  publisher.connectInBackground();{% endif %}{% if values.consumesTopic %}
  const consumer = EventConsumer.create(kafka, config.serviceName, logger);
  consumer.startInBackground();{% endif %}

  const dependencies: Dependency[] = [
    {
      name: 'database',
      required: true,
      check: async () => {
        if (shuttingDown) throw new Error('shutting down');
        if (!migrated) throw new Error('migrations not applied yet');
        await pingDatabase(db);
      },
    },{% if values.producesTopic %}
    {
      name: 'kafka-producer',
      required: false,
      check: async () => {
        if (!publisher.isConnected()) throw new Error('not connected to Kafka');
      },
    },{% endif %}{% if values.consumesTopic %}
    {
      name: 'kafka-consumer',
      required: false,
      check: async () => {
        if (!consumer.isConnected()) throw new Error('not consuming from Kafka');
      },
    },{% endif %}
  ];

  const handle = createRoutes({
    items: new DatabaseItemStore(db),
    readiness: () => checkReadiness(dependencies),{% if values.producesTopic %}
    onItemCreated: item => publisher.publishItemCreated(item),{% endif %}
    logger,
  });
  const server = createServer(handle);
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(config.port, resolve);
  });
  logger.info('listening', { port: config.port });

  const migrate = async (): Promise<void> => {
    try {
      await migrateToLatest(db);
      migrated = true;
      logger.info('migrations applied');
    } catch (error) {
      logger.warn('migrations failed; retrying', {
        error: errorMessage(error),
        retryMs: MIGRATION_RETRY_MS,
      });
      setTimeout(migrate, MIGRATION_RETRY_MS).unref();
    }
  };
  void migrate();

  // SIGTERM comes after the Deployment's preStop pause, by when the pod has left
  // the Service's endpoints: readiness fails, open requests finish, spans are
  // flushed, then the process exits.
  const shutdown = async (): Promise<void> => {
    if (shuttingDown) return;
    shuttingDown = true;
    logger.info('shutting down');
    await new Promise<void>(resolve => server.close(() => resolve()));{% if values.producesTopic %}
    await publisher.disconnect().catch(() => undefined);{% endif %}{% if values.consumesTopic %}
    await consumer.stop().catch(() => undefined);{% endif %}
    await db.destroy();
    await shutdownTelemetry();
    process.exit(0);
  };
  process.once('SIGTERM', shutdown);
  process.once('SIGINT', shutdown);
}

main().catch(async error => {
  logger.error('failed to start', { error: errorMessage(error) });
  await shutdownTelemetry().catch(() => undefined);
  process.exit(1);
});
