import { ANNOTATION_SLO_FILE } from '@internal/plugin-service-model-common';
import { group, service } from '../__testUtils__/catalog';
import { findingsOf } from '../__testUtils__/evaluate';

const slo = { [ANNOTATION_SLO_FILE]: 'slo.yaml' };

describe('missing-observability', () => {
  it('is clean for a production service with an SLO file and traces, and ignores non-production services', async () => {
    const findings = await findingsOf(
      'missing-observability',
      [
        group('team-a'),
        service('good', { annotations: slo }),
        service('experiment', { lifecycle: 'experimental' }),
        service('batch', { type: 'job' }),
      ],
      { servicesWithTraces: ['component:default/good'] },
    );
    expect(findings).toEqual([]);
  });

  it('reports a missing SLO file, and missing traces only when telemetry says which services sent spans', async () => {
    const entities = [
      group('team-a'),
      service('no-slo'),
      service('silent', { annotations: slo }),
    ];
    expect((await findingsOf('missing-observability', entities)).map(f => f.message)).toEqual([
      'no-slo runs in production with no SLO file (strata.dev/slo-file)',
    ]);
    const withTelemetry = await findingsOf('missing-observability', entities, {
      servicesWithTraces: [],
    });
    expect(withTelemetry.map(f => [f.key, f.message])).toEqual([
      [
        'missing-observability:component:default/no-slo',
        'no-slo runs in production with no SLO file (strata.dev/slo-file) and no traces in the window',
      ],
      [
        'missing-observability:component:default/silent',
        'silent runs in production with no traces in the window',
      ],
    ]);
  });

  it('takes the production lifecycles from the options', async () => {
    const findings = await findingsOf(
      'missing-observability',
      [group('team-a'), service('live', { lifecycle: 'live' })],
      { options: { productionLifecycles: ['live'] } },
    );
    expect(findings.map(f => f.key)).toEqual(['missing-observability:component:default/live']);
  });
});
