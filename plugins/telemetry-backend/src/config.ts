import { Config, readDurationFromConfig } from '@backstage/config';
import { durationToMilliseconds } from '@backstage/types';
import { DEFAULT_RETENTION, Retention } from './database/Retention';

export interface TelemetryConfig {
  receiver: {
    maxBodyBytes: number;
    maxDecompressedBytes: number;
    maxQueuedSpans: number;
    /** Batches written at once; undefined = 1 on SQLite (one writer anyway), 4 on PostgreSQL. */
    concurrency?: number;
    recentSpans: number;
  };
  retention: Retention;
  traceUrlTemplate?: string;
}

export const DEFAULTS = {
  maxBodyBytes: 8 * 1024 * 1024,
  maxDecompressedBytes: 64 * 1024 * 1024,
  maxQueuedSpans: 50_000,
  recentSpans: 20_000,
};

function duration(config: Config, key: string, fallbackMs: number): number {
  return config.has(key)
    ? durationToMilliseconds(readDurationFromConfig(config, { key }))
    : fallbackMs;
}

/** `telemetry.*` (config.d.ts documents every key). */
export function readTelemetryConfig(root: Config): TelemetryConfig {
  const config = root.getOptionalConfig('telemetry');
  const receiver = config?.getOptionalConfig('receiver');
  const retention = config?.getOptionalConfig('retention');
  const positive = (value: number | undefined, key: string, fallback: number) => {
    if (value === undefined) return fallback;
    if (!(value > 0)) throw new Error(`telemetry.${key} must be a positive number, got ${value}`);
    return value;
  };
  const r = (key: string, fallback: number) =>
    retention ? duration(retention, key, fallback) : fallback;
  return {
    receiver: {
      maxBodyBytes: positive(receiver?.getOptionalNumber('maxBodyBytes'), 'receiver.maxBodyBytes', DEFAULTS.maxBodyBytes),
      maxDecompressedBytes: positive(
        receiver?.getOptionalNumber('maxDecompressedBytes'),
        'receiver.maxDecompressedBytes',
        DEFAULTS.maxDecompressedBytes,
      ),
      maxQueuedSpans: positive(
        receiver?.getOptionalNumber('maxQueuedSpans'),
        'receiver.maxQueuedSpans',
        DEFAULTS.maxQueuedSpans,
      ),
      concurrency: receiver?.getOptionalNumber('concurrency'),
      recentSpans: receiver?.getOptionalNumber('recentSpans') ?? DEFAULTS.recentSpans,
    },
    retention: {
      minutesMs: r('minutes', DEFAULT_RETENTION.minutesMs),
      hoursMs: r('hours', DEFAULT_RETENTION.hoursMs),
      dedupMs: r('dedup', DEFAULT_RETENTION.dedupMs),
      pendingPairsMs: r('pendingPairs', DEFAULT_RETENTION.pendingPairsMs),
      samplesMs: r('samples', DEFAULT_RETENTION.samplesMs),
    },
    traceUrlTemplate: config?.getOptionalString('traceUrlTemplate'),
  };
}

/** A retention in words for messages, e.g. `2d` or `36h`. */
export function retentionText(ms: number): string {
  const hours = ms / 3_600_000;
  return hours % 24 === 0 ? `${hours / 24}d` : `${Math.round(hours * 10) / 10}h`;
}
