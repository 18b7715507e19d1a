import fs from 'node:fs';
import path from 'node:path';
import { parseOpenSloFile } from './parseOpenSloFile';

const repoRoot = path.resolve(__dirname, '../../../..');

/** A template's slo.yaml as a generated service gets it. */
function renderedTemplate(template: string, name: string): string {
  return fs
    .readFileSync(
      path.join(repoRoot, 'templates', template, 'skeleton', 'slo.yaml'),
      'utf8',
    )
    .replace(/\$\{\{ values\.name \}\}/g, name);
}

/** Joins lines so that each test's line numbers can be read off the array index + 1. */
const lines = (...l: string[]) => `${l.join('\n')}\n`;

const availabilitySli = [
  '    ratioMetric:',
  '      counter: true',
  '      good:',
  '        metricSource:',
  '          type: OpenTelemetry',
  '          spec:',
  '            metric: http.server.request.duration',
  '            aggregation: count',
  '            filter: \'service.name="auth" AND http.response.status_code < 500\'',
  '      total:',
  '        metricSource:',
  '          type: OpenTelemetry',
  '          spec:',
  '            metric: http.server.request.duration',
  '            aggregation: count',
  '            filter: \'service.name="auth"\'',
];

describe('parseOpenSloFile', () => {
  it.each([
    ['node-service', 300],
    ['go-service', 200],
  ])(
    "reads the %s template's SLOs: availability and p95 latency over 28 days",
    (template, thresholdMs) => {
      const result = parseOpenSloFile(renderedTemplate(template, 'billing'), {
        file: 'slo.yaml',
      });
      expect(result.problems).toEqual([]);
      expect(result.slos).toEqual([
        expect.objectContaining({
          name: 'billing-availability',
          displayName: 'billing availability',
          service: 'billing',
          objective: 'non-5xx requests',
          kind: 'availability',
          target: 0.999,
          window: {
            isRolling: true,
            duration: '28d',
            durationMs: 28 * 86_400_000,
          },
          indicator: {
            kind: 'availability',
            bad: 'errors',
            serviceName: 'billing',
          },
        }),
        expect.objectContaining({
          name: 'billing-latency',
          kind: 'latency',
          target: 0.95,
          indicator: {
            kind: 'latency',
            bad: 'slowerThan',
            serviceName: 'billing',
            thresholdMs,
          },
        }),
      ]);
      // Where each SLO is defined: its metadata.name.
      expect(result.slos.map(s => [s.line, s.column])).toEqual(
        template === 'node-service'
          ? [
              [12, 9],
              [48, 9],
            ]
          : [
              [11, 9],
              [47, 9],
            ],
      );
    },
  );

  it("reads the example of docs/telemetry.md's SLO section", () => {
    const doc = fs.readFileSync(path.join(repoRoot, 'docs', 'telemetry.md'), 'utf8');
    const section = doc.slice(doc.indexOf('\n## SLOs\n'));
    const example = /```yaml\n([\s\S]*?)```/.exec(section)![1];
    const result = parseOpenSloFile(example, { file: 'docs/telemetry.md' });
    expect(result.problems).toEqual([]);
    expect(result.slos).toEqual([
      expect.objectContaining({
        name: 'billing-latency',
        target: 0.95,
        indicator: {
          kind: 'latency',
          bad: 'slowerThan',
          serviceName: 'billing',
          operation: 'GET /invoices/{id}',
          thresholdMs: 300,
        },
        window: expect.objectContaining({
          isRolling: false,
          calendar: { startTime: '2024-01-01T00:00:00', timeZone: 'Europe/Berlin' },
        }),
      }),
    ]);
  });

  it('resolves indicatorRef to a kind: SLI document of the same file, and reads a route and a calendar window', () => {
    const text = lines(
      'apiVersion: openslo/v1',
      'kind: SLI',
      'metadata:',
      '  name: auth-login-ok',
      'spec:',
      ...availabilitySli
        .map(l =>
          l.replace(
            'service.name="auth"',
            'service.name="auth" AND http.request.method="POST" AND http.route="/login"',
          ),
        )
        .map(l => l.slice(2)),
      '---',
      'apiVersion: openslo/v1',
      'kind: SLO',
      'metadata:',
      '  name: auth-login',
      'spec:',
      '  budgetingMethod: Occurrences',
      '  indicatorRef: auth-login-ok',
      '  timeWindow:',
      '    - duration: 1M',
      '      isRolling: false',
      '      calendar:',
      '        startTime: 2024-01-01 00:00:00',
      '        timeZone: Europe/Berlin',
      '  objectives:',
      '    - displayName: three nines',
      '      target: 0.999',
      '    - displayName: two nines',
      '      targetPercent: 99.9',
    );
    const result = parseOpenSloFile(text, { file: 'slo.yaml' });
    expect(result.problems).toEqual([]);
    expect(result.slos).toHaveLength(2);
    expect(result.slos[0]).toEqual({
      name: 'auth-login',
      objective: 'three nines',
      kind: 'availability',
      target: 0.999,
      window: {
        isRolling: false,
        duration: '1M',
        length: { count: 1, unit: 'M' },
        calendar: {
          startTime: '2024-01-01T00:00:00',
          timeZone: 'Europe/Berlin',
        },
      },
      indicator: {
        kind: 'availability',
        bad: 'errors',
        serviceName: 'auth',
        operation: 'POST /login',
      },
      line: 26,
      column: 9,
    });
    // targetPercent 99.9 is 0.999, not 0.9990000000000001.
    expect(result.slos[1].target).toBe(0.999);
  });

  it('reads a bad/total ratio and a threshold in milliseconds', () => {
    const text = lines(
      'apiVersion: openslo/v1',
      'kind: SLO',
      'metadata:',
      '  name: api-errors',
      'spec:',
      '  budgetingMethod: Occurrences',
      '  indicator:',
      '    spec:',
      '      ratioMetric:',
      '        bad:',
      '          metricSource:',
      '            type: opentelemetry',
      '            spec:',
      '              filter: service.name = "api" and http.response.status_code >= 500',
      '        total:',
      '          metricSource:',
      '            type: OpenTelemetry',
      '            spec:',
      '              filter: service.name == "api"',
      '  timeWindow:',
      '    - duration: 7d',
      '      isRolling: true',
      '  objectives:',
      '    - target: 0.99',
      '---',
      'apiVersion: openslo/v1',
      'kind: SLO',
      'metadata:',
      '  name: api-fast',
      'spec:',
      '  budgetingMethod: Occurrences',
      '  indicator:',
      '    spec:',
      '      thresholdMetric:',
      '        metricSource:',
      '          type: OpenTelemetry',
      '          spec:',
      '            aggregation: p99',
      '            unit: ms',
      '            filter: service.name="api"',
      '  timeWindow:',
      '    - duration: 4w',
      '      isRolling: true',
      '  objectives:',
      '    - op: lt',
      '      value: 250',
      '      target: 0.99',
    );
    const result = parseOpenSloFile(text, { file: 'slo.yaml' });
    expect(result.problems).toEqual([]);
    expect(result.slos.map(s => [s.name, s.indicator, s.window])).toEqual([
      [
        'api-errors',
        { kind: 'availability', bad: 'errors', serviceName: 'api' },
        { isRolling: true, duration: '7d', durationMs: 7 * 86_400_000 },
      ],
      [
        'api-fast',
        {
          kind: 'latency',
          bad: 'slowerThan',
          serviceName: 'api',
          thresholdMs: 250,
        },
        { isRolling: true, duration: '4w', durationMs: 28 * 86_400_000 },
      ],
    ]);
  });

  /** An SLO whose lines 1–9 are fixed; the test's lines follow from line 10. */
  const slo = (...rest: string[]) =>
    lines(
      'apiVersion: openslo/v1',
      'kind: SLO',
      'metadata:',
      '  name: auth-availability',
      'spec:',
      '  budgetingMethod: Occurrences',
      '  indicator:',
      '    spec:',
      ...availabilitySli.map(l => `  ${l}`),
      ...rest,
    );
  // availabilitySli is 16 lines: 9..24; the test's own lines start at 25.
  const window28d = [
    '  timeWindow:',
    '    - duration: 28d',
    '      isRolling: true',
  ];

  it.each<[string, string, string[], Array<[number, number, string, RegExp]>]>([
    [
      'a target out of range',
      'openslo/invalid-target',
      [...window28d, '  objectives:', '    - target: 99.9'],
      [
        [
          29,
          15,
          'openslo/invalid-target',
          /target 99.9 is out of range.*between|greater than 0 and less than 1/,
        ],
      ],
    ],
    [
      'a target of 1 (no error budget at all)',
      'openslo/invalid-target',
      [...window28d, '  objectives:', '    - target: 1'],
      [[29, 15, 'openslo/invalid-target', /less than 1/]],
    ],
    [
      'a missing objective target',
      'openslo/invalid-target',
      [...window28d, '  objectives:', '    - displayName: x'],
      [[29, 7, 'openslo/invalid-target', /needs a target/]],
    ],
    [
      'a bad duration',
      'openslo/invalid-duration',
      [
        '  timeWindow:',
        '    - duration: 28 days',
        '      isRolling: true',
        '  objectives:',
        '    - target: 0.99',
      ],
      [[26, 17, 'openslo/invalid-duration', /"28 days" is not a duration/]],
    ],
    [
      'a rolling month',
      'openslo/invalid-time-window',
      [
        '  timeWindow:',
        '    - duration: 1M',
        '      isRolling: true',
        '  objectives:',
        '    - target: 0.99',
      ],
      [[26, 17, 'openslo/invalid-time-window', /fixed length/]],
    ],
    [
      'a calendar window with an unknown time zone and a bad start',
      'openslo/invalid-time-window',
      [
        '  timeWindow:',
        '    - duration: 1M',
        '      calendar:',
        '        startTime: 2024-02-30',
        '        timeZone: Mars/Olympus',
        '  objectives:',
        '    - target: 0.99',
      ],
      [
        [28, 20, 'openslo/invalid-time-window', /startTime "2024-02-30"/],
        [
          29,
          19,
          'openslo/invalid-time-window',
          /"Mars\/Olympus" is not an IANA time zone/,
        ],
      ],
    ],
    [
      'no time window',
      'openslo/invalid-time-window',
      ['  objectives:', '    - target: 0.99'],
      [[5, 1, 'openslo/invalid-time-window', /timeWindow is required/]],
    ],
  ])('reports %s at its line', (_what, _rule, rest, expected) => {
    const result = parseOpenSloFile(slo(...rest), { file: 'svc/slo.yaml' });
    expect(result.slos).toEqual([]);
    expect(
      result.problems.map(p => [p.line, p.column, p.rule, p.message]),
    ).toEqual(
      expected.map(([l, c, r, m]) => [l, c, r, expect.stringMatching(m)]),
    );
    expect(result.problems.every(p => p.file === 'svc/slo.yaml')).toBe(true);
  });

  it('reports an unknown indicatorRef and Timeslices, and still returns the valid SLO', () => {
    const text = lines(
      'apiVersion: openslo/v1', // 1
      'kind: SLO',
      'metadata:',
      '  name: good-one',
      'spec:', // 5
      '  budgetingMethod: Occurrences',
      '  indicator:',
      '    spec:',
      ...availabilitySli.map(l => `  ${l}`), // 9..24
      ...window28d, // 25..27
      '  objectives:',
      '    - target: 0.99', // 29
      '---',
      'apiVersion: openslo/v1', // 31
      'kind: SLO',
      'metadata:',
      '  name: broken',
      'spec:', // 35
      '  budgetingMethod: Timeslices',
      '  indicatorRef: no-such-sli',
      ...window28d, // 38..40
      '  objectives:',
      '    - target: 0.99',
    );
    const result = parseOpenSloFile(text, { file: 'slo.yaml' });
    expect(result.slos.map(s => s.name)).toEqual(['good-one']);
    expect(result.problems).toEqual([
      {
        file: 'slo.yaml',
        line: 36,
        column: 20,
        rule: 'openslo/unsupported-budgeting-method',
        message: expect.stringMatching(/Timeslices is not supported yet/),
      },
      {
        file: 'slo.yaml',
        line: 37,
        column: 17,
        rule: 'openslo/unknown-indicator',
        message:
          'indicatorRef "no-such-sli" names no kind: SLI document in this file',
      },
    ]);
  });

  it('reports duplicate names, bad names, unknown kinds and foreign documents', () => {
    const text = lines(
      'apiVersion: openslo/v1', // 1
      'kind: SLI',
      'metadata:',
      '  name: same',
      'spec:',
      ...availabilitySli.map(l => l.slice(2)), // 6..21
      '---',
      'apiVersion: openslo/v1', // 23
      'kind: SLI',
      'metadata:',
      '  name: same', // 26
      'spec:',
      ...availabilitySli.map(l => l.slice(2)), // 28..43
      '---',
      'apiVersion: openslo/v1', // 45
      'kind: Dashboard', // 46
      'metadata:',
      '  name: x',
      '---',
      'apiVersion: backstage.io/v1alpha1', // 50
      'kind: Component',
      'metadata:',
      '  name: auth',
      '---',
      'apiVersion: openslo/v1', // 55
      'kind: Service',
      'metadata:',
      '  name: Not_A_Label', // 58
    );
    const result = parseOpenSloFile(text, { file: 'slo.yaml' });
    expect(result.problems.map(p => [p.line, p.column, p.rule])).toEqual([
      [1, 1, 'openslo/required-field'], // no SLO in the file
      [26, 9, 'openslo/duplicate-name'],
      [46, 7, 'openslo/unknown-kind'],
      [50, 13, 'openslo/not-openslo'],
      [58, 9, 'openslo/invalid-name'],
    ]);
    expect(result.problems[1].message).toBe(
      'another SLI named "same" is defined at line 4',
    );
  });

  it('reports metric sources and filters it cannot evaluate, at the field', () => {
    const text = lines(
      'apiVersion: openslo/v1', // 1
      'kind: SLI',
      'metadata:',
      '  name: prom',
      'spec:',
      '  ratioMetric:',
      '    good:',
      '      metricSource:',
      '        type: Prometheus', // 9
      '        spec: {query: up}',
      '    total:',
      '      metricSource:',
      '        type: OpenTelemetry',
      '        spec:',
      '          filter: service.name="a" OR service.name="b"', // 15
      '---',
      'apiVersion: openslo/v1', // 17
      'kind: SLI',
      'metadata:',
      '  name: wrong-status',
      'spec:',
      '  ratioMetric:',
      '    good:',
      '      metricSource:',
      '        type: OpenTelemetry',
      '        spec:',
      '          filter: service.name="a" AND http.response.status_code < 400', // 27
      '    total:',
      '      metricSource:',
      '        type: OpenTelemetry',
      '        spec:',
      '          metric: http.client.request.duration', // 32
      '          filter: service.name="a"',
      '---',
      'apiVersion: openslo/v1', // 35
      'kind: SLI',
      'metadata:',
      '  name: other-service',
      'spec:',
      '  ratioMetric:',
      '    good:',
      '      metricSource:',
      '        type: OpenTelemetry',
      '        spec:',
      '          filter: service.name="b" AND http.response.status_code < 500', // 45
      '    total:',
      '      metricSource:',
      '        type: OpenTelemetry',
      '        spec:',
      '          filter: service.name="a"',
      '    raw:', // 51
      '      metricSource: {type: OpenTelemetry}',
    );
    const result = parseOpenSloFile(text, { file: 'slo.yaml' });
    expect(
      result.problems.map(p => [p.line, p.column, p.rule, p.message]),
    ).toEqual([
      [1, 1, 'openslo/required-field', expect.stringMatching(/defines no SLO/)],
      [
        9,
        15,
        'openslo/unsupported-metric-source',
        expect.stringMatching(/type "Prometheus" is not supported/),
      ],
      [
        15,
        19,
        'openslo/unsupported-filter',
        expect.stringMatching(/only be joined with AND, not "OR"/),
      ],
      [
        27,
        19,
        'openslo/unsupported-filter',
        expect.stringMatching(/"http.response.status_code < 400".*"< 500"/),
      ],
      [
        32,
        19,
        'openslo/unsupported-metric-source',
        expect.stringMatching(/metric "http.client.request.duration"/),
      ],
      [
        51,
        5,
        'openslo/unsupported-metric-source',
        expect.stringMatching(/precomputed ratios/),
      ],
    ]);
  });

  it('reports a latency objective that is not "at or under a threshold"', () => {
    const text = lines(
      'apiVersion: openslo/v1', // 1
      'kind: SLO',
      'metadata:',
      '  name: slow',
      'spec:',
      '  budgetingMethod: Occurrences',
      '  indicator:',
      '    spec:',
      '      thresholdMetric:',
      '        metricSource:',
      '          type: OpenTelemetry',
      '          spec:',
      '            unit: minutes', // 13
      '            filter: service.name="a"',
      '  timeWindow: [{duration: 28d, isRolling: true}]',
      '  objectives:',
      '    - op: gte', // 17
      '      value: -1', // 18
      '      target: 0.9',
    );
    const result = parseOpenSloFile(text, { file: 'slo.yaml' });
    expect(result.problems.map(p => [p.line, p.column, p.rule])).toEqual([
      [13, 19, 'openslo/unsupported-metric-source'],
      [17, 11, 'openslo/invalid-objective'],
      [18, 14, 'openslo/invalid-objective'],
    ]);
  });

  it('reports YAML syntax errors at their line and skips that document', () => {
    const text = lines('apiVersion: openslo/v1', 'kind: SLO', 'kind: SLI');
    const result = parseOpenSloFile(text, { file: 'slo.yaml' });
    expect(result.slos).toEqual([]);
    expect(result.problems.length).toBeGreaterThan(0);
    expect(result.problems.every(p => p.rule === 'openslo/yaml-syntax')).toBe(
      true,
    );
    expect([result.problems[0].line, result.problems[0].column]).toEqual([
      3, 1,
    ]);
  });

  it('refuses aliases that expand past the limit', () => {
    const text = lines(
      'a: &a [x, x, x, x, x, x, x, x, x, x]',
      'b: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a, *a]',
      'c: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b, *b]',
      'd: [*c, *c, *c, *c, *c, *c, *c, *c, *c, *c]',
    );
    const result = parseOpenSloFile(text, { file: 'slo.yaml' });
    expect(result.problems).toEqual([
      expect.objectContaining({
        line: 1,
        rule: 'openslo/yaml-syntax',
        message: expect.stringMatching(/alias/i),
      }),
    ]);
  });
});
