import { SliQuery, SliSource } from '@internal/plugin-telemetry-node';
import { exactCount, TrafficDataset } from './spanTraffic';

/** An SLI source that counts the dataset's spans exactly (the reference the others must meet). */
export function datasetSource(dataset: TrafficDataset): SliSource {
  return {
    id: 'embedded',
    async count(query: SliQuery) {
      return exactCount(dataset, query);
    },
    async countSeries(query: SliQuery, stepMs: number) {
      const out: Array<{ at: Date; value: number }> = [];
      for (
        let at = query.from.getTime();
        at < query.to.getTime();
        at += stepMs
      ) {
        const to = Math.min(at + stepMs, query.to.getTime());
        out.push({
          at: new Date(at),
          value: exactCount(dataset, {
            ...query,
            from: new Date(at),
            to: new Date(to),
          }),
        });
      }
      return out;
    },
  };
}
