import { ALERT_WINDOWS, AlertWindow, burnRateAlert } from './alert';
import { burnRate } from './budget';

/** Burn rates of a 99.9% SLO from [total, bad] per window; windows left out had no requests. */
function rates(counts: Partial<Record<AlertWindow, [number, number]>>) {
  return Object.fromEntries(
    ALERT_WINDOWS.map(w => {
      const [total, bad] = counts[w] ?? [0, 0];
      return [w, burnRate({ total, bad }, 0.999)];
    }),
  ) as Record<AlertWindow, number | null>;
}

describe('burnRateAlert (SRE workbook multi-window, multi-burn-rate)', () => {
  it('pages on a fast burn over 1h and 5m', () => {
    // 1h: 20 of 1,000 bad = 2% ÷ 0.1% = 20 ≥ 14.4; 5m: 2 of 100 = 20 ≥ 14.4
    const r = rates({ '5m': [100, 2], '1h': [1000, 20] });
    expect(r['1h']).toBe(20);
    expect(burnRateAlert(r)).toEqual({
      alert: 'page',
      reason:
        'page: burn rate 20 over 1h and 20 over 5m, both at least 14.4 (2% of a 30-day budget in 1 hour)',
    });
  });

  it('does not page when the short window has recovered (1h burning, 5m not)', () => {
    // 1h: 20; 5m: 1 of 100 = 10 < 14.4; nothing else has requests
    const result = burnRateAlert(rates({ '5m': [100, 1], '1h': [1000, 20] }));
    expect(result.alert).toBe('none');
    expect(result.reason).toBe(
      'no window pair burns fast enough; closest: 1h/5m at 20/10 (page at 14.4)',
    );
  });

  it('pages on 6h and 30m at 6', () => {
    // 6h: 40 of 6,000 = 0.667% ÷ 0.1% = 6.67; 30m: 4 of 500 = 8; 1h: 10 of 1,000 = 10 < 14.4
    const result = burnRateAlert(
      rates({
        '5m': [100, 1],
        '30m': [500, 4],
        '1h': [1000, 10],
        '6h': [6000, 40],
      }),
    );
    expect(result).toEqual({
      alert: 'page',
      reason:
        'page: burn rate 6.67 over 6h and 8 over 30m, both at least 6 (5% of a 30-day budget in 6 hours)',
    });
  });

  it('tickets on a slow burn over 1d and 2h at 3', () => {
    // 1d: 80 of 24,000 = 3.33; 2h: 7 of 2,000 = 3.5; 6h: 18 of 6,000 = 3 (< 6, no page)
    const result = burnRateAlert(
      rates({ '2h': [2000, 7], '6h': [6000, 18], '1d': [24_000, 80] }),
    );
    expect(result.alert).toBe('ticket');
    expect(result.reason).toMatch(
      /^ticket: burn rate 3.33 over 1d and 3.5 over 2h, both at least 3/,
    );
    // 3d/6h at 1 fires too (3d has no requests outside 1d here, so 3d is empty → null → no)
    expect(result.reason).not.toMatch(/over 3d/);
  });

  it('tickets at exactly burn rate 1 over 3d and 6h ("at least")', () => {
    // 3d: 72 of 72,000 = 0.1% ÷ 0.1% = 1; 6h: 6 of 6,000 = 1
    const result = burnRateAlert(
      rates({ '6h': [6000, 6], '3d': [72_000, 72] }),
    );
    expect(result).toEqual({
      alert: 'ticket',
      reason:
        'ticket: burn rate 1 over 3d and 1 over 6h, both at least 1 (10% of a 30-day budget in 3 days)',
    });
  });

  it('a page outranks a ticket', () => {
    // every window at 20: all four rows fire; the page rows are reported
    const result = burnRateAlert(
      rates(Object.fromEntries(ALERT_WINDOWS.map(w => [w, [1000, 20]]))),
    );
    expect(result.alert).toBe('page');
    expect(result.reason).toMatch(
      /over 1h and .* over 5m.*; burn rate 20 over 6h and 20 over 30m/,
    );
  });

  it('no traffic at all: none, and says so', () => {
    expect(burnRateAlert(rates({}))).toEqual({
      alert: 'none',
      reason: 'no requests in the last 3 days',
    });
  });
});
