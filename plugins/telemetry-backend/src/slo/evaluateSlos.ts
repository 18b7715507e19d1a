import { ServiceUnavailableError } from '@backstage/errors';
import {
  ALERT_WINDOWS,
  AlertWindow,
  evaluateSlo,
  planSloQueries,
  SliCounts,
  SloDefinition,
  SloIndicator,
  SloMeasurements,
  SloStatus,
} from '@internal/plugin-telemetry-common';
import { MetricsSource, SliQuery } from '@internal/plugin-telemetry-node';

/** The SliQuery for all requests (`total`) or the bad ones of an SLO's indicator. */
export function sliQuery(
  indicator: SloIndicator,
  which: 'total' | 'bad',
  range: { from: Date; to: Date },
): SliQuery {
  const base = {
    serviceName: indicator.serviceName,
    ...(indicator.operation !== undefined && {
      operation: indicator.operation,
    }),
    from: range.from,
    to: range.to,
  };
  if (which === 'total') return { ...base, kind: 'total' };
  return indicator.kind === 'latency'
    ? { ...base, kind: 'slowerThan', thresholdMs: indicator.thresholdMs }
    : { ...base, kind: 'errors' };
}

async function counts(
  source: MetricsSource,
  indicator: SloIndicator,
  range: { from: Date; to: Date },
): Promise<SliCounts> {
  const [total, bad] = await Promise.all([
    source.count(sliQuery(indicator, 'total', range)),
    source.count(sliQuery(indicator, 'bad', range)),
  ]);
  return { total, bad };
}

/** The counts one SLO's plan asks for, read from the source in parallel. */
async function measure(
  source: MetricsSource,
  definition: SloDefinition,
  plan: ReturnType<typeof planSloQueries>,
): Promise<SloMeasurements> {
  const { indicator } = definition;
  const [window, burn, totalSeries, badSeries] = await Promise.all([
    counts(source, indicator, plan.window),
    Promise.all(
      ALERT_WINDOWS.map(w => counts(source, indicator, plan.burnWindows[w])),
    ),
    source.countSeries(
      sliQuery(indicator, 'total', plan.series),
      plan.series.stepMs,
    ),
    source.countSeries(
      sliQuery(indicator, 'bad', plan.series),
      plan.series.stepMs,
    ),
  ]);
  const badAt = new Map(badSeries.map(p => [p.at.getTime(), p.value]));
  return {
    window,
    burnWindows: Object.fromEntries(
      ALERT_WINDOWS.map((w, i) => [w, burn[i]]),
    ) as Record<AlertWindow, SliCounts>,
    series: totalSeries.map(p => ({
      at: p.at,
      total: p.value,
      bad: badAt.get(p.at.getTime()) ?? 0,
    })),
  };
}

/** Which source answered, in the status' terms. */
function sourceOf(source: MetricsSource): SloStatus['source'] {
  // The contract names the two sources Strata ships; another module's source reports its id.
  return source.id as SloStatus['source'];
}

/**
 * Evaluates SLOs through a metrics source at `now`. A failing source fails the whole answer
 * with a 503 that names the source and its error (all SLOs read the same source).
 */
export async function evaluateSlos(
  definitions: SloDefinition[],
  source: MetricsSource,
  now: Date,
): Promise<SloStatus[]> {
  try {
    return await Promise.all(
      definitions.map(async definition => {
        const plan = planSloQueries(definition, now);
        return evaluateSlo(
          definition,
          plan,
          await measure(source, definition, plan),
          sourceOf(source),
        );
      }),
    );
  } catch (e) {
    // The source's message is the cause, in words (no "caused by" repeating it).
    throw new ServiceUnavailableError(
      `The ${source.id} metrics source could not answer: ${
        e instanceof Error ? e.message : String(e)
      }`,
    );
  }
}
