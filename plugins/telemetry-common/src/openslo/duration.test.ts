import { fixedDurationMs, parseDurationShorthand } from './duration';

describe('duration shorthand', () => {
  it.each([
    ['5m', { count: 5, unit: 'm' }, 300_000],
    ['12h', { count: 12, unit: 'h' }, 43_200_000],
    ['28d', { count: 28, unit: 'd' }, 2_419_200_000],
    ['4w', { count: 4, unit: 'w' }, 2_419_200_000],
    ['1M', { count: 1, unit: 'M' }, undefined],
    ['1Q', { count: 1, unit: 'Q' }, undefined],
    ['1Y', { count: 1, unit: 'Y' }, undefined],
  ])('%s', (text, parsed, ms) => {
    expect(parseDurationShorthand(text)).toEqual(parsed);
    expect(fixedDurationMs(parsed as any)).toBe(ms);
  });

  it.each(['0d', '28D', '1.5h', '28 d', 'd', '-1d', '', 28, null])(
    'refuses %j',
    text => {
      expect(parseDurationShorthand(text)).toBeUndefined();
    },
  );
});
