import { backoffDelay } from './backoff';

describe('backoffDelay', () => {
  it('doubles from the initial delay up to the maximum, with half of it random', () => {
    expect(
      [0, 1, 2, 3, 10].map(a => backoffDelay(a, 1000, 60_000, () => 1)),
    ).toEqual([1000, 2000, 4000, 8000, 60_000]);
    expect(
      [0, 1, 2, 3, 10].map(a => backoffDelay(a, 1000, 60_000, () => 0)),
    ).toEqual([500, 1000, 2000, 4000, 30_000]);
  });
});
