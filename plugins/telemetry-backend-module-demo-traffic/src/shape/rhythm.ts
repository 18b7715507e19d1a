/**
 * A seeded pseudo-random source (mulberry32): the same seed gives the same traffic, so tests
 * can state exact figures and the demo looks the same on every start.
 */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * Says yes to exactly `floor(n × share)` of the first n questions, spread evenly: an error rate
 * or a slow share that is exact over any stretch, so an SLO's burn rate is what the shape says
 * from the first minute on, not what luck makes of it.
 */
export class Share {
  private asked: number;

  constructor(
    readonly share: number,
    /** Where in the cycle to begin, so two shares of the same size do not hit the same requests. */
    phase = 0,
  ) {
    this.asked = phase;
  }

  next(): boolean {
    const before = Math.floor(this.asked * this.share);
    this.asked += 1;
    return Math.floor(this.asked * this.share) > before;
  }
}

/** A latency between min and max ms (either included after rounding to 0.1 ms). */
export function between(
  random: () => number,
  min: number,
  max: number,
): number {
  return Math.round((min + random() * (max - min)) * 10) / 10;
}
