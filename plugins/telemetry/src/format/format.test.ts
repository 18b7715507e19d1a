import {
  durationWords,
  formatBurnRate,
  formatCount,
  formatMoment,
  formatMs,
  formatPerMinute,
  formatRatio,
} from './index';

describe('formatRatio', () => {
  it.each([
    [0.999, '99.9%'],
    [0.99953, '99.953%'],
    [0.95, '95%'],
    [0.7512, '75.1%'],
    [1, '100%'],
    [0, '0%'],
    [-1.2, '-120%'],
    [24.854, '2485%'],
    [-23.854, '-2385%'],
    [null, 'no data'],
  ])('%p reads "%s"', (value, text) => {
    expect(formatRatio(value)).toBe(text);
  });
});

describe('formatBurnRate', () => {
  it.each([
    [14.4, '14.4×'],
    [6, '6×'],
    [0.25, '0.25×'],
    [0, '0×'],
    [250.4, '250×'],
    [null, 'no traffic'],
  ])('%p reads "%s"', (value, text) => {
    expect(formatBurnRate(value)).toBe(text);
  });
});

describe('formatMs', () => {
  it.each([
    [0.42, '0.4 ms'],
    [212.4, '212 ms'],
    [1250, '1.25 s'],
    [125_000, '2 min 5 s'],
    [120_000, '2 min'],
    [null, 'no data'],
  ])('%p reads "%s"', (value, text) => {
    expect(formatMs(value)).toBe(text);
  });
});

describe('counts and rates', () => {
  it('separates thousands and says requests per minute', () => {
    expect(formatCount(12480)).toBe('12\u2009480');
    expect(formatCount(999)).toBe('999');
    expect(formatPerMinute(14_400, 3_600_000)).toBe('240/min');
    expect(formatPerMinute(30, 3_600_000)).toBe('0.5/min');
    expect(formatPerMinute(90, 60_000 * 60)).toBe('1.5/min');
  });
});

describe('times and durations', () => {
  const now = new Date(2026, 10, 22, 9, 30);

  it('shows the time with seconds today, the day otherwise', () => {
    expect(
      formatMoment(new Date(2026, 10, 22, 3, 12, 5).toISOString(), now),
    ).toBe('03:12:05');
    expect(formatMoment(new Date(2026, 2, 14, 23, 5).toISOString(), now)).toBe(
      '14 Mar 23:05',
    );
    expect(formatMoment(new Date(2025, 11, 31, 0, 0).toISOString(), now)).toBe(
      '31 Dec 2025 00:00',
    );
    expect(formatMoment('soon', now)).toBe('soon');
  });

  it('says OpenSLO durations in words', () => {
    expect(durationWords('28d')).toBe('28 days');
    expect(durationWords('1M')).toBe('1 month');
    expect(durationWords('2w')).toBe('2 weeks');
    expect(durationWords('odd')).toBe('odd');
  });
});
