import { DoraFigures } from '@internal/plugin-deployments-common';
import { IncidentRecord, RolloutRecord } from '../history/records';
import { bandsFor } from './bands';
import { buildDoraReport } from './report';
import { median } from './median';
import { windowRanges } from './windows';

const NOW = Date.parse('2026-11-30T12:00:00Z');
const at = (iso: string) => Date.parse(iso);
const MINUTE = 60;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

function rollout(
  id: string,
  finished: string | undefined,
  outcome: RolloutRecord['outcome'],
  leadSeconds?: number,
): RolloutRecord {
  const finishedAt = finished ? at(finished) : undefined;
  return {
    id,
    entityRef: id.startsWith('a')
      ? 'component:default/auth'
      : 'component:default/billing',
    environment: 'production',
    startedAt: (finishedAt ?? NOW) - 10 * MINUTE * 1000,
    ...(finishedAt !== undefined ? { finishedAt } : {}),
    ...(outcome ? { outcome } : {}),
    ...(leadSeconds !== undefined && finishedAt !== undefined
      ? { commitTime: finishedAt - leadSeconds * 1000 }
      : {}),
    sources: ['api'],
  };
}

function incident(
  id: string,
  started: string,
  restoredAfterSeconds?: number,
): IncidentRecord {
  return {
    id,
    entityRef: 'component:default/billing',
    environment: 'production',
    startedAt: at(started),
    ...(restoredAfterSeconds !== undefined
      ? { restoredAt: at(started) + restoredAfterSeconds * 1000 }
      : {}),
  };
}

// The 7-day window ending 2026-11-30T12:00Z is [11-23T12:00Z, 11-30T12:00Z); the previous one
// is [11-16T12:00Z, 11-23T12:00Z).
const ROLLOUTS: RolloutRecord[] = [
  // current window
  rollout('b1', '2026-11-24T10:00:00Z', 'succeeded', 2 * HOUR), //  lead  7,200 s
  rollout('b2', '2026-11-25T10:00:00Z', 'succeeded', 3 * HOUR), //  lead 10,800 s
  rollout('b3', '2026-11-26T10:00:00Z', 'failed', 1 * HOUR), //     failed: no lead time
  rollout('a4', '2026-11-27T10:00:00Z', 'rolled_back'), //          counts as failed
  rollout('a5', '2026-11-28T10:00:00Z', 'succeeded', 1 * DAY), //    lead 86,400 s
  rollout('b6', '2026-11-29T10:00:00Z', 'succeeded'), //            no commit time: no lead time
  rollout('b7', '2026-11-23T12:00:00Z', 'succeeded', 30 * MINUTE), // at `from`: in; lead 1,800 s
  rollout('b8', undefined, undefined), //                           still running: nowhere
  rollout('b9', '2026-11-30T12:00:00Z', 'succeeded', HOUR), //      at `to`: out
  // previous window
  rollout('p1', '2026-11-17T10:00:00Z', 'succeeded', 2 * DAY), //   lead 172,800 s
  rollout('p2', '2026-11-20T10:00:00Z', 'failed'),
  // older than both
  rollout('o1', '2026-11-01T10:00:00Z', 'failed'),
];

const INCIDENTS: IncidentRecord[] = [
  incident('i1', '2026-11-24T08:00:00Z', 30 * MINUTE), // 1,800 s
  incident('i2', '2026-11-26T08:00:00Z', 4 * HOUR), //   14,400 s
  incident('i3', '2026-11-29T08:00:00Z'), //              not restored: counted, no restore time
  // Started in the previous window, restored in the current one: belongs to the previous.
  incident('i0', '2026-11-22T10:00:00Z', 27 * HOUR), //  97,200 s
];

