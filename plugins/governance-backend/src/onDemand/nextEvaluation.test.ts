import { DEFAULT_SETTINGS } from '../config';
import { nextEvaluationBy } from './nextEvaluation';

const T0 = Date.parse('2026-12-02T08:00:00Z');
const MIN = 60_000;

describe('nextEvaluationBy', () => {
  it("is the change probe's interval from now when the probe runs (a new entity changes the catalog)", () => {
    expect(nextEvaluationBy(DEFAULT_SETTINGS, T0 - 3 * MIN, T0)).toBe(
      T0 + 60_000,
    );
    expect(
      nextEvaluationBy(
        {
          ...DEFAULT_SETTINGS,
          changeProbe: { enabled: true, frequencySeconds: 15 },
        },
        T0 - 3 * MIN,
        T0,
      ),
    ).toBe(T0 + 15_000);
  });

  it("is the schedule's next run after the latest evaluation started when the probe is off", () => {
    const settings = {
      ...DEFAULT_SETTINGS,
      changeProbe: { enabled: false, frequencySeconds: 60 },
    };
    expect(nextEvaluationBy(settings, T0 - 3 * MIN, T0)).toBe(T0 + 2 * MIN);
    // A run missed (the latest is 12 minutes old): the next one of the 5-minute rhythm.
    expect(nextEvaluationBy(settings, T0 - 12 * MIN, T0)).toBe(T0 + 3 * MIN);
    expect(
      nextEvaluationBy(
        {
          ...settings,
          schedule: { frequency: { hours: 1, minutes: 30 } } as any,
        },
        T0,
        T0 + MIN,
      ),
    ).toBe(T0 + 90 * MIN);
  });

  it('is unknown for a cron or manual schedule without the probe', () => {
    const off = { enabled: false, frequencySeconds: 60 };
    expect(
      nextEvaluationBy(
        {
          changeProbe: off,
          schedule: {
            frequency: { cron: '*/5 * * * *' },
            timeout: { minutes: 5 },
          },
        },
        T0,
        T0,
      ),
    ).toBeUndefined();
    expect(
      nextEvaluationBy(
        {
          changeProbe: off,
          schedule: {
            frequency: { trigger: 'manual' },
            timeout: { minutes: 5 },
          },
        },
        T0,
        T0,
      ),
    ).toBeUndefined();
  });
});
