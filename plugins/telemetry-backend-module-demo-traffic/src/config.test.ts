import { ConfigReader } from '@backstage/config';
import { readDemoTrafficConfig } from './config';

const read = (demoTraffic?: object) =>
  readDemoTrafficConfig(
    new ConfigReader(demoTraffic ? { telemetry: { demoTraffic } } : {}),
  );

describe('readDemoTrafficConfig', () => {
  it('is off with 4 requests a second unless configured', () => {
    expect(read()).toEqual({ enabled: false, requestsPerSecond: 4 });
    expect(read({ enabled: true })).toEqual({
      enabled: true,
      requestsPerSecond: 4,
    });
    expect(read({ enabled: true, requestsPerSecond: 0.5 })).toEqual({
      enabled: true,
      requestsPerSecond: 0.5,
    });
  });

  it('refuses a rate above 10 a second or not above 0, saying the bounds', () => {
    expect(() => read({ requestsPerSecond: 50 })).toThrow(
      'telemetry.demoTraffic.requestsPerSecond must be above 0 and at most 10, got 50',
    );
    expect(() => read({ requestsPerSecond: 0 })).toThrow(/got 0$/);
  });
});
