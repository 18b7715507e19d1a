/*
 * A traffic dataset as the Collector's spanmetrics connector + Prometheus exporter would have
 * exposed it, scraped every `scrapeMs`: OpenMetrics text with explicit timestamps for
 * `promtool tsdb create-blocks-from openmetrics`.
 *
 * Every label set's counters start at 0 at the dataset's start (as if the Collector had been
 * running before the traffic), so Prometheus' increase() needs no guess about a series' first
 * sample. A counter sampled at T holds the spans that ended before T.
 */
import { TrafficDataset, TrafficSpan } from './spanTraffic';

/** Histogram bounds in ms: a subset of the embedded source's bounds (R10 series), so both agree. */
export const TEST_BUCKET_BOUNDS_MS = [
  5, 10, 25, 50, 100, 250, 500, 1000, 2500, 5000,
];

const KIND = {
  server: 'SPAN_KIND_SERVER',
  consumer: 'SPAN_KIND_CONSUMER',
  client: 'SPAN_KIND_CLIENT',
};

interface LabelSet {
  key: string;
  labels: string;
  spans: TrafficSpan[];
}

function labelSets(dataset: TrafficDataset): LabelSet[] {
  const sets = new Map<string, LabelSet>();
  for (const s of dataset.spans) {
    for (const error of [false, true]) {
      const status = error ? 'STATUS_CODE_ERROR' : 'STATUS_CODE_UNSET';
      const labels = `service_name="${s.serviceName}",span_name="${
        s.operation
      }",span_kind="${KIND[s.kind]}",status_code="${status}"`;
      if (!sets.has(labels))
        sets.set(labels, { key: labels, labels, spans: [] });
    }
    const status = s.error ? 'STATUS_CODE_ERROR' : 'STATUS_CODE_UNSET';
    const own = `service_name="${s.serviceName}",span_name="${
      s.operation
    }",span_kind="${KIND[s.kind]}",status_code="${status}"`;
    sets.get(own)!.spans.push(s);
  }
  return [...sets.values()];
}

/** Cumulative counts at each scrape time (spans with endMs < T), in a single pass. */
function cumulative(
  spans: TrafficSpan[],
  times: number[],
  include: (s: TrafficSpan) => boolean,
): number[] {
  const ends = spans
    .filter(include)
    .map(s => s.endMs)
    .sort((a, b) => a - b);
  const out: number[] = [];
  let i = 0;
  for (const t of times) {
    while (i < ends.length && ends[i] < t) i++;
    out.push(i);
  }
  return out;
}

/** The dataset as OpenMetrics text, one sample per series every `scrapeMs`. */
export function toOpenMetrics(
  dataset: TrafficDataset,
  scrapeMs: number,
): string {
  const times: number[] = [];
  for (let t = dataset.startMs; t <= dataset.endMs; t += scrapeMs)
    times.push(t);
  const sets = labelSets(dataset);
  const lines: string[] = [];
  const sample = (name: string, labels: string, values: number[]) => {
    values.forEach((v, i) =>
      lines.push(`${name}{${labels}} ${v} ${times[i] / 1000}`),
    );
  };

  lines.push('# TYPE traces_span_metrics_calls counter');
  for (const set of sets)
    sample(
      'traces_span_metrics_calls_total',
      set.labels,
      cumulative(set.spans, times, () => true),
    );

  lines.push('# TYPE traces_span_metrics_duration_milliseconds histogram');
  for (const set of sets) {
    for (const bound of TEST_BUCKET_BOUNDS_MS) {
      sample(
        'traces_span_metrics_duration_milliseconds_bucket',
        `${set.labels},le="${bound}"`,
        cumulative(set.spans, times, s => s.durationMs <= bound),
      );
    }
    const all = cumulative(set.spans, times, () => true);
    sample(
      'traces_span_metrics_duration_milliseconds_bucket',
      `${set.labels},le="+Inf"`,
      all,
    );
    sample('traces_span_metrics_duration_milliseconds_count', set.labels, all);
  }
  lines.push('# EOF');
  return `${lines.join('\n')}\n`;
}
