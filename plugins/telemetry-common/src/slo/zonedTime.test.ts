import { instantOf, isValidTimeZone, wallClockAt } from './zonedTime';

const wall = (
  year: number,
  month: number,
  day: number,
  hour = 0,
  minute = 0,
) => ({
  year,
  month,
  day,
  hour,
  minute,
  second: 0,
});

describe('zoned wall-clock time', () => {
  it('converts both ways across a UTC offset', () => {
    // Berlin is UTC+1 in January, UTC+2 in July
    expect(
      new Date(instantOf(wall(2024, 1, 15, 12), 'Europe/Berlin')).toISOString(),
    ).toBe('2024-01-15T11:00:00.000Z');
    expect(
      new Date(instantOf(wall(2024, 7, 15, 12), 'Europe/Berlin')).toISOString(),
    ).toBe('2024-07-15T10:00:00.000Z');
    expect(
      wallClockAt(Date.parse('2024-07-15T10:00:00Z'), 'Europe/Berlin'),
    ).toEqual(wall(2024, 7, 15, 12));
    // Kolkata is UTC+5:30 all year
    expect(
      new Date(instantOf(wall(2024, 1, 1), 'Asia/Kolkata')).toISOString(),
    ).toBe('2023-12-31T18:30:00.000Z');
  });

  it('a time in the spring-forward gap moves past it', () => {
    // 2024-03-31 02:00 CET → 03:00 CEST: 02:30 does not exist; it becomes 03:30 CEST = 01:30Z
    expect(
      new Date(
        instantOf(wall(2024, 3, 31, 2, 30), 'Europe/Berlin'),
      ).toISOString(),
    ).toBe('2024-03-31T01:30:00.000Z');
  });

  it('a time in the fall-back overlap is the earlier one', () => {
    // 2024-10-27 03:00 CEST → 02:00 CET: 02:30 happens at 00:30Z (CEST) and 01:30Z (CET)
    expect(
      new Date(
        instantOf(wall(2024, 10, 27, 2, 30), 'Europe/Berlin'),
      ).toISOString(),
    ).toBe('2024-10-27T00:30:00.000Z');
  });

  it('knows IANA zones', () => {
    expect(isValidTimeZone('UTC')).toBe(true);
    expect(isValidTimeZone('America/New_York')).toBe(true);
    expect(isValidTimeZone('Mars/Olympus')).toBe(false);
  });
});
