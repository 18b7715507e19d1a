import { formatDuration } from './duration';
import { formatDeploysPerDay, formatPercent } from './numbers';

describe('formatDuration', () => {
  it.each([
    [45, '45 s'],
    [59.6, '1 min'],
    [12 * 60 + 30, '12 min'],
    [3600, '1 h'],
    [3 * 3600 + 12 * 60 + 59, '3 h 12 min'],
    [2 * 86400 + 4 * 3600 + 30 * 60, '2 d 4 h'],
    [3 * 86400, '3 d'],
    [-5, '0 s'],
  ])('%p seconds read "%s"', (seconds, text) => {
    expect(formatDuration(seconds)).toBe(text);
  });

  it('says "no data" for a missing median', () => {
    expect(formatDuration(null)).toBe('no data');
    expect(formatDuration(undefined)).toBe('no data');
  });
});

describe('formatDeploysPerDay', () => {
  it.each([
    [12.4, '12 per day'],
    [1.46, '1.5 per day'],
    [1, '1 per day'],
    [0.21, '0.21 per day (1.5 per week)'],
    [0.1, '0.1 per day (0.7 per week)'],
    [0, '0 per day'],
  ])('%p reads "%s"', (perDay, text) => {
    expect(formatDeploysPerDay(perDay)).toBe(text);
  });
});

describe('formatPercent', () => {
  it.each([
    [0.05, '5%'],
    [0.045, '4.5%'],
    [0.125, '13%'],
    [0, '0%'],
    [1, '100%'],
    [null, 'no data'],
  ])('%p reads "%s"', (rate, text) => {
    expect(formatPercent(rate)).toBe(text);
  });
});
