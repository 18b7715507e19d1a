import { splitTraffic, TrafficSplit } from './splitTraffic';

const reports: TrafficSplit = {
  path: '/api/v1/reports',
  monolith: 'admin',
  service: 'report-exporter',
  percent: 5,
};

const existing = `# API gateway routes: longest matching path prefix wins.
routes:
  # users moved out of the monolith in 2025
  - path: /api/v1/users
    service: user-management

  - path: '/api/v1/admin' # still Rails
    service: admin
`;

describe('splitTraffic', () => {
  it('adds a route that keeps most traffic on the monolith and falls back to it', () => {
    expect(splitTraffic(existing, reports))
      .toBe(`# API gateway routes: longest matching path prefix wins.
routes:
  # users moved out of the monolith in 2025
  - path: /api/v1/users
    service: user-management

  - path: '/api/v1/admin' # still Rails
    service: admin

  # report-exporter extracted from admin; raise its weight in later pull requests
  - path: /api/v1/reports
    backends:
      - service: admin
        weight: 95
      - service: report-exporter
        weight: 5
    fallback: admin
`);
  });

  it('starts the list in an empty file, a bare `routes:` and `routes: []`', () => {
    const expected = `routes:
  # report-exporter extracted from admin; raise its weight in later pull requests
  - path: /api/v1/reports
    backends:
      - service: admin
        weight: 95
      - service: report-exporter
        weight: 5
    fallback: admin
`;
    expect(splitTraffic('', reports)).toBe(expected);
    expect(splitTraffic('routes:\n', reports)).toBe(expected);
    expect(splitTraffic('routes: []\n', reports)).toBe(expected);
  });

  it('turns a plain monolith route into a split in place', () => {
    const text = splitTraffic(existing, { ...reports, path: '/api/v1/admin' });
    expect(text).toBe(`# API gateway routes: longest matching path prefix wins.
routes:
  # users moved out of the monolith in 2025
  - path: /api/v1/users
    service: user-management

  - path: '/api/v1/admin' # still Rails
    backends:
      - service: admin
        weight: 95
      - service: report-exporter
        weight: 5
    fallback: admin
`);
  });

  it('raises the share of an existing split without touching anything else', () => {
    const first = splitTraffic(existing, reports);
    const raised = splitTraffic(first, { ...reports, percent: 25 });
    expect(raised).toBe(
      first
        .replace('weight: 95', 'weight: 75')
        .replace('weight: 5\n', 'weight: 25\n'),
    );
    expect(splitTraffic(raised, { ...reports, percent: 100 })).toContain(
      `      - service: admin
        weight: 0
      - service: report-exporter
        weight: 100
    fallback: admin`,
    );
  });

  it('adds the new service to a route that already lists the monolith as a backend', () => {
    const text = `routes:
  - path: /api/v1/reports
    backends:
      - service: admin # Rails
        weight: 100
`;
    expect(splitTraffic(text, reports)).toBe(`routes:
  - path: /api/v1/reports
    backends:
      - service: admin # Rails
        weight: 95
      - service: report-exporter
        weight: 5
    fallback: admin
`);
  });

  it('refuses a path already split to a different new service', () => {
    const split = splitTraffic(existing, {
      ...reports,
      service: 'report-service',
    });
    expect(() => splitTraffic(split, reports)).toThrow(
      "/api/v1/reports is already split to 'report-service'; finish or undo that extraction before sending its traffic to 'report-exporter'",
    );
  });

  it('refuses a path the monolith does not serve', () => {
    expect(() =>
      splitTraffic(existing, { ...reports, path: '/api/v1/users' }),
    ).toThrow(
      "/api/v1/users is served by 'user-management', not by the monolith 'admin'",
    );
    expect(() =>
      splitTraffic(
        'routes:\n  - path: /api/v1/reports\n    backends:\n      - service: reporting\n        weight: 100\n',
        reports,
      ),
    ).toThrow("/api/v1/reports is already split to 'reporting'");
  });

  it('refuses a fallback to something other than the monolith', () => {
    expect(() =>
      splitTraffic(
        'routes:\n  - path: /api/v1/reports\n    service: admin\n    fallback: legacy\n',
        reports,
      ),
    ).toThrow(
      "/api/v1/reports falls back to 'legacy', not to the monolith 'admin'",
    );
  });

  it.each([0, 101, -5, 2.5, NaN])('refuses %p percent', percent => {
    expect(() => splitTraffic(existing, { ...reports, percent })).toThrow(
      `The share of traffic must be a whole percent from 1 to 100, got ${percent}`,
    );
  });

  it('refuses bad paths and service names', () => {
    expect(() =>
      splitTraffic(existing, { ...reports, path: 'api/v1/reports' }),
    ).toThrow("The path 'api/v1/reports' must start with /");
    expect(() =>
      splitTraffic(existing, { ...reports, path: '/api/../admin' }),
    ).toThrow('must start with /');
    expect(() =>
      splitTraffic(existing, { ...reports, service: 'Report Exporter' }),
    ).toThrow("The service 'Report Exporter' is not a gateway service name");
    expect(() =>
      splitTraffic(existing, { ...reports, service: 'admin' }),
    ).toThrow(
      "The extracted service must differ from the monolith, both are 'admin'",
    );
  });

  it('refuses files it cannot read safely', () => {
    expect(() => splitTraffic('routes: [', reports)).toThrow(
      'The routes file is not valid YAML',
    );
    expect(() => splitTraffic('- a\n- b\n', reports)).toThrow(
      'The routes file must be a map with a `routes:` list at the top',
    );
    expect(() => splitTraffic('routes: 3\n', reports)).toThrow(
      '`routes` in the routes file must be a list',
    );
    expect(() =>
      splitTraffic(
        'routes:\n  - path: /api/v1/reports\n    service: admin\n  - path: /api/v1/reports\n    service: admin\n',
        reports,
      ),
    ).toThrow('The routes file has 2 routes for /api/v1/reports');
    expect(() =>
      splitTraffic('routes:\n  - path: /api/v1/reports\n', reports),
    ).toThrow('has neither `service:` nor a `backends:` list');
  });
});
