import type { SloTimeWindow } from '../openslo/types';
import { calendarPeriod, sloWindowRange } from './window';

type Calendar = Extract<SloTimeWindow, { isRolling: false }>;

function calendar(
  duration: string,
  startTime: string,
  timeZone: string,
): Calendar {
  const count = Number(duration.slice(0, -1));
  const unit = duration.slice(-1) as Calendar['length']['unit'];
  return {
    isRolling: false,
    duration,
    length: { count, unit },
    calendar: { startTime, timeZone },
  };
}

function period(window: Calendar, now: string) {
  const { start, end } = calendarPeriod(window, new Date(now));
  return [start.toISOString(), end.toISOString()];
}

describe('SLO windows', () => {
  it('rolling: the last duration up to now', () => {
    const now = new Date('2024-05-29T12:00:00Z');
    expect(
      sloWindowRange(
        { isRolling: true, duration: '28d', durationMs: 28 * 86_400_000 },
        now,
      ),
    ).toEqual({ from: new Date('2024-05-01T12:00:00Z'), to: now });
  });

  describe('calendar months in Europe/Berlin', () => {
    const month = calendar('1M', '2024-01-01T00:00:00', 'Europe/Berlin');

    it('a new month starts at local midnight: 22:00 UTC in summer time', () => {
      // 2024-04-01 00:30 CEST = 2024-03-31 22:30Z → April, from 2024-04-01 00:00 CEST
      expect(period(month, '2024-03-31T22:30:00Z')).toEqual([
        '2024-03-31T22:00:00.000Z',
        '2024-04-30T22:00:00.000Z',
      ]);
    });

    it('one second before local midnight is still March, which began in winter time (23:00 UTC)', () => {
      // 2024-03-31 23:59:59 CEST → March, from 2024-03-01 00:00 CET = 2024-02-29 23:00Z
      expect(period(month, '2024-03-31T21:59:59Z')).toEqual([
        '2024-02-29T23:00:00.000Z',
        '2024-03-31T22:00:00.000Z',
      ]);
    });

    it('the boundary instant belongs to the new period', () => {
      expect(period(month, '2024-03-31T22:00:00Z')[0]).toBe(
        '2024-03-31T22:00:00.000Z',
      );
    });

    it('the range runs from the period start to now and tells where the period ends', () => {
      const now = new Date('2024-04-10T08:00:00Z');
      expect(sloWindowRange(month, now)).toEqual({
        from: new Date('2024-03-31T22:00:00Z'),
        to: now,
        periodEnd: new Date('2024-04-30T22:00:00Z'),
      });
    });
  });

  it('a calendar day across the spring-forward change is 23 hours long', () => {
    // 2024-03-31 in Berlin: 00:00 CET (23:00Z the day before) to 00:00 CEST (22:00Z)
    expect(
      period(
        calendar('1d', '2024-01-01T00:00:00', 'Europe/Berlin'),
        '2024-03-31T12:00:00Z',
      ),
    ).toEqual(['2024-03-30T23:00:00.000Z', '2024-03-31T22:00:00.000Z']);
  });

  it('weeks from a Monday', () => {
    // 2024-01-01 was a Monday; Wednesday 10 Jan is in the week from Monday 8 Jan
    expect(
      period(
        calendar('1w', '2024-01-01T00:00:00', 'UTC'),
        '2024-01-10T12:00:00Z',
      ),
    ).toEqual(['2024-01-08T00:00:00.000Z', '2024-01-15T00:00:00.000Z']);
  });

  it('quarters in New York (UTC−4 in summer)', () => {
    expect(
      period(
        calendar('1Q', '2024-01-01T00:00:00', 'America/New_York'),
        '2024-05-15T12:00:00Z',
      ),
    ).toEqual(['2024-04-01T04:00:00.000Z', '2024-07-01T04:00:00.000Z']);
  });

  it('a start on the 31st: shorter months end on their last day', () => {
    // Jan 31 → Feb 29 (2024 is a leap year) → Mar 31
    expect(
      period(
        calendar('1M', '2024-01-31T00:00:00', 'UTC'),
        '2024-03-01T00:00:00Z',
      ),
    ).toEqual(['2024-02-29T00:00:00.000Z', '2024-03-31T00:00:00.000Z']);
  });

  it('before the start time: the period that would contain now', () => {
    expect(
      period(
        calendar('1M', '2025-01-01T00:00:00', 'UTC'),
        '2024-12-15T00:00:00Z',
      ),
    ).toEqual(['2024-12-01T00:00:00.000Z', '2025-01-01T00:00:00.000Z']);
  });

  it('hours are fixed lengths from the start instant', () => {
    // 2024-01-01 00:00 in Kolkata = 2023-12-31 18:30Z; now is 39.5 h later → the 4th 12-hour period
    expect(
      period(
        calendar('12h', '2024-01-01T00:00:00', 'Asia/Kolkata'),
        '2024-01-02T10:00:00Z',
      ),
    ).toEqual(['2024-01-02T06:30:00.000Z', '2024-01-02T18:30:00.000Z']);
  });
});
