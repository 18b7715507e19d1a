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
import { SliSource, SliQuery } from '@internal/plugin-telemetry-node';
import { countsFromSeries, PairedSeries, pairSeries } from './seriesWindows';

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
  source: SliSource,
  indicator: SloIndicator,
  range: { from: Date; to: Date },
): Promise<SliCounts> {
  const [total, bad] = await Promise.all([
    source.count(sliQuery(indicator, 'total', range)),
    source.count(sliQuery(indicator, 'bad', range)),
  ]);
  return { total, bad };
}

/** The short burn windows (5m … 6h) come from one series of 5-minute steps over the last 6 h. */
const SHORT_RANGE_MS = 6 * 3_600_000;
const SHORT_STEP_MS = 5 * 60_000;

async function series(
  source: SliSource,
  indicator: SloIndicator,
  range: { from: Date; to: Date },
  stepMs: number,
): Promise<PairedSeries> {
  const [total, bad] = await Promise.all([
    source.countSeries(sliQuery(indicator, 'total', range), stepMs),
    source.countSeries(sliQuery(indicator, 'bad', range), stepMs),
  ]);
  return pairSeries(range, stepMs, total, bad);
}

/**
 * The counts one SLO's plan asks for. Two series are read — the budget chart's over the SLO
 * window, and 5-minute steps over the last 6 hours — and every window that is a run of whole
 * steps of one of them up to now is summed from it (all burn windows of a rolling SLO, and the
 * SLO window itself); only the others are counted separately. Four source queries per rolling
 * SLO instead of eighteen.
 */
async function measure(
  source: SliSource,
  definition: SloDefinition,
  plan: ReturnType<typeof planSloQueries>,
): Promise<SloMeasurements> {
  const { indicator } = definition;
  const shortRange = {
    from: new Date(plan.now.getTime() - SHORT_RANGE_MS),
    to: plan.now,
  };
  const [short, long] = await Promise.all([
    series(source, indicator, shortRange, SHORT_STEP_MS),
    series(source, indicator, plan.series, plan.series.stepMs),
  ]);
  const windowCounts = (range: { from: Date; to: Date }) =>
    countsFromSeries(short, range) ??
    countsFromSeries(long, range) ??
    counts(source, indicator, range);
  const [window, ...burn] = await Promise.all([
    windowCounts(plan.window),
    ...ALERT_WINDOWS.map(w => windowCounts(plan.burnWindows[w])),
  ]);
  return {
    window,
    burnWindows: Object.fromEntries(
      ALERT_WINDOWS.map((w, i) => [w, burn[i]]),
    ) as Record<AlertWindow, SliCounts>,
    series: long.points,
  };
}

/** Which source answered, in the status' terms. */
function sourceOf(source: SliSource): SloStatus['source'] {
  // The contract names the two sources Strata ships; another module's source reports its id.
  return source.id as SloStatus['source'];
}

/**
 * Evaluates SLOs through a metrics source at `now`. A failing source fails the whole answer
 * with a 503 that names the source and its error (all SLOs read the same source).
 */
export async function evaluateSlos(
  definitions: SloDefinition[],
  source: SliSource,
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
