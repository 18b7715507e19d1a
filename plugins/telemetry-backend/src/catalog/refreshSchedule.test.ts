import { RefreshSchedule } from './refreshSchedule';

const S = 1000;

/**
 * Reads the schedule as the cache does: the index maps what `maps` mapped when it was last read;
 * a reader's unmapped names are those of its names the index does not map.
 */
function reader(schedule: RefreshSchedule, maps: (name: string) => boolean) {
  const reads: number[] = [];
  let index = new Set<string>();
  return {
    reads,
    at(nowMs: number, names: string[]) {
      const unmapped = names.filter(n => !index.has(n));
      const decision = schedule.decide(nowMs, unmapped);
      if (decision !== 'use') {
        reads.push(nowMs);
        schedule.started(nowMs);
        index = new Set(names.filter(maps));
        schedule.loaded(nowMs, {
          early: decision === 'early',
          asked: unmapped,
          maps,
        });
      }
      return decision;
    },
  };
}

describe('RefreshSchedule', () => {
  it('reads once a minute while every observed name maps', () => {
    const schedule = new RefreshSchedule();
    const r = reader(schedule, () => true);
    expect(r.at(0, [])).toBe('early');
    expect(r.at(59 * S, [])).toBe('use');
    expect(r.at(60 * S, [])).toBe('refresh');
    expect(r.at(119 * S, [])).toBe('use');
    expect(r.reads).toEqual([0, 60 * S]);
  });

  it('reads every 5 s while the catalog catches up, then backs off to once a minute', () => {
    const schedule = new RefreshSchedule({ startupMs: 0 });
    // a, b, c get entities at 3 s, 8 s and 20 s; ghost never does.
    let now = 0;
    const registered: Record<string, number> = {
      a: 3 * S,
      b: 8 * S,
      c: 20 * S,
    };
    const maps = (name: string) => (registered[name] ?? Infinity) <= now;
    const r = reader(schedule, maps);
    for (now = 0; now <= 10 * 60 * S; now += S)
      r.at(now, ['a', 'b', 'c', 'ghost']);
    expect(r.reads.slice(0, 8).map(t => t / S)).toEqual([
      0,
      // Each of these maps a name: the interval stays 5 s.
      5, 10,
      // Nothing new at 15 s: 10 s; c maps at 25 s: back to 5 s.
      15, 25,
      // Only ghost is left: 5, 10, 20 s…
      30, 40, 60,
    ]);
    // …40 s, and then the interval is the minute: the normal reads only (a minute after the
    // last read).
    expect(r.reads.slice(8).map(t => t / S)).toEqual([
      100, 160, 220, 280, 340, 400, 460, 520, 580,
    ]);
    expect(schedule.earlyIntervalMs).toBe(60 * S);
  });

  it('reads once more early for a name no read has seen unmapped yet', () => {
    const schedule = new RefreshSchedule({ startupMs: 0 });
    const r = reader(schedule, () => false);
    r.at(0, []);
    // ghost's early reads back off to the minute.
    for (const t of [5, 15, 35]) expect(r.at(t * S, ['ghost'])).toBe('early');
    expect(schedule.earlyIntervalMs).toBe(40 * S);
    expect(r.at(37 * S, ['ghost'])).toBe('use');
    // A new service: one read 5 s after the last, then it backs off with ghost.
    expect(r.at(38 * S, ['ghost', 'newcomer'])).toBe('use');
    expect(r.at(40 * S, ['ghost', 'newcomer'])).toBe('early');
    expect(r.at(46 * S, ['ghost', 'newcomer'])).toBe('use');
    expect(r.reads.map(t => t / S)).toEqual([0, 5, 15, 35, 40]);
  });

  it('keeps 5 s for the first two minutes after a start, then backs off', () => {
    const schedule = new RefreshSchedule();
    const r = reader(schedule, () => false);
    for (let t = 0; t <= 400; t++) r.at(t * S, ['ghost']);
    const startup = Array.from({ length: 24 }, (_, i) => i * 5);
    expect(r.reads.map(t => t / S)).toEqual([
      ...startup,
      // The first read past the two minutes that maps nothing doubles the interval.
      120,
      130,
      150,
      190,
      // The minute.
      250,
      310,
      370,
    ]);
  });

  it('asks again no sooner than 5 s after a failed read', () => {
    const schedule = new RefreshSchedule();
    schedule.started(0);
    schedule.loaded(0, { early: true, asked: [], maps: () => true });
    expect(schedule.decide(60 * S, [])).toBe('refresh');
    schedule.started(60 * S); // …and it fails: loaded is never called.
    expect(schedule.decide(61 * S, [])).toBe('use');
    expect(schedule.decide(64 * S, ['otel:x'])).toBe('use');
    expect(schedule.decide(65 * S, [])).toBe('refresh');
  });

  it('keeps the early interval between its minimum and the normal one', () => {
    const schedule = new RefreshSchedule({
      refreshMs: 10 * S,
      minEarlyMs: 30 * S,
    });
    schedule.started(0);
    schedule.loaded(0, { early: true, asked: [], maps: () => false });
    // The minimum is capped at the normal interval: no early reads at all.
    expect(schedule.decide(9 * S, ['otel:x'])).toBe('use');
    expect(schedule.decide(10 * S, ['otel:x'])).toBe('refresh');
  });
});