describe('buildDoraReport on a hand-computed dataset', () => {
  const report = buildDoraReport({
    scope: {
      owner: 'group:default/billing',
      services: ['component:default/auth', 'component:default/billing'],
    },
    window: '7d',
    environment: 'production',
    now: NOW,
    rollouts: ROLLOUTS,
    incidents: INCIDENTS,
  });

  it('computes the current window', () => {
    expect(report.from).toBe('2026-11-23T12:00:00.000Z');
    expect(report.to).toBe('2026-11-30T12:00:00.000Z');
    // finished in the window: b1 b2 b3 a4 a5 b6 b7 = 7; succeeded: b1 b2 a5 b6 b7 = 5;
    // failed or rolled back: b3 a4 = 2.
    expect(report.deployments).toBe(7);
    expect(report.failedDeployments).toBe(2);
    // 5 successful ÷ 7 days = 0.714285…
    expect(report.deploymentsPerDay).toBeCloseTo(5 / 7, 10);
    // 2 ÷ 7 = 0.285714…
    expect(report.changeFailureRate).toBeCloseTo(2 / 7, 10);
    // lead times (s), sorted: 1,800 (b7), 7,200 (b1), 10,800 (b2), 86,400 (a5);
    // even count → (7,200 + 10,800) ÷ 2 = 9,000.
    expect(report.leadTimeSeconds).toEqual({ median: 9000 });
    // incidents started in the window: i1 i2 i3 = 3; restored: 1,800 and 14,400 →
    // (1,800 + 14,400) ÷ 2 = 8,100.
    expect(report.incidents).toBe(3);
    expect(report.timeToRestoreSeconds).toEqual({ median: 8100 });
  });

  it('bands the current window', () => {
    expect(report.bands).toEqual({
      // 0.714/day: below 1/day (elite), at least 1/week = 0.143/day → high
      deploymentFrequency: 'high',
      // 9,000 s < 1 day → elite
      leadTime: 'elite',
      // 28.6 % > 15 % → low
      changeFailureRate: 'low',
      // 8,100 s: not < 1 hour, < 1 day → high
      timeToRestore: 'high',
    });
  });

  it('computes the previous window for the trend', () => {
    // p1 succeeded (lead 172,800 s), p2 failed; i0 started 11-22, restored after 27 h.
    expect(report.previous).toEqual({
      deploymentsPerDay: 1 / 7,
      leadTimeSeconds: { median: 172800 },
      changeFailureRate: 0.5,
      timeToRestoreSeconds: { median: 97200 },
      deployments: 2,
      failedDeployments: 1,
      incidents: 1,
    });
  });

  it('says what it is about', () => {
    expect(report.scope).toEqual({
      owner: 'group:default/billing',
      services: ['component:default/auth', 'component:default/billing'],
    });
    expect(report.window).toBe('7d');
    expect(report.environment).toBe('production');
  });
});

describe('bandsFor', () => {
  const figures = (overrides: Partial<DoraFigures>): DoraFigures => ({
    deploymentsPerDay: 0,
    leadTimeSeconds: { median: null },
    changeFailureRate: null,
    timeToRestoreSeconds: { median: null },
    deployments: 0,
    failedDeployments: 0,
    incidents: 0,
    ...overrides,
  });

  it('has no band without data, except frequency: none is low', () => {
    expect(bandsFor(figures({}))).toEqual({
      deploymentFrequency: 'low',
      leadTime: null,
      changeFailureRate: null,
      timeToRestore: null,
    });
  });

  it('puts each boundary value on the side the report puts it', () => {
    expect(
      bandsFor(
        figures({
          deploymentsPerDay: 1, // on demand: at least daily → elite
          leadTimeSeconds: { median: DAY }, // "less than one day" is elite: exactly one day → high
          changeFailureRate: 0.05, // 5 % → elite
          timeToRestoreSeconds: { median: HOUR }, // "less than one hour": exactly 1 h → high
        }),
      ),
    ).toEqual({
      deploymentFrequency: 'elite',
      leadTime: 'high',
      changeFailureRate: 'elite',
      timeToRestore: 'high',
    });
    expect(
      bandsFor(
        figures({
          deploymentsPerDay: 1 / 30, // once a month → medium
          leadTimeSeconds: { median: 30 * DAY }, // a month or more → low
          changeFailureRate: 0.15, // 15 % → medium
          timeToRestoreSeconds: { median: 7 * DAY }, // a week or more → low
        }),
      ),
    ).toEqual({
      deploymentFrequency: 'medium',
      leadTime: 'low',
      changeFailureRate: 'medium',
      timeToRestore: 'low',
    });
    expect(
      bandsFor(figures({ deploymentsPerDay: 1 / 31, changeFailureRate: 0.1 })),
    ).toEqual({
      deploymentFrequency: 'low',
      leadTime: null,
      changeFailureRate: 'high',
      timeToRestore: null,
    });
  });
});

describe('median and windows', () => {
  it('takes the middle value, or the mean of the two middle ones', () => {
    expect(median([])).toBeNull();
    expect(median([5, 1, 3])).toBe(3);
    expect(median([4, 1, 3, 2])).toBe(2.5);
  });

  it('ends the window now and puts the previous one right before it', () => {
    expect(windowRanges('30d', NOW)).toEqual({
      current: { from: NOW - 30 * DAY * 1000, to: NOW, days: 30 },
      previous: {
        from: NOW - 60 * DAY * 1000,
        to: NOW - 30 * DAY * 1000,
        days: 30,
      },
    });
  });
});
