import { formatMoment } from './formatMoment';

describe('formatMoment', () => {
  const now = new Date(2026, 10, 22, 9, 30);

  it('shows the time alone for today, the day for this year, the year otherwise', () => {
    expect(
      formatMoment(new Date(2026, 10, 22, 3, 12, 5).toISOString(), now),
    ).toBe('03:12');
    expect(formatMoment(new Date(2026, 2, 14, 23, 5).toISOString(), now)).toBe(
      '14 Mar 23:05',
    );
    expect(formatMoment(new Date(2025, 11, 31, 0, 0).toISOString(), now)).toBe(
      '31 Dec 2025 00:00',
    );
  });

  it('adds seconds for today only when asked', () => {
    const options = { secondsToday: true };
    expect(
      formatMoment(
        new Date(2026, 10, 22, 3, 12, 5).toISOString(),
        now,
        options,
      ),
    ).toBe('03:12:05');
    expect(
      formatMoment(new Date(2026, 2, 14, 23, 5, 9).toISOString(), now, options),
    ).toBe('14 Mar 23:05');
  });

  it('returns what it got when it is not a date', () => {
    expect(formatMoment('yesterday', now)).toBe('yesterday');
  });
});
