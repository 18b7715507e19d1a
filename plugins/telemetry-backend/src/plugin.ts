import { coreServices, createBackendPlugin } from '@backstage/backend-plugin-api';
import { catalogServiceRef } from '@backstage/plugin-catalog-node';
import {
  MetricsSource,
  telemetryMetricsSourceExtensionPoint,
} from '@internal/plugin-telemetry-node';
import { CatalogGraphCache } from './catalog/CatalogGraphCache';
import { readTelemetryConfig, retentionText } from './config';
import { AggregateReader } from './database/AggregateReader';
import { GraphReader } from './database/GraphReader';
import { IngestOutcome, IngestStore } from './database/IngestStore';
import { Maintenance } from './database/Maintenance';
import { SampleReader } from './database/SampleReader';
import { isPostgres } from './database/tables';
import { EmbeddedMetricsSource } from './query/EmbeddedMetricsSource';
import { IngestQueue } from './receiver/IngestQueue';
import { createOtlpReceiver } from './receiver/otlpReceiver';
import { createRouter } from './service/router';
import { createSloService } from './slo';

/**
 * Telemetry: an OTLP/HTTP trace receiver (`POST /api/telemetry/v1/traces`), RED aggregates with
 * rollup and retention, the observed service graph and trace samples, and the read API.
 * A module may replace the embedded aggregates as the MetricsSource the SLO status and RED read.
 */
export const telemetryPlugin = createBackendPlugin({
  pluginId: 'telemetry',
  register(env) {
    let moduleSource: MetricsSource | undefined;
    env.registerExtensionPoint(telemetryMetricsSourceExtensionPoint, {
      setMetricsSource(source) {
        if (moduleSource) {
          throw new Error(
            `Two telemetry metrics sources were installed (${moduleSource.id} and ${source.id}); keep one module`,
          );
        }
        moduleSource = source;
      },
    });

    env.registerInit({
      deps: {
        config: coreServices.rootConfig,
        logger: coreServices.logger,
        database: coreServices.database,
        httpRouter: coreServices.httpRouter,
        httpAuth: coreServices.httpAuth,
        auth: coreServices.auth,
        scheduler: coreServices.scheduler,
        urlReader: coreServices.urlReader,
        catalog: catalogServiceRef,
      },
      async init({
        config,
        logger,
        database,
        httpRouter,
        httpAuth,
        auth,
        scheduler,
        urlReader,
        catalog,
      }) {
        const settings = readTelemetryConfig(config);
        const { receiver, retention } = settings;
        const store = await IngestStore.create({ database, recentSpans: receiver.recentSpans });
        const db = store.client;
        const aggregates = new AggregateReader(db, retention);
        const metricsSource = moduleSource ?? new EmbeddedMetricsSource(aggregates);
        logger.info(`Telemetry metrics source: ${metricsSource.id}`);

        const maintenance = new Maintenance(db, retention);
        await scheduler.scheduleTask({
          id: 'telemetry-rollup-and-retention',
          frequency: { minutes: 1 },
          timeout: { minutes: 10 },
          initialDelay: { seconds: 30 },
          fn: async () => {
            await maintenance.run();
          },
        });

        httpRouter.use(
          createOtlpReceiver({
            httpAuth,
            logger,
            limits: receiver,
            queue: new IngestQueue<IngestOutcome>({
              maxQueuedSpans: receiver.maxQueuedSpans,
              concurrency: receiver.concurrency ?? (isPostgres(db) ? 4 : 1),
            }),
            ingest: spans => store.ingest(spans),
            oldestEndMs: () => Date.now() - retention.minutesMs,
            retentionText: retentionText(retention.minutesMs),
          }),
        );
        httpRouter.use(
          await createRouter({
            httpAuth,
            aggregates,
            metricsSource,
            graph: new GraphReader(db, retention),
            samples: new SampleReader(db),
            catalog: new CatalogGraphCache({ catalog, auth, logger }),
            slos: createSloService({ config, catalog, auth, urlReader, metricsSource }),
            traceUrlTemplate: settings.traceUrlTemplate,
          }),
        );
      },
    });
  },
});
