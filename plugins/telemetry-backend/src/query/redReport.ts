import { RedFigures, RedReport } from '@internal/plugin-telemetry-common';
import { RedAnswer, RedSourceFigures } from '@internal/plugin-telemetry-node';

function withErrorRate(figures: RedSourceFigures): RedFigures {
  return {
    requests: figures.requests,
    errors: figures.errors,
    errorRate: figures.requests > 0 ? figures.errors / figures.requests : null,
    latencyMs: figures.latencyMs,
  };
}

/**
 * The RED report of a service from a metrics source's answer: the error rates, operations
 * busiest first, ISO times, and which source answered.
 */
export function redReport(options: {
  serviceName: string;
  entityRef?: string;
  window: string;
  fromMs: number;
  toMs: number;
  answer: RedAnswer;
  /** The metrics source's id. */
  source: string;
}): RedReport {
  const { answer } = options;
  return {
    serviceName: options.serviceName,
    ...(options.entityRef ? { entityRef: options.entityRef } : {}),
    window: options.window,
    from: new Date(options.fromMs).toISOString(),
    to: new Date(options.toMs).toISOString(),
    ...withErrorRate(answer.total),
    operations: answer.operations
      .map(({ operation, ...figures }) => ({
        operation,
        ...withErrorRate(figures),
      }))
      .sort(
        (a, b) =>
          b.requests - a.requests || a.operation.localeCompare(b.operation),
      ),
    series: answer.series.map(({ at, ...figures }) => ({
      at: at.toISOString(),
      ...withErrorRate(figures),
    })),
    // The contract names the two sources Strata ships; another module's source reports its id.
    source: options.source as RedReport['source'],
  };
}
