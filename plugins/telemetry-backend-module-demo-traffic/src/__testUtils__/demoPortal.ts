/* eslint-disable @typescript-eslint/no-explicit-any */
/*
 * Run as its own process (`node -r nodeTransform demoPortal.ts '<json>'`): the SDK's OTLP
 * exporter loads `http` with a dynamic import, which Jest's module system does not run.
 *
 * Starts a portal with the real catalog reading the DataFlow demo organisation
 * (examples/dataflow, with Strata's service model), the real telemetry plugin and the
 * demo-traffic module; waits until the telemetry API shows what the demo promises, then writes
 * what it showed and how long after start, as JSON, to the file the request names (not to
 * stdout: a pipe is written asynchronously, and exiting before it drains cuts the JSON short).
 *
 * "What the demo promises" includes the telemetry plugin mapping every node of the observed
 * graph to a catalog entity. The plugin reads the catalog into an index (CatalogGraphCache), and
 * its first read comes while the catalog is still ingesting the demo: until the next read, a
 * node whose entity was not there yet stays `otel:…`/`topic:…`/`db:…` and its edges count as
 * undeclared. The index was then re-read once a minute; it now re-reads within seconds while
 * observed names map to no entity (telemetry-backend's refreshSchedule.ts). Seen before that: on SQLite, an index read 3 s after start with
 * 23 of the demo's 29 components and resources (etl-workers and billing among them, so the
 * undeclared call was already visible) gave 13 undeclared edges until the next read at 64 s;
 * on PostgreSQL with the CPUs busy, the first read (15 s) found none, every edge was undeclared
 * until 77 s, and the latency page came at 47 s. Stopping at the first poll where the other
 * promises were kept reported those edges.
 */
import {
  mockCredentials,
  mockServices,
  startTestBackend,
  TestDatabaseId,
  TestDatabases,
} from '@backstage/backend-test-utils';
import { perPluginDatabases } from '@internal/backend-test-kit';
import catalogPlugin from '@backstage/plugin-catalog-backend';
import serviceModelModule from '@internal/plugin-catalog-backend-module-service-model';
// The module is tested in the plugin it extends, as the portal runs it (a test-only import).
// eslint-disable-next-line @backstage/no-mixed-plugin-imports
import telemetryPlugin from '@internal/plugin-telemetry-backend';
import fs from 'node:fs/promises';
import path from 'node:path';
import { telemetryModuleDemoTraffic as demoTrafficModule } from '../module';
import { unmappedNodes } from './unmappedNodes';

export interface DemoPortalRequest {
  /** Each plugin gets its own database on this engine, as in a real backend. */
  databaseId: TestDatabaseId;
  requestsPerSecond: number;
  /** Give up after this long. */
  timeoutMs: number;
  /** Where to write the {@link DemoPortalResult} (JSON). */
  resultFile: string;
}

export interface DemoPortalResult {
  /** When (ms after the backend started) each promise of the demo was first kept; -1: never. */
  firstSeenMs: {
    /** Every node of the observed graph maps to a catalog entity (see the top of this file). */
    catalogMapped: number;
    undeclaredCall: number;
    latencyPage: number;
    red: number;
    slowTraces: number;
  };
  /** The telemetry API's last answers. */
  edges: any;
  red: any;
  slos: any;
  traces: any;
}

const DEMO = path.resolve(__dirname, '../../../../examples/dataflow');

async function main() {
  const request: DemoPortalRequest = JSON.parse(process.argv[2]);
  // TestDatabases registers its cleanup with Jest's afterAll; outside Jest this script shuts
  // the databases down itself (below), so a no-op stands in.
  (globalThis as any).afterAll ??= () => {};
  const databases = TestDatabases.create({ ids: [request.databaseId] });
  const startedAt = Date.now();
  const backend = await startTestBackend({
    features: [
      perPluginDatabases(databases, request.databaseId),
      catalogPlugin,
      serviceModelModule,
      telemetryPlugin,
      demoTrafficModule,
      mockServices.rootConfig.factory({
        data: {
          catalog: {
            processingInterval: { seconds: 1 },
            rules: [
              { allow: ['Component', 'System', 'API', 'Resource', 'Location'] },
            ],
            locations: [
              {
                type: 'file',
                target: path.join(DEMO, 'catalog-info.yaml'),
                rules: [
                  {
                    allow: [
                      'Domain',
                      'System',
                      'Component',
                      'API',
                      'Resource',
                      'Location',
                      'Group',
                      'User',
                    ],
                  },
                ],
              },
            ],
          },
          strata: { catalog: { allowedFileLocationRoots: [DEMO] } },
          telemetry: {
            demoTraffic: {
              enabled: true,
              requestsPerSecond: request.requestsPerSecond,
            },
          },
        },
      }),
    ],
  });
  const base = `http://localhost:${backend.server.port()}/api/telemetry`;
  const get = async (p: string) => {
    const res = await fetch(`${base}${p}`, {
      headers: { Authorization: mockCredentials.user.header() },
    });
    return { status: res.status, body: await res.json() };
  };

  const firstSeenMs = {
    catalogMapped: -1,
    undeclaredCall: -1,
    latencyPage: -1,
    red: -1,
    slowTraces: -1,
  };
  const seen = (what: keyof typeof firstSeenMs, yes: boolean) => {
    if (yes && firstSeenMs[what] < 0)
      firstSeenMs[what] = Date.now() - startedAt;
  };
  let last = {} as Omit<DemoPortalResult, 'firstSeenMs'>;
  // Done when every promise has been kept and the last answers (the ones reported) have every
  // node mapped: an index read later than the one that first mapped them maps them too.
  let mapped = false;
  const done = () => mapped && Object.values(firstSeenMs).every(ms => ms >= 0);
  try {
    while (!done() && Date.now() - startedAt < request.timeoutMs) {
      await new Promise(resolve => setTimeout(resolve, 2000));
      const [edges, red, slos, traces] = await Promise.all([
        get('/v1/edges?window=15m'),
        get('/v1/services/pipeline-service/red?window=15m'),
        get(
          `/v1/slos?entityRef=${encodeURIComponent(
            'component:default/pipeline-service',
          )}`,
        ),
        get('/v1/services/pipeline-service/traces'),
      ]);
      last = { edges, red, slos, traces };
      const observed = edges.body.edges ?? [];
      mapped = observed.length > 0 && unmappedNodes(observed).length === 0;
      seen('catalogMapped', mapped);
      seen(
        'undeclaredCall',
        (edges.body.edges ?? []).some(
          (e: { from: string; to: string; declared: boolean; kind: string }) =>
            e.from === 'component:default/etl-workers' &&
            e.to === 'component:default/billing' &&
            e.kind === 'http' &&
            !e.declared,
        ),
      );
      seen(
        'latencyPage',
        (slos.body.items ?? []).some(
          (s: { name: string; alert: string }) =>
            s.name === 'pipeline-service-latency' && s.alert === 'page',
        ),
      );
      seen('red', red.body.requests > 0);
      seen('slowTraces', (traces.body.slowest ?? []).length > 0);
    }
    await fs.writeFile(
      request.resultFile,
      JSON.stringify({ firstSeenMs, ...last }),
    );
  } finally {
    await backend.stop();
    // Public in the implementation, private in the types: Jest's afterAll usually calls it.
    await (databases as unknown as { shutdown(): Promise<void> }).shutdown();
  }
}

// Exits explicitly (a stopped backend can leave timers behind), after the result file is
// written and, on failure, once the error has reached the parent.
main().then(
  () => process.exit(0),
  error => {
    process.stderr.write(String(error?.stack ?? error), () => process.exit(1));
  },
);
