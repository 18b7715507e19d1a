import {
  breachingLatency,
  healthyAvailability,
  noTraffic,
  sloStatus,
} from '../__fixtures__/slos';
import {
  attainmentWords,
  budgetWords,
  burnWindowsOf,
  bySeverity,
  isExhausted,
  sloTitle,
  windowDescription,
} from './words';

describe('SLO words', () => {
  it('says how much budget is left, or that it is spent', () => {
    expect(budgetWords(0.42)).toBe('42% left');
    expect(budgetWords(0)).toBe('Exhausted: all of the budget spent');
    expect(budgetWords(-1.2)).toBe('Exhausted: 220% of the budget spent');
    expect(budgetWords(null)).toBe('No traffic in the window: nothing spent');
    expect([0.1, 0, -3, null].map(isExhausted)).toEqual([
      false,
      true,
      true,
      false,
    ]);
  });

  it('compares attainment with the target', () => {
    expect(attainmentWords(healthyAvailability)).toBe(
      '99.96% (meets the 99.9% target)',
    );
    expect(attainmentWords(breachingLatency)).toBe(
      '75% (below the 99% target)',
    );
    expect(attainmentWords(noTraffic)).toBe('No traffic in the window');
  });

  it('names the SLO and its objective', () => {
    expect(sloTitle(breachingLatency)).toBe(
      'pipeline-service latency — p99 under 500 ms',
    );
    expect(sloTitle(noTraffic)).toBe('search availability');
    expect(
      sloTitle(sloStatus({ displayName: undefined, objective: undefined })),
    ).toBe('pipeline-service-availability');
  });

  it('describes rolling and calendar windows', () => {
    const now = new Date(2026, 10, 22, 9, 30);
    expect(windowDescription({ duration: '28d', isRolling: true }, now)).toBe(
      '28 days, rolling',
    );
    expect(
      windowDescription(
        {
          duration: '1M',
          isRolling: false,
          start: new Date(2026, 10, 1, 0, 0).toISOString(),
        },
        now,
      ),
    ).toBe('1 month, calendar, since 1 Nov 00:00');
  });

  it('puts paging objectives first, then tickets, keeping the file order otherwise', () => {
    const ticket = sloStatus({ name: 'ticket', alert: 'ticket' });
    const quiet = sloStatus({ name: 'quiet' });
    expect(
      bySeverity([quiet, ticket, healthyAvailability, breachingLatency]).map(
        s => s.name,
      ),
    ).toEqual([
      'pipeline-service-latency',
      'ticket',
      'quiet',
      'pipeline-service-availability',
    ]);
  });

  it('orders burn windows shortest first, with extra windows in their place', () => {
    expect(
      burnWindowsOf({ '3d': 1, '1h': 1, '2h': 1, '5m': 1, odd: 1, '30m': 1 }),
    ).toEqual(['5m', '30m', '1h', '2h', '3d', 'odd']);
  });
});
