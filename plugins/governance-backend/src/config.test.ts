import { ConfigReader } from '@backstage/config';
import { DEFAULT_SETTINGS, readGovernanceSettings } from './config';

describe('readGovernanceSettings', () => {
  it('gives the defaults without a governance section', () => {
    expect(readGovernanceSettings(new ConfigReader({}))).toEqual(
      DEFAULT_SETTINGS,
    );
  });

  it('reads every key', () => {
    expect(
      readGovernanceSettings(
        new ConfigReader({
          governance: {
            schedule: { frequency: { minutes: 10 }, timeout: { minutes: 2 } },
            changeProbe: { enabled: false, frequencySeconds: 30 },
            telemetryWindow: '7d',
            retention: { evaluations: 5, historyDays: 90 },
            waivers: { maxDays: 30 },
          },
        }),
      ),
    ).toEqual({
      schedule: { frequency: { minutes: 10 }, timeout: { minutes: 2 } },
      changeProbe: { enabled: false, frequencySeconds: 30 },
      telemetryWindow: '7d',
      retention: { evaluations: 5, historyDays: 90 },
      waivers: { maxDays: 30 },
    });
  });

  it.each([
    [
      { telemetryWindow: '2h' },
      /^governance\.telemetryWindow: must be one of 15m, 1h, 6h, 24h, 7d, got '2h'$/,
    ],
    [
      { retention: { evaluations: 0 } },
      /^governance\.retention\.evaluations: must be a whole number of at least 1, got 0$/,
    ],
    [
      { waivers: { maxDays: 1.5 } },
      /^governance\.waivers\.maxDays: must be a whole number/,
    ],
    [
      { changeProbe: { frequencySeconds: 'often' } },
      /changeProbe\.frequencySeconds/,
    ],
  ])('names the key of a bad value: %j', (governance, message) => {
    expect(() =>
      readGovernanceSettings(new ConfigReader({ governance })),
    ).toThrow(message);
  });
});
