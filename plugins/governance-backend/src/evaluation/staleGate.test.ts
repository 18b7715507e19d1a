import { formatSpan, staleDeclarationGate } from './staleGate';

const T0 = Date.parse('2026-12-02T08:00:00Z');
const MIN = 60_000;

describe('staleDeclarationGate', () => {
  it('waits until telemetry has watched the whole window, and says until when', () => {
    expect(staleDeclarationGate('24h', T0, T0 + 3 * MIN)).toEqual({
      open: false,
      status:
        'waits until 2026-12-03T08:00:00.000Z: telemetry has watched 3 min of its 24 h window',
    });
    expect(staleDeclarationGate('24h', T0, T0 + 24 * 60 * MIN - 1).open).toBe(
      false,
    );
    expect(staleDeclarationGate('24h', T0, T0 + 24 * 60 * MIN)).toEqual({
      open: true,
      status: 'ok',
    });
    expect(staleDeclarationGate('15m', T0, T0 + 20 * MIN).open).toBe(true);
    expect(staleDeclarationGate('7d', T0, T0 + 26 * 60 * MIN).status).toBe(
      'waits until 2026-12-09T08:00:00.000Z: telemetry has watched 1 d 2 h of its 7 d window',
    );
  });

  it('says spans the way people do', () => {
    expect(formatSpan(-5)).toBe('0 s');
    expect(formatSpan(45_000)).toBe('45 s');
    expect(formatSpan(3 * MIN)).toBe('3 min');
    expect(formatSpan(125 * MIN)).toBe('2 h 5 min');
    expect(formatSpan(120 * MIN)).toBe('2 h');
    expect(formatSpan(28 * 60 * MIN)).toBe('1 d 4 h');
  });
});
