import { between, seededRandom, Share } from './rhythm';

describe('Share', () => {
  it.each([
    [0.25, 0],
    [0.03, 17],
    [0.001, 500],
  ])(
    'says yes to %p of any stretch of questions, to one (phase %p)',
    (share, phase) => {
      const s = new Share(share, phase);
      const answers = Array.from({ length: 10_000 }, () => s.next());
      for (const n of [10, 333, 1000, 10_000]) {
        const yes = answers.slice(0, n).filter(Boolean).length;
        expect(Math.abs(yes - n * share)).toBeLessThanOrEqual(1);
      }
    },
  );

  it('spreads its yeses evenly', () => {
    const s = new Share(0.25);
    expect(Array.from({ length: 8 }, () => s.next())).toEqual([
      false,
      false,
      false,
      true,
      false,
      false,
      false,
      true,
    ]);
  });
});

describe('seededRandom and between', () => {
  it('repeats for a seed and stays in range', () => {
    const a = seededRandom(3);
    const b = seededRandom(3);
    const values = Array.from({ length: 1000 }, () => between(a, 5, 10));
    expect(values).toEqual(
      Array.from({ length: 1000 }, () => between(b, 5, 10)),
    );
    expect(Math.min(...values)).toBeGreaterThanOrEqual(5);
    expect(Math.max(...values)).toBeLessThanOrEqual(10);
    // Tenths of a millisecond: 51 possible values, nearly all of them drawn.
    expect(new Set(values).size).toBeGreaterThanOrEqual(45);
  });
});
