/*
 * The embedded aggregates (helper T1's store in @internal/plugin-telemetry-backend) fed the same
 * traffic dataset, for the parity test. Test-only deep imports: the backend does not export its
 * store, and this module must not depend on the backend at run time.
 */
/* eslint-disable @backstage/no-forbidden-package-imports, @backstage/no-mixed-plugin-imports */
import { DatabaseService } from '@backstage/backend-plugin-api';
import { MetricsSource } from '@internal/plugin-telemetry-node';
import { Knex } from 'knex';
import { AggregateReader } from '@internal/plugin-telemetry-backend/src/database/AggregateReader';
import { IngestStore } from '@internal/plugin-telemetry-backend/src/database/IngestStore';
import { DEFAULT_RETENTION } from '@internal/plugin-telemetry-backend/src/database/Retention';
import type { ReceivedSpan } from '@internal/plugin-telemetry-backend/src/otlp/spans';
import { EmbeddedMetricsSource } from '@internal/plugin-telemetry-backend/src/query/EmbeddedMetricsSource';
/* eslint-enable @backstage/no-forbidden-package-imports, @backstage/no-mixed-plugin-imports */
import { TrafficDataset } from './spanTraffic';

/** The dataset's spans as the receiver hands them to the store. */
export function toReceivedSpans(dataset: TrafficDataset): ReceivedSpan[] {
  return dataset.spans.map((s, i) => ({
    traceId: (i + 1).toString(16).padStart(32, '0'),
    spanId: (i + 1).toString(16).padStart(16, '0'),
    serviceName: s.serviceName,
    name: s.operation,
    kind: s.kind,
    startMs: s.endMs - s.durationMs,
    endMs: s.endMs,
    status: s.error ? 'error' : 'unset',
    attributes: {},
  }));
}

/** Ingests the dataset into a fresh store on `knex` and returns the embedded source over it. */
export async function embeddedSourceOver(
  knex: Knex,
  dataset: TrafficDataset,
): Promise<MetricsSource> {
  const database = {
    getClient: async () => knex,
  } as unknown as DatabaseService;
  const store = await IngestStore.create({
    database,
    now: () => dataset.endMs,
  });
  const spans = toReceivedSpans(dataset);
  for (let i = 0; i < spans.length; i += 2000) {
    await store.ingest(spans.slice(i, i + 2000));
  }
  return new EmbeddedMetricsSource(
    new AggregateReader(knex, DEFAULT_RETENTION),
  );
}
