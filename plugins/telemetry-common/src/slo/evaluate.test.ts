import type { SloDefinition } from '../openslo/types';
import { ALERT_WINDOWS, AlertWindow } from './alert';
import { evaluateSlo, planSloQueries } from './evaluate';

const DAY = 86_400_000;
const now = new Date('2024-05-29T12:00:00Z');

const rolling28d: SloDefinition = {
  name: 'billing-availability',
  displayName: 'billing availability',
  objective: 'non-5xx requests',
  kind: 'availability',
  target: 0.99,
  window: { isRolling: true, duration: '28d', durationMs: 28 * DAY },
  indicator: { kind: 'availability', bad: 'errors', serviceName: 'billing' },
  line: 12,
  column: 9,
};

describe('planSloQueries', () => {
  it('a 28-day rolling SLO: the window, every burn window ending now, and a daily chart', () => {
    const plan = planSloQueries(rolling28d, now);
    expect(plan.window).toEqual({
      from: new Date('2024-05-01T12:00:00Z'),
      to: now,
    });
    expect(plan.burnWindows['5m']).toEqual({
      from: new Date('2024-05-29T11:55:00Z'),
      to: now,
    });
    expect(plan.burnWindows['2h']).toEqual({
      from: new Date('2024-05-29T10:00:00Z'),
      to: now,
    });
    expect(plan.burnWindows['3d']).toEqual({
      from: new Date('2024-05-26T12:00:00Z'),
      to: now,
    });
    expect(plan.series).toEqual({
      from: new Date('2024-05-01T12:00:00Z'),
      to: now,
      stepMs: DAY,
    });
  });

  it('a 7-day window gets an hourly chart; a calendar month a daily one from the 1st', () => {
    expect(
      planSloQueries(
        {
          ...rolling28d,
          window: { isRolling: true, duration: '7d', durationMs: 7 * DAY },
        },
        now,
      ).series.stepMs,
    ).toBe(3_600_000);
    const monthly = planSloQueries(
      {
        ...rolling28d,
        window: {
          isRolling: false,
          duration: '1M',
          length: { count: 1, unit: 'M' },
          calendar: { startTime: '2024-01-01T00:00:00', timeZone: 'UTC' },
        },
      },
      now,
    );
    expect(monthly.series).toEqual({
      from: new Date('2024-05-01T00:00:00Z'),
      to: now,
      stepMs: DAY,
    });
  });
});

describe('evaluateSlo', () => {
  /** [total, bad] per burn window. */
  const burn: Record<AlertWindow, [number, number]> = {
    '5m': [100, 5], //      5% ÷ 1% = 5
    '30m': [600, 30], //    5% ÷ 1% = 5
    '1h': [1200, 60], //    5
    '2h': [2400, 100], //   4.1667
    '6h': [7200, 300], //   4.1667
    '1d': [9000, 140], //   1.5556
    '3d': [10_000, 150], // 1.5
  };
  const measurements = {
    window: { total: 10_000, bad: 150 },
    burnWindows: Object.fromEntries(
      ALERT_WINDOWS.map(w => [w, { total: burn[w][0], bad: burn[w][1] }]),
    ) as any,
    series: [
      { at: new Date('2024-05-01T12:00:00Z'), total: 4000, bad: 20 },
      { at: new Date('2024-05-02T12:00:00Z'), total: 4000, bad: 30 },
      { at: new Date('2024-05-03T12:00:00Z'), total: 2000, bad: 100 },
    ],
  };

  it('an exhausted budget burning slowly: ticket on 3d/6h', () => {
    const status = evaluateSlo(
      rolling28d,
      planSloQueries(rolling28d, now),
      measurements,
      'embedded',
    );
    expect(status).toEqual({
      name: 'billing-availability',
      displayName: 'billing availability',
      objective: 'non-5xx requests',
      kind: 'availability',
      target: 0.99,
      window: { duration: '28d', isRolling: true },
      // 9,850 ÷ 10,000
      attainment: 0.985,
      // allowed bad = 0.01 × 10,000 = 100; 1 − 150 ÷ 100 = −0.5
      errorBudgetRemaining: -0.5,
      burnRates: {
        '5m': 5,
        '30m': 5,
        '1h': 5,
        // (300 ÷ 7,200) ÷ 0.01 = 4.1667
        '6h': expect.closeTo(4.1667, 4),
        // (140 ÷ 9,000) ÷ 0.01 = 1.5556
        '1d': expect.closeTo(1.5556, 4),
        '3d': 1.5,
      },
      // page needs 14.4 (1h/5m) or 6 (6h/30m); ticket 1d/2h needs 3 (1.56 < 3), 3d/6h needs 1 (1.5 and 4.17)
      alert: 'ticket',
      alertReason:
        'ticket: burn rate 1.5 over 3d and 4.17 over 6h, both at least 1 (10% of a 30-day budget in 3 days)',
      budgetSeries: [
        // 20 bad of 4,000: allowed 40 → 1 − 20 ÷ 40 = 0.5
        { at: '2024-05-02T12:00:00.000Z', errorBudgetRemaining: 0.5 },
        // 50 of 8,000: allowed 80 → 1 − 50 ÷ 80 = 0.375
        { at: '2024-05-03T12:00:00.000Z', errorBudgetRemaining: 0.375 },
        // 150 of 10,000: allowed 100 → −0.5 (the status' figure)
        { at: '2024-05-04T12:00:00.000Z', errorBudgetRemaining: -0.5 },
      ],
      source: 'embedded',
    });
  });

  it('no traffic: nulls and no alert', () => {
    const zero = { total: 0, bad: 0 };
    const status = evaluateSlo(
      rolling28d,
      planSloQueries(rolling28d, now),
      {
        window: zero,
        burnWindows: Object.fromEntries(
          ALERT_WINDOWS.map(w => [w, zero]),
        ) as any,
        series: [{ at: new Date('2024-05-01T12:00:00Z'), total: 0, bad: 0 }],
      },
      'prometheus',
    );
    expect(status.attainment).toBeNull();
    expect(status.errorBudgetRemaining).toBeNull();
    expect(status.burnRates).toEqual({
      '5m': null,
      '30m': null,
      '1h': null,
      '6h': null,
      '1d': null,
      '3d': null,
    });
    expect(status.alert).toBe('none');
    expect(status.alertReason).toBe('no requests in the last 3 days');
    expect(status.budgetSeries).toEqual([
      { at: '2024-05-02T12:00:00.000Z', errorBudgetRemaining: null },
    ]);
    expect(status.source).toBe('prometheus');
  });

  it('a calendar window reports its start; the last chart point ends now', () => {
    const definition: SloDefinition = {
      ...rolling28d,
      window: {
        isRolling: false,
        duration: '1M',
        length: { count: 1, unit: 'M' },
        calendar: {
          startTime: '2024-01-01T00:00:00',
          timeZone: 'Europe/Berlin',
        },
      },
    };
    const plan = planSloQueries(definition, now);
    const status = evaluateSlo(
      definition,
      plan,
      {
        ...measurements,
        series: [{ at: new Date('2024-05-28T22:00:00Z'), total: 10, bad: 0 }],
      },
      'embedded',
    );
    // May 2024 in Berlin (CEST, UTC+2) starts at 2024-04-30 22:00Z
    expect(status.window).toEqual({
      duration: '1M',
      isRolling: false,
      start: '2024-04-30T22:00:00.000Z',
    });
    expect(status.budgetSeries).toEqual([
      { at: now.toISOString(), errorBudgetRemaining: 1 },
    ]);
  });
});
