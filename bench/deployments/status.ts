/*
 * Deployment status from the watch cache, measured against the fake Kubernetes API server of
 * plugins/deployments-backend (loopback only, bounded). See bench/deployments/README.md.
 *
 *   node --expose-gc --require ./node_modules/@backstage/cli-node/config/nodeTransform.cjs \
 *     bench/deployments/status.ts [--requests 400] [--deployments 1000] [--pods 10000]
 *
 * Three processes, so each figure is about one thing: the fake API servers run in a child
 * (their CPU and memory are the API server's, not the portal's); the status figures are taken
 * in this process; the memory figures in a fresh child that only watches.
 * Prints Markdown tables; asserts nothing. Stops what it started; gives up after 5 minutes.
 */
import { ConfigReader } from '@backstage/config';
import { LoggerService } from '@backstage/backend-plugin-api';
import { Entity } from '@backstage/catalog-model';
import { ChildProcess, fork } from 'node:child_process';
import { KubeConfig } from '@kubernetes/client-node';
import { createKubernetesDeploymentsWithClusters } from '../../plugins/deployments-backend/src/kubernetes';
import {
  FakeKubernetesApi,
  deployment,
  event,
  hpa,
  pod,
  podName,
  replicaSet,
} from '../../plugins/deployments-backend/src/kubernetes/__testUtils__/fakeKubernetes';
import { RESOURCE_KINDS } from '../../plugins/deployments-backend/src/kubernetes/watch/resourceKinds';
import { listAllPages } from '../../plugins/deployments-backend/src/kubernetes/watch/pagedList';

const args = process.argv.slice(2);
const arg = (name: string, fallback: number) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? Number(args[i + 1]) : fallback;
};
const role =
  args.find(a => a.startsWith('--role='))?.slice('--role='.length) ?? 'main';

const bound = setTimeout(() => {
  console.error(
    `bench/deployments/status.ts (${role}): gave up after 5 minutes`,
  );
  process.exit(2);
}, 5 * 60_000);
bound.unref();

const quietLogger: LoggerService = {
  error: () => {},
  warn: () => {},
  info: () => {},
  debug: () => {},
  child: () => quietLogger,
};

const fmt = (ms: number) => (ms < 10 ? ms.toFixed(2) : ms.toFixed(1));
const percentile = (sorted: number[], p: number) =>
  sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];

function entityOf(id: string): Entity {
  return {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Component',
    metadata: {
      name: id,
      namespace: 'default',
      annotations: { 'backstage.io/kubernetes-id': id },
    },
    spec: {},
  };
}

function configFor(urls: string[]) {
  return new ConfigReader({
    kubernetes: {
      clusterLocatorMethods: [
        {
          type: 'config',
          clusters: urls.map((url, i) => ({
            name: `cluster-${i + 1}`,
            url,
            authProvider: 'serviceAccount',
            serviceAccountToken: 'bench',
            skipTLSVerify: true,
          })),
        },
      ],
    },
  });
}

async function waitUntil(
  check: () => Promise<boolean> | boolean,
  what: string,
  timeoutMs = 180_000,
) {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise(r => setTimeout(r, 20));
  }
}

// ---- IPC between the roles ---------------------------------------------------------------

