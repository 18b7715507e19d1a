import { api, database, group, service, topic } from '../__testUtils__/catalog';
import { findingsOf } from '../__testUtils__/evaluate';

const c = (name: string) => `component:default/${name}`;

const catalog = [
  group('team-a'),
  api('billing-api'),
  database('orders-db'),
  topic('orders-created'),
  service('billing', { providesApis: ['api:billing-api'] }),
  service('orders', {
    consumesApis: ['api:billing-api'],
    dependsOn: ['resource:orders-db'],
    produces: ['orders-created'],
  }),
  service('mailer', { consumes: ['orders-created'] }),
];

describe('undeclared-dependency', () => {
  it('is skipped without telemetry, and clean when every observed edge is declared', async () => {
    expect(await findingsOf('undeclared-dependency', catalog)).toEqual([]);
    const findings = await findingsOf('undeclared-dependency', catalog, {
      observedEdges: [
        { from: c('orders'), to: c('billing'), kind: 'http', count: 5 },
        {
          from: c('orders'),
          to: 'resource:default/orders-db',
          kind: 'database',
          count: 5,
        },
        { from: c('orders'), to: c('mailer'), kind: 'messaging', count: 5 },
        {
          from: c('orders'),
          to: 'resource:default/orders-created',
          kind: 'messaging',
          count: 5,
        },
      ],
    });
    expect(findings).toEqual([]);
  });

  it('reports an observed call the catalog does not declare, once per pair, and says what to add', async () => {
    const findings = await findingsOf('undeclared-dependency', catalog, {
      observedEdges: [
        { from: c('mailer'), to: c('billing'), kind: 'http', count: 3 },
        { from: c('mailer'), to: c('billing'), kind: 'rpc', count: 2 },
        {
          from: c('mailer'),
          to: 'resource:default/orders-db',
          kind: 'database',
          count: 1,
        },
      ],
    });
    expect(findings.map(f => [f.key, f.message, f.fix])).toEqual([
      [
        `undeclared-dependency:${c('mailer')}>${c('billing')}`,
        'mailer calls billing (http, 5 times in the window) but the catalog declares no such dependency',
        "Add the API mailer calls (billing provides billing-api) to mailer's spec.consumesApis, or remove the call.",
      ],
      [
        `undeclared-dependency:${c('mailer')}>resource:default/orders-db`,
        'mailer calls orders-db (database, 1 time in the window) but the catalog declares no such dependency',
        "Add `orders-db` to mailer's spec.dependsOn, or stop it from using the database.",
      ],
    ]);
  });

  it("trusts telemetry's declared flag, and names callees that are not in the catalog", async () => {
    const findings = await findingsOf('undeclared-dependency', catalog, {
      observedEdges: [
        {
          from: c('mailer'),
          to: c('billing'),
          kind: 'http',
          count: 3,
          declared: true,
        },
        {
          from: c('orders'),
          to: 'otel:fraud-check',
          kind: 'http',
          count: 7,
          declared: false,
        },
        {
          from: 'otel:unknown',
          to: 'otel:other',
          kind: 'http',
          count: 7,
          declared: false,
        },
      ],
    });
    expect(findings.map(f => [f.entityRefs, f.message])).toEqual([
      [
        [c('orders')],
        'orders calls otel:fraud-check (http, 7 times in the window) but the catalog declares no such dependency',
      ],
    ]);
    expect(findings[0].fix).toContain('otel:fraud-check is not in the catalog');
  });
});

describe('stale-declaration', () => {
  it("is skipped without telemetry's never-observed list, and reports each entry with the field to edit", async () => {
    expect(await findingsOf('stale-declaration', catalog)).toEqual([]);
    const findings = await findingsOf('stale-declaration', catalog, {
      unobservedDeclarations: [
        { from: c('orders'), to: c('billing'), relation: 'consumesApi' },
        {
          from: c('orders'),
          to: 'resource:default/orders-db',
          relation: 'dependsOn',
        },
      ],
    });
    expect(findings.map(f => [f.key, f.severity, f.message])).toEqual([
      [
        `stale-declaration:${c('orders')}>${c('billing')}>consumesApi`,
        'info',
        'orders declares consumesApi billing but no span showed it in the window',
      ],
      [
        `stale-declaration:${c('orders')}>resource:default/orders-db>dependsOn`,
        'info',
        'orders declares dependsOn orders-db but no span showed it in the window',
      ],
    ]);
    expect(findings[0].fix).toContain('spec.consumesApis (billing-api)');
    expect(findings[1].fix).toContain('spec.dependsOn');
  });
});

describe('stale-declaration with an API pair listed twice', () => {
  // Telemetry lists consumesApi once per API the target provides: auth consumes user-api and
  // user-events, both provided by user-management, so the same relation comes twice.
  const twoApis = [
    group('team-a'),
    api('user-api'),
    api('user-events'),
    service('user-management', {
      providesApis: ['api:user-api', 'api:user-events'],
    }),
    service('auth', { consumesApis: ['api:user-api', 'api:user-events'] }),
  ];

  it('is one finding per key, whose fix names both APIs', async () => {
    const entry = {
      from: c('auth'),
      to: c('user-management'),
      relation: 'consumesApi',
    };
    const findings = await findingsOf('stale-declaration', twoApis, {
      unobservedDeclarations: [entry, { ...entry }],
    });
    expect(findings.map(f => f.key)).toEqual([
      `stale-declaration:${c('auth')}>${c('user-management')}>consumesApi`,
    ]);
    expect(findings[0].fix).toContain(
      'spec.consumesApis (user-api, user-events)',
    );
  });
});
