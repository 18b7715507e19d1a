import { validateCatalogFile, validateCatalogFiles } from './validate';
import { yaml } from './testUtils';

/** An SLO file as the node-service template writes it (lines 1–24), and an SLI by name. */
const sloFile = yaml(
  'apiVersion: openslo/v1', // 1
  'kind: SLI',
  'metadata:',
  '  name: billing-ok',
  'spec:', // 5
  '  ratioMetric:',
  '    good:',
  '      metricSource:',
  '        type: OpenTelemetry',
  '        spec:', // 10
  '          filter: service.name="billing" AND http.response.status_code < 500',
  '    total:',
  '      metricSource:',
  '        type: OpenTelemetry',
  '        spec:', // 15
  '          filter: service.name="billing"',
  '---',
  'apiVersion: openslo/v1', // 18
  'kind: SLO',
  'metadata:', // 20
  '  name: billing-availability',
  'spec:',
  '  budgetingMethod: Occurrences',
  '  indicatorRef: billing-ok',
  '  timeWindow:', // 25
  '    - duration: 28d',
  '      isRolling: true',
  '  objectives:',
  '    - target: 0.999',
);

describe('OpenSLO files in the validator', () => {
  it('a valid SLO file has no violations and no entities', () => {
    const result = validateCatalogFile(sloFile, { filePath: 'slo.yaml' });
    expect(result).toEqual({
      file: 'slo.yaml',
      documents: 2,
      entities: [],
      violations: [],
    });
  });

  it('reports OpenSLO problems at their line, with the rule and a hint', () => {
    const broken = sloFile
      .replace('indicatorRef: billing-ok', 'indicatorRef: billing-good')
      .replace('target: 0.999', 'target: 99.9')
      .replace('duration: 28d', 'duration: 28days');
    const result = validateCatalogFile(broken, {
      filePath: 'services/billing/slo.yaml',
    });
    expect(result.violations).toEqual([
      {
        file: 'services/billing/slo.yaml',
        line: 24,
        column: 17,
        rule: 'openslo/unknown-indicator',
        severity: 'error',
        message:
          'indicatorRef "billing-good" names no kind: SLI document in this file (SLIs here: billing-ok)',
        hint: 'Add the SLI document to this file, fix the name, or define the indicator inline.',
      },
      expect.objectContaining({
        line: 26,
        column: 17,
        rule: 'openslo/invalid-duration',
      }),
      expect.objectContaining({
        line: 29,
        column: 15,
        rule: 'openslo/invalid-target',
        message: expect.stringMatching(/^target 99.9 is out of range/),
      }),
    ]);
  });

  it('an older OpenSLO version is told to use openslo/v1, not called an unknown catalog kind', () => {
    const result = validateCatalogFile(
      sloFile.replace(/openslo\/v1$/m, 'openslo/v1alpha'),
      {
        filePath: 'slo.yaml',
      },
    );
    expect(result.violations.map(v => [v.line, v.column, v.rule])).toEqual([
      [1, 13, 'openslo/not-openslo'],
      // the SLI it was is not read, so the SLO's reference to it is unresolved too
      [24, 17, 'openslo/unknown-indicator'],
    ]);
  });

  it('a file with a catalog entity and an SLO checks each by its own rules', () => {
    const mixed = yaml(
      'apiVersion: backstage.io/v1alpha1',
      'kind: Component',
      'metadata:',
      '  name: billing',
      '  annotations:',
      '    strata.dev/slo-file: slo.yaml', // 6
      'spec:',
      '  type: service',
      '  lifecycle: production',
      '  owner: team-a',
      '  tier: 2',
      '---',
      'apiVersion: openslo/v1', // 13
      'kind: SLO',
      'metadata:',
      '  name: Billing', // 16
    );
    const result = validateCatalogFiles([
      { path: 'catalog-info.yaml', text: mixed },
    ]);
    expect(result.files[0].documents).toBe(2);
    expect(result.entities.map(e => [e.ref, e.sloFile])).toEqual([
      ['component:default/billing', { path: 'slo.yaml', line: 6, column: 26 }],
    ]);
    expect(result.violations.map(v => [v.line, v.column, v.rule])).toEqual([
      [13, 1, 'openslo/required-field'], // no spec: reported where the document starts
      [16, 9, 'openslo/invalid-name'],
    ]);
    expect(result.errors).toBe(2);
  });
});
