import { evaluateFindings } from './evaluateFindings';
import {
  loadDataflowEntities,
  withCatalogRelations,
} from './__testUtils__/catalog';
import type { Entity } from '@backstage/catalog-model';
import type { ObservedEdgeInput } from './types';

/*
 * The demo organisation's real problems (examples/dataflow/README.md, "Known findings", each
 * checked against the YAML) and nothing else:
 * - legacy-db is shared by user-management, billing and admin;
 * - connector.tested is produced by connector-service and consumed by nobody;
 * - admin uses legacy-db (personal data) without consuming user.deletion_requested
 *   (user-management produces it, billing consumes it; auth, the other personal-data user,
 *   consumes it);
 * - admin, audit, reporting and search are production services without an SLO file.
 * Near misses it must not report: the longest synchronous chains are exactly 2 calls
 * (api-gateway → auth → user-management, api-gateway → pipeline-service → connector-service,
 * etl-workers → pipeline-service → connector-service, admin → auth → user-management); every
 * other topic has a producer and a consumer; the other databases have one service each.
 */
const catalogFindings = [
  'shared-database:component:default/admin,component:default/billing,component:default/user-management,resource:default/legacy-db',
  'topic-without-consumer:resource:default/connector-tested',
  'personal-data-without-erasure:component:default/admin,resource:default/legacy-db',
  'missing-observability:component:default/admin',
  'missing-observability:component:default/audit',
  'missing-observability:component:default/reporting',
  'missing-observability:component:default/search',
];

const c = (name: string) => `component:default/${name}`;
const r = (name: string) => `resource:default/${name}`;

/**
 * What the demo traffic (telemetry-backend-module-demo-traffic, shape/DemoTrafficShape.test.ts)
 * shows, as telemetry's edge report resolves it, without its `declared` flags so the rule
 * engine's own reading is tested: the gateway's three routes, the run flow, and etl-workers'
 * POST /v1/usage to billing, which the catalog does not declare.
 */
const demoTrafficEdges: ObservedEdgeInput[] = [
  { from: c('api-gateway'), to: c('auth'), kind: 'http', count: 100 },
  { from: c('api-gateway'), to: c('pipeline-service'), kind: 'http', count: 70 },
  { from: c('api-gateway'), to: c('connector-service'), kind: 'http', count: 20 },
  { from: c('api-gateway'), to: c('billing'), kind: 'http', count: 10 },
  { from: c('auth'), to: r('auth-db'), kind: 'database', count: 100 },
  { from: c('pipeline-service'), to: c('connector-service'), kind: 'http', count: 70 },
  { from: c('pipeline-service'), to: r('pipeline-db'), kind: 'database', count: 140 },
  { from: c('pipeline-service'), to: r('pipeline-run-created'), kind: 'messaging', count: 70 },
  { from: c('pipeline-service'), to: c('etl-workers'), kind: 'messaging', count: 70 },
  { from: c('etl-workers'), to: c('pipeline-service'), kind: 'http', count: 70 },
  { from: c('etl-workers'), to: c('connector-service'), kind: 'http', count: 70 },
  { from: c('etl-workers'), to: r('etl-state-db'), kind: 'database', count: 70 },
  { from: c('etl-workers'), to: c('billing'), kind: 'http', count: 70 },
  { from: c('etl-workers'), to: c('notification'), kind: 'messaging', count: 70 },
  { from: c('etl-workers'), to: c('billing'), kind: 'messaging', count: 70 },
  { from: c('connector-service'), to: r('connector-db'), kind: 'database', count: 160 },
  { from: c('notification'), to: c('user-management'), kind: 'http', count: 70 },
  { from: c('user-management'), to: r('legacy-db'), kind: 'database', count: 70 },
  { from: c('billing'), to: r('legacy-db'), kind: 'database', count: 150 },
];
const tracedServices = [
  'api-gateway',
  'auth',
  'pipeline-service',
  'connector-service',
  'etl-workers',
  'billing',
  'notification',
  'user-management',
].map(c);

describe('the demo organisation (examples/dataflow)', () => {
  let entities: Entity[];
  beforeAll(async () => {
    entities = await withCatalogRelations(loadDataflowEntities());
  });

  it('has exactly its known problems as findings from the catalog alone', () => {
    const findings = evaluateFindings({ entities });
    expect(findings.map(f => f.key)).toEqual(catalogFindings);
  });

  it('reports the shared legacy-db with its three services, owners and fix', () => {
    const [shared] = evaluateFindings({ entities }).filter(
      f => f.rule === 'shared-database',
    );
    expect(shared).toEqual({
      rule: 'shared-database',
      key: catalogFindings[0],
      severity: 'error',
      entityRefs: [r('legacy-db'), c('admin'), c('billing'), c('user-management')],
      message: 'legacy-db is used by 3 services: admin, billing and user-management',
      why: expect.stringContaining('database per service'),
      fix: expect.stringContaining('Keep legacy-db with one service (its owner is billing)'),
      owners: ['group:default/billing', 'group:default/identity'],
      systems: ['system:default/billing', 'system:default/identity', 'system:default/operations'],
      namespaces: ['default'],
    });
  });

  it('adds the one undeclared call the demo traffic shows, and no other telemetry finding', () => {
    const findings = evaluateFindings({
      entities,
      observedEdges: demoTrafficEdges,
      servicesWithTraces: tracedServices,
    });
    expect(findings.map(f => f.key)).toEqual([
      ...catalogFindings.slice(0, 3),
      'undeclared-dependency:component:default/etl-workers>component:default/billing',
      ...catalogFindings.slice(3),
    ]);
    const undeclared = findings.find(f => f.rule === 'undeclared-dependency')!;
    expect(undeclared.message).toBe(
      'etl-workers calls billing (http, 70 times in the window) but the catalog declares no such dependency',
    );
    expect(undeclared.fix).toContain('billing provides billing-api, billing-events');
    expect(undeclared.owners).toEqual(['group:default/billing', 'group:default/pipelines']);
    // The services without an SLO send no traces either: same findings, both reasons named.
    expect(findings.find(f => f.key === catalogFindings[3])!.message).toBe(
      'admin runs in production with no SLO file (strata.dev/slo-file) and no traces in the window',
    );
  });
});