function spawnRole(name: string, extra: string[] = []): ChildProcess {
  const child = fork(__filename, [`--role=${name}`, ...args, ...extra], {
    execArgv: process.execArgv,
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  process.on('exit', () => child.kill('SIGTERM'));
  return child;
}

/** Sends a request to a child and waits for its answer (the node transform's own IPC is skipped). */
function ask<T>(
  child: ChildProcess,
  request: Record<string, unknown>,
): Promise<T> {
  return new Promise((resolve, reject) => {
    const onExit = (code: number | null) =>
      reject(new Error(`${String(request.op)}: child exited with ${code}`));
    const onMessage = (msg: any) => {
      if (msg?.reply !== request.op) return;
      child.off('message', onMessage);
      child.off('exit', onExit);
      resolve(msg as T);
    };
    child.on('message', onMessage);
    child.once('exit', onExit);
    child.send(request);
  });
}

function answer(
  handlers: Record<string, (msg: any) => Promise<Record<string, unknown>>>,
) {
  process.on('message', async (msg: any) => {
    const handler = handlers[msg?.op];
    if (!handler) return;
    process.send!({ reply: msg.op, ...(await handler(msg)) });
    if (msg.op === 'stop') process.exit(0);
  });
}

// ---- the fake API servers (child) ----------------------------------------------------------

/** As large as real objects: managedFields, env, volumes. */
function realistic(o: Record<string, any>): Record<string, any> {
  o.metadata.managedFields = [
    {
      manager: 'kube-controller-manager',
      operation: 'Update',
      apiVersion: o.kind === 'Pod' ? 'v1' : 'apps/v1',
      time: '2026-03-01T10:00:00Z',
      fieldsType: 'FieldsV1',
      fieldsV1: {
        'f:metadata': { 'f:labels': {}, 'f:ownerReferences': {} },
        'f:spec': {
          'f:containers': {
            'k:{"name":"app"}': {
              '.': {},
              'f:env': {},
              'f:image': {},
              'f:resources': {},
            },
          },
        },
      },
    },
    {
      manager: 'kubelet',
      operation: 'Update',
      apiVersion: 'v1',
      time: '2026-03-01T10:00:05Z',
      fieldsType: 'FieldsV1',
      subresource: 'status',
      fieldsV1: {
        'f:status': {
          'f:conditions': {},
          'f:containerStatuses': {},
          'f:hostIP': {},
          'f:phase': {},
          'f:podIP': {},
          'f:podIPs': {},
          'f:startTime': {},
        },
      },
    },
  ];
  const spec = o.kind === 'Pod' ? o.spec : o.spec?.template?.spec;
  if (spec?.containers) {
    spec.containers[0].env = Array.from({ length: 12 }, (_, i) => ({
      name: `SETTING_${i}`,
      value: `value-${i}-${'x'.repeat(20)}`,
    }));
    spec.volumes = [
      { name: 'config', configMap: { name: 'app-config', defaultMode: 420 } },
      {
        name: 'kube-api-access',
        projected: {
          sources: [
            { serviceAccountToken: { expirationSeconds: 3607, path: 'token' } },
            {
              configMap: {
                name: 'kube-root-ca.crt',
                items: [{ key: 'ca.crt', path: 'ca.crt' }],
              },
            },
          ],
          defaultMode: 420,
        },
      },
    ];
  }
  return o;
}

/** One service (5 Deployments × 10 pods, 3 crash-looping, events, an HPA) among 200 others. */
function populateServiceCluster(fake: FakeKubernetesApi) {
  const now = new Date();
  for (let d = 0; d < 5; d++) {
    const w = {
      name: `billing-${d}`,
      namespace: 'payments',
      kubernetesId: 'billing',
      image: `registry.example.com/payments/billing:1.4.${d}`,
      revision: 3,
      replicas: 10,
    };
    fake.apply(realistic(replicaSet(w)));
    for (let p = 0; p < 10; p++) {
      const crash = d === 1 && p < 3;
      fake.apply(
        realistic(
          pod(w, {
            index: p,
            now,
            ...(crash ? { condition: 'crash-loop' as const } : {}),
          }),
        ),
      );
      if (crash) {
        fake.apply(
          event({
            involved: {
              kind: 'Pod',
              name: podName(w, p),
              namespace: 'payments',
            },
            reason: 'BackOff',
            message: `Back-off restarting failed container billing-${d} in pod ${podName(
              w,
              p,
            )}_payments(uid)`,
            count: 40,
            now,
          }),
        );
      }
    }
    if (d === 0) fake.apply(hpa(w, { min: 10, max: 20, current: 10 }));
    fake.apply(realistic(deployment(w, { now })));
  }
  for (let s = 0; s < 200; s++) {
    const w = {
      name: `svc-${s}`,
      namespace: `team-${s % 20}`,
      image: `registry.example.com/svc-${s}:2.0.${s % 7}`,
      revision: 2,
      replicas: 3,
    };
    fake.apply(realistic(replicaSet(w)));
    for (let p = 0; p < 3; p++)
      fake.apply(realistic(pod(w, { index: p, now })));
    fake.apply(realistic(deployment(w, { now })));
  }
}

function populateLargeCluster(
  fake: FakeKubernetesApi,
  deployments: number,
  pods: number,
) {
  const perDeployment = Math.ceil(pods / deployments);
  const now = new Date();
  let made = 0;
  for (let d = 0; d < deployments; d++) {
    const w = {
      name: `svc-${d}`,
      namespace: `team-${d % 50}`,
      image: `registry.example.com/team-${d % 50}/svc-${d}:3.${d % 10}.0`,
      revision: 4,
      replicas: perDeployment,
    };
    fake.apply(realistic(replicaSet(w)));
    fake.apply(
      realistic(
        replicaSet(
          { ...w, image: `${w.image}-old`, revision: 3 },
          { replicas: 0 },
        ),
      ),
    );
    for (let p = 0; p < perDeployment && made < pods; p++, made++)
      fake.apply(realistic(pod(w, { index: p, now })));
    if (d % 10 === 0)
      fake.apply(hpa(w, { min: 2, max: 20, current: perDeployment }));
    if (d % 20 === 0) {
      fake.apply(
        event({
          involved: {
            kind: 'Pod',
            name: podName(w, 0),
            namespace: w.namespace,
          },
          reason: 'Unhealthy',
          message:
            'Readiness probe failed: HTTP probe failed with statuscode: 503',
          count: 5,
          now,
        }),
      );
    }
    fake.apply(realistic(deployment(w, { now })));
  }
  return made;
}

async function fakesRole() {
  const fakes: FakeKubernetesApi[] = [];
  answer({
    service: async () => {
      const made = [0, 1, 2].map(() => new FakeKubernetesApi());
      fakes.push(...made);
      const urls = await Promise.all(made.map(f => f.start()));
      made.forEach(populateServiceCluster);
      for (const f of made) f.latencyMs = 50;
      return { urls };
    },
    large: async () => {
      const fake = new FakeKubernetesApi();
      fakes.push(fake);
      const url = await fake.start();
      const pods = populateLargeCluster(
        fake,
        arg('deployments', 1000),
        arg('pods', 10000),
      );
      return { url, deployments: arg('deployments', 1000), pods };
    },
    count: async () => ({
      requests: fakes.reduce((n, f) => n + f.requests.length, 0),
      watches: fakes.reduce((n, f) => n + f.liveWatches, 0),
    }),
    stop: async () => {
      await Promise.all(fakes.map(f => f.stop()));
      return {};
    },
  });
}

// ---- 1. status latency (this process) -----------------------------------------------------

async function measureViewers(
  getStatus: () => Promise<unknown>,
  viewers: number,
  requests: number,
): Promise<number[]> {
  const times: number[] = [];
  const perViewer = Math.ceil(requests / viewers);
  await Promise.all(
    Array.from({ length: viewers }, async () => {
      for (let i = 0; i < perViewer; i++) {
        const t0 = performance.now();
        // Serialised as the router would answer it.
        JSON.stringify(await getStatus());
        times.push(performance.now() - t0);
      }
    }),
  );
  return times.sort((a, b) => a - b);
}

async function statusBench(fakes: ChildProcess) {
  const requests = arg('requests', 400);
  const { urls } = await ask<{ urls: string[] }>(fakes, { op: 'service' });
  const calls = async () =>
    await ask<{ requests: number; watches: number }>(fakes, { op: 'count' });

  const k8s = createKubernetesDeploymentsWithClusters({
    config: configFor(urls),
    logger: quietLogger,
    sink: { recordObservedRollout: async () => {} },
  });
  const t0 = performance.now();
  await k8s.start();
  const billing = entityOf('billing');
  await waitUntil(async () => {
    const s = await k8s.status.getStatus(billing);
    return s.clusters.every(c => c.state === 'ok' && c.workloads.length === 5);
  }, 'three clusters to sync');
  const syncMs = performance.now() - t0;
  await waitUntil(async () => (await calls()).watches === 15, 'the watches');
  const syncCalls = (await calls()).requests;

  const sample = await k8s.status.getStatus(billing);
  const pods = sample.clusters.reduce(
    (n, c) => n + c.workloads.reduce((m, w) => m + w.pods.length, 0),
    0,
  );
  const problems = sample.clusters.reduce(
    (n, c) => n + c.workloads.reduce((m, w) => m + w.problems.length, 0),
    0,
  );
  const bytes = JSON.stringify(sample).length;

  const rows: string[] = [];
  for (const viewers of [1, 10]) {
    await measureViewers(() => k8s.status.getStatus(billing), viewers, 50); // warm-up
    const before = (await calls()).requests;
    const times = await measureViewers(
      () => k8s.status.getStatus(billing),
      viewers,
      requests,
    );
    const after = (await calls()).requests;
    rows.push(
      `| watch cache | ${viewers} | ${times.length} | ${fmt(
        percentile(times, 50),
      )} | ${fmt(percentile(times, 95))} | ${after - before} |`,
    );
  }

  // What each page would cost without the cache: list the five kinds in each cluster per view.
  const kcs = urls.map(url => {
    const kc = new KubeConfig();
    kc.loadFromOptions({
      clusters: [{ name: 'c', server: url, skipTLSVerify: true }],
      users: [{ name: 'u', token: 'bench' }],
      contexts: [{ name: 'x', cluster: 'c', user: 'u' }],
      currentContext: 'x',
    });
    return kc;
  });
  const fanOut = async () => {
    await Promise.all(
      kcs.flatMap(kc =>
        RESOURCE_KINDS.map(kind => listAllPages(kc, kind, { pageSize: 500 })),
      ),
    );
    return {};
  };
  for (const viewers of [1, 10]) {
    const before = (await calls()).requests;
    const times = await measureViewers(fanOut, viewers, viewers * 5);
    const after = (await calls()).requests;
    rows.push(
      `| live fan-out per view (for comparison) | ${viewers} | ${
        times.length
      } | ${fmt(percentile(times, 50))} | ${fmt(percentile(times, 95))} | ${
        after - before
      } |`,
    );
  }
  await k8s.stop();

  console.log(
    `\n## Status of one service across 3 clusters × ${
      pods / 3
    } pods, 50 ms API latency\n`,
  );
  console.log(
    `Initial sync of the 3 clusters (the service's ${pods} pods, ${problems} problems, 200 other services per cluster): ${(
      syncMs / 1000
    ).toFixed(2)} s, ` +
      `${syncCalls} API calls (per cluster: 5 lists, one in 2 pages, and 5 watches). The answer is ${(
        bytes / 1024
      ).toFixed(0)} KiB of JSON.\n`,
  );
  console.log(
    '| source | concurrent viewers | requests | p50 ms | p95 ms | API calls during the phase |',
  );
  console.log('|---|---|---|---|---|---|');
  for (const r of rows) console.log(r);
}

// ---- 2. memory (a fresh child that only watches) -------------------------------------------

async function watcherRole() {
  answer({
    watch: async msg => {
      const gc = (global as any).gc as (() => void) | undefined;
      const measure = () => {
        gc?.();
        gc?.();
        const m = process.memoryUsage();
        return { rss: m.rss / 2 ** 20, heap: m.heapUsed / 2 ** 20 };
      };
      const before = measure();
      const k8s = createKubernetesDeploymentsWithClusters({
        config: configFor([msg.url]),
        logger: quietLogger,
        sink: { recordObservedRollout: async () => {} },
      });
      const t0 = performance.now();
      await k8s.start();
      const cluster = k8s.clusters[0];
      await waitUntil(
        () => cluster.status().state === 'ok',
        'the large cluster to sync',
      );
      const syncMs = performance.now() - t0;
      let peakRss = process.memoryUsage().rss / 2 ** 20;
      await new Promise(r => setTimeout(r, 1000));
      peakRss = Math.max(peakRss, process.memoryUsage().rss / 2 ** 20);
      const after = measure();
      const t1 = performance.now();
      const s = await k8s.status.getStatus(entityOf('svc-7'));
      const statusMs = performance.now() - t1;
      await k8s.stop();
      return {
        before,
        after,
        peakRss,
        syncMs,
        statusMs,
        counts: cluster.cache.sizes(),
        pods: s.clusters[0].workloads[0]?.pods.length ?? 0,
        gc: Boolean(gc),
      };
    },
    stop: async () => ({}),
  });
}

async function memoryBench(fakes: ChildProcess) {
  const large = await ask<{ url: string; deployments: number; pods: number }>(
    fakes,
    { op: 'large' },
  );
  const watcher = spawnRole('watcher');
  const r = await ask<any>(watcher, { op: 'watch', url: large.url });
  await ask(watcher, { op: 'stop' });

  console.log(
    `\n## Memory for watching ${large.deployments.toLocaleString(
      'en',
    )} Deployments / ${large.pods.toLocaleString(
      'en',
    )} Pods (one cluster, no latency)\n`,
  );
  console.log(
    `Cached: ${Object.entries(r.counts)
      .map(([k, n]) => `${n} ${k}`)
      .join(', ')}. Initial sync (paged lists of 500, then watches): ${(
      r.syncMs / 1000
    ).toFixed(2)} s. ` +
      `One status from the cache (svc-7, ${r.pods} pods), first build: ${fmt(
        r.statusMs,
      )} ms.${
        r.gc ? '' : ' Run node with --expose-gc for exact heap figures.'
      }\n`,
  );
  console.log('| watcher process | RSS MiB | heap used MiB |');
  console.log('|---|---|---|');
  console.log(
    `| before the watch (modules loaded) | ${r.before.rss.toFixed(
      0,
    )} | ${r.before.heap.toFixed(0)} |`,
  );
  console.log(
    `| synced, after GC | ${r.after.rss.toFixed(0)} | ${r.after.heap.toFixed(
      0,
    )} |`,
  );
  console.log(
    `| difference | ${(r.after.rss - r.before.rss).toFixed(0)} | ${(
      r.after.heap - r.before.heap
    ).toFixed(0)} |`,
  );
  console.log(`| peak RSS during the sync | ${r.peakRss.toFixed(0)} | |`);
}

async function main() {
  if (role === 'fakes') return fakesRole();
  if (role === 'watcher') return watcherRole();
  console.log(
    `# Deployments watch cache (${new Date().toISOString()}, node ${
      process.version
    })`,
  );
  const fakes = spawnRole('fakes');
  await statusBench(fakes);
  await memoryBench(fakes);
  await ask(fakes, { op: 'stop' });
  clearTimeout(bound);
  return undefined;
}

main().catch(error => {
  console.error(error);
  process.exit(1);
});
