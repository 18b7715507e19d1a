import {
  allowedBadShare,
  attainment,
  burnRate,
  errorBudgetRemaining,
} from './budget';

describe('error budget arithmetic', () => {
  it('a 99.9% SLO with 400 bad of 1,000,000 requests', () => {
    const counts = { total: 1_000_000, bad: 400 };
    // good ÷ total = 999,600 ÷ 1,000,000
    expect(attainment(counts)).toBe(0.9996);
    // allowed bad = 0.001 × 1,000,000 = 1,000; 1 − 400 ÷ 1,000 = 0.6
    expect(errorBudgetRemaining(counts, 0.999)).toBe(0.6);
    // (400 ÷ 1,000,000) ÷ 0.001 = 0.0004 ÷ 0.001 = 0.4
    expect(burnRate(counts, 0.999)).toBeCloseTo(0.4, 12);
  });

  it('exactly spent: 2 bad of 2,000 at 99.9%', () => {
    // allowed bad = 0.001 × 2,000 = 2; 1 − 2 ÷ 2 = 0; burn (2 ÷ 2,000) ÷ 0.001 = 1
    expect(errorBudgetRemaining({ total: 2000, bad: 2 }, 0.999)).toBe(0);
    expect(burnRate({ total: 2000, bad: 2 }, 0.999)).toBe(1);
  });

  it('budget exhaustion goes negative: 25 bad of 10,000 at 99.9%', () => {
    const counts = { total: 10_000, bad: 25 };
    // 9,975 ÷ 10,000
    expect(attainment(counts)).toBe(0.9975);
    // allowed bad = 0.001 × 10,000 = 10; 1 − 25 ÷ 10 = −1.5 (spent 2.5 times)
    expect(errorBudgetRemaining(counts, 0.999)).toBe(-1.5);
    // 0.0025 ÷ 0.001 = 2.5
    expect(burnRate(counts, 0.999)).toBeCloseTo(2.5, 12);
  });

  it('everything bad: attainment 0', () => {
    // 95% target: allowed 0.05 × 40 = 2; 1 − 40 ÷ 2 = −19; burn 1 ÷ 0.05 = 20
    expect(attainment({ total: 40, bad: 40 })).toBe(0);
    expect(errorBudgetRemaining({ total: 40, bad: 40 }, 0.95)).toBe(-19);
    expect(burnRate({ total: 40, bad: 40 }, 0.95)).toBe(20);
  });

  it('no traffic: nothing attained, nothing burnt (null, not 100%)', () => {
    const none = { total: 0, bad: 0 };
    expect(attainment(none)).toBeNull();
    expect(errorBudgetRemaining(none, 0.999)).toBeNull();
    expect(burnRate(none, 0.999)).toBeNull();
  });

  it('takes 1 − target as written', () => {
    expect(1 - 0.999).not.toBe(0.001); // binary floating point
    expect(allowedBadShare(0.999)).toBe(0.001);
    expect(allowedBadShare(0.95)).toBe(0.05);
    expect(allowedBadShare(0.9995)).toBe(0.0005);
  });
});
