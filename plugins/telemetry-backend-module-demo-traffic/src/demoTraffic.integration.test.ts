/*
 * The demo as `./strata start` runs it, on SQLite and PostgreSQL: the real catalog reading the
 * DataFlow demo organisation, the real telemetry plugin, and this module exporting real SDK
 * spans over OTLP/HTTP protobuf into the plugin's receiver with a service token. The telemetry
 * API then shows what the cards and governance rely on: pipeline-service paging on its latency
 * SLO with its budget spent, the undeclared call etl-workers → billing (and no other), RED
 * figures and sampled slow traces.
 *
 * The portal runs in a child process (src/__testUtils__/demoPortal.ts): the SDK's exporter
 * loads `http` with a dynamic import that Jest's module system does not run. It writes its
 * result to a file, read once it has exited, and reports once the telemetry plugin's catalog
 * index maps every observed node (its first read comes while the catalog is still ingesting the
 * demo; it re-reads within seconds while observed names map to no entity).
 */
import { TestDatabaseId, TestDatabases } from '@backstage/backend-test-utils';
import { execFile } from 'node:child_process';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type {
  DemoPortalRequest,
  DemoPortalResult,
} from './__testUtils__/demoPortal';
import { unmappedNodes } from './__testUtils__/unmappedNodes';

jest.setTimeout(400_000);

async function runDemoPortal(
  request: Omit<DemoPortalRequest, 'resultFile'>,
): Promise<DemoPortalResult> {
  const transform = require.resolve(
    '@backstage/cli-node/config/nodeTransform.cjs',
  );
  const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'demo-portal-'));
  const resultFile = path.join(dir, 'result.json');
  try {
    await new Promise<void>((resolve, reject) => {
      execFile(
        process.execPath,
        [
          '-r',
          transform,
          path.join(__dirname, '__testUtils__', 'demoPortal.ts'),
          JSON.stringify({ ...request, resultFile }),
        ],
        { timeout: request.timeoutMs + 120_000, maxBuffer: 64 * 1024 * 1024 },
        (error, _stdout, stderr) => {
          if (error)
            reject(new Error(`${error.message}\n${stderr.slice(-4000)}`));
          else resolve();
        },
      );
    });
    return JSON.parse(await fs.readFile(resultFile, 'utf8'));
  } finally {
    await fs.rm(dir, { recursive: true, force: true });
  }
}

// Which engines this run has: SQLite always, PostgreSQL when the suite provides it.
const databaseIds = TestDatabases.create({
  ids: ['SQLITE_3', 'POSTGRES_15'],
}).eachSupportedId();

describe.each(databaseIds)(
  'the demo traffic on %s',
  (databaseId: TestDatabaseId) => {
    let result: DemoPortalResult;

    beforeAll(async () => {
      result = await runDemoPortal({
        databaseId,
        requestsPerSecond: 4,
        timeoutMs: 240_000,
      });
    });

    it('shows everything it promises soon after start', () => {
      // Within a minute of the portal being up, plus the first catalog processing on this
      // loaded machine (the calls resolve to entities once the catalog has them).
      for (const [what, ms] of Object.entries(result.firstSeenMs)) {
        expect({ what, seen: ms >= 0 }).toEqual({ what, seen: true });
      }
      expect(result.firstSeenMs.latencyPage).toBeLessThan(90_000);
      expect(result.firstSeenMs.red).toBeLessThan(90_000);
    });

    it("pages on pipeline-service's latency SLO, budget spent, and keeps its availability quiet", () => {
      const { items, problems } = result.slos.body;
      expect(problems).toEqual([]);
      const latency = items.find(
        (s: any) => s.name === 'pipeline-service-latency',
      );
      expect(latency).toMatchObject({
        alert: 'page',
        kind: 'latency',
        target: 0.99,
        source: 'embedded',
      });
      expect(latency.alertReason).toMatch(
        /^page: burn rate 2\d(\.\d+)? over 1h/,
      );
      expect(latency.errorBudgetRemaining).toBeLessThan(0);
      expect(latency.attainment).toBeGreaterThan(0.7);
      expect(latency.attainment).toBeLessThan(0.8);
      const availability = items.find(
        (s: any) => s.name === 'pipeline-service-availability',
      );
      expect(availability).toMatchObject({ alert: 'none', attainment: 1 });
    });

    it('shows etl-workers → billing over HTTP as the one undeclared call, every other call declared', () => {
      const { edges } = result.edges.body;
      // Every caller and callee is a catalog entity (the portal waited for the plugin's
      // catalog index to have them): an unmapped node's edges would count as undeclared.
      expect(unmappedNodes(edges)).toEqual([]);
      const undeclared = edges
        .filter((e: any) => !e.declared)
        .map((e: any) => `${e.from} → ${e.to} (${e.kind})`);
      expect(undeclared).toEqual([
        'component:default/etl-workers → component:default/billing (http)',
      ]);
      const declared = new Set(
        edges
          .filter((e: any) => e.declared)
          .map((e: any) => `${e.from} → ${e.to} (${e.kind})`),
      );
      for (const call of [
        'component:default/api-gateway → component:default/auth (http)',
        'component:default/api-gateway → component:default/pipeline-service (http)',
        'component:default/pipeline-service → resource:default/pipeline-db (database)',
        'component:default/pipeline-service → component:default/etl-workers (messaging)',
        'resource:default/etl-tasks → component:default/etl-workers (messaging)',
        'component:default/etl-workers → component:default/pipeline-service (http)',
        'component:default/etl-workers → component:default/notification (messaging)',
        'component:default/etl-workers → component:default/billing (messaging)',
        'component:default/notification → component:default/user-management (http)',
      ]) {
        expect({ call, declared: declared.has(call) }).toEqual({
          call,
          declared: true,
        });
      }
    });

    it("gives pipeline-service's RED figures with a p95 above its 500 ms objective, and its slow traces", () => {
      const red = result.red.body;
      expect(red).toMatchObject({
        serviceName: 'pipeline-service',
        entityRef: 'component:default/pipeline-service',
        errors: 0,
        source: 'embedded',
      });
      expect(red.requests).toBeGreaterThan(0);
      expect(red.latencyMs.p95).toBeGreaterThan(500);
      expect(red.latencyMs.p50).toBeLessThan(200);
      expect(red.operations.map((o: any) => o.operation).sort()).toEqual([
        'GET /v1/pipelines/{id}',
        'POST /v1/pipelines/{id}/runs',
      ]);
      const [slowest] = result.traces.body.slowest;
      expect(slowest.durationMs).toBeGreaterThan(600);
      expect(slowest.root.serviceName).toBe('api-gateway');
    });
  },
);
