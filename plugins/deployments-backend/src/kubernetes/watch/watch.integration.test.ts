/*
 * The informers against the fake API server: 410 Gone → re-list and continue, bookmarks,
 * paging, failing clusters isolated from healthy ones, and API load independent of viewers.
 */
import { waitFor } from '@internal/backend-test-kit';
import { deployment, FakeKubernetesApi } from '../__testUtils__/fakeKubernetes';
import { applyWorkload, workload } from '../__testUtils__/scenario';
import {
  allOk,
  entity,
  startDeployments,
  waitForStatus,
} from '../__testUtils__/watchHarness';

const names = (
  s: Awaited<
    ReturnType<ReturnType<typeof startDeployments>['status']['getStatus']>
  >,
) => s.clusters.flatMap(c => c.workloads.map(w => `${w.name}@${w.version}`));

describe('watch cache against a fake API server', () => {
  const fakes: FakeKubernetesApi[] = [];
  let running: Array<ReturnType<typeof startDeployments>> = [];

  async function fakeCluster(
    options?: ConstructorParameters<typeof FakeKubernetesApi>[0],
  ) {
    const fake = new FakeKubernetesApi(options);
    fakes.push(fake);
    return { fake, url: await fake.start() };
  }

  function start(...args: Parameters<typeof startDeployments>) {
    const d = startDeployments(...args);
    running.push(d);
    return d;
  }

  afterEach(async () => {
    await Promise.all(running.map(d => d.stop()));
    running = [];
    await Promise.all(fakes.splice(0).map(f => f.stop()));
  });

  it('re-lists after a watch comes back to a compacted resourceVersion (410 as a watch ERROR) and continues', async () => {
    const { fake, url } = await fakeCluster();
    applyWorkload(fake, workload('billing'));
    const d = start([{ name: 'prod', url }]);
    await d.start();
    await waitForStatus(d.status, entity('billing'), allOk, 'sync');
    const deploymentLists = fake.count('list', 'deployments');

    // The watch connection drops; while it is down the Deployment changes twice and the API
    // server compacts its history, so the watch cannot resume where it left off.
    fake.hold();
    fake.dropWatches();
    fake.apply(
      deployment(
        workload('billing', {
          image: 'registry.example.com/payments/billing:2.2.0',
          revision: 3,
        }),
      ),
    );
    fake.apply(
      deployment(
        workload('billing', {
          image: 'registry.example.com/payments/billing:2.3.0',
          revision: 4,
        }),
      ),
    );
    fake.compact();
    fake.release();

    await waitForStatus(
      d.status,
      entity('billing'),
      s => (names(s)[0] === 'billing@2.3.0' ? true : undefined),
      'the new version',
    );
    const resumed = fake.requests.filter(
      r => r.verb === 'watch' && r.resource === 'deployments',
    );
    expect(
      Number(resumed[resumed.length - 2].query.resourceVersion),
    ).toBeLessThan(fake.resourceVersion);
    expect(fake.count('list', 'deployments')).toBe(deploymentLists + 1);

    // And the watch keeps working after the re-list.
    fake.apply(
      deployment(
        workload('billing', {
          image: 'registry.example.com/payments/billing:2.4.0',
          revision: 5,
        }),
      ),
    );
    await waitForStatus(
      d.status,
      entity('billing'),
      s => (names(s)[0] === 'billing@2.4.0' ? true : undefined),
      'a later change',
    );
  });

  it('re-lists when a live watch is ended with ERROR 410, and a deletion while away is noticed', async () => {
    const { fake, url } = await fakeCluster();
    applyWorkload(fake, workload('billing'));
    applyWorkload(
      fake,
      workload('billing-worker', { kubernetesId: 'billing' }),
    );
    const d = start([{ name: 'prod', url }]);
    await d.start();
    await waitForStatus(
      d.status,
      entity('billing'),
      s => (names(s).length === 2 ? true : undefined),
      'two workloads',
    );

    fake.hold();
    fake.expireWatches();
    fake.remove('Deployment', 'payments', 'billing-worker');
    fake.compact();
    fake.release();
    const after = await waitForStatus(
      d.status,
      entity('billing'),
      s => (names(s).length === 1 ? names(s) : undefined),
      'the deletion',
    );
    expect(after).toEqual(['billing@2.1.0']);
  });

  it('asks for bookmarks and resumes from the bookmark, so a quiet kind needs no re-list after compaction', async () => {
    const { fake, url } = await fakeCluster();
    applyWorkload(fake, workload('billing'));
    const d = start([{ name: 'prod', url }]);
    await d.start();
    await waitForStatus(d.status, entity('billing'), allOk, 'sync');
    await waitFor(
      async () => (fake.liveWatches === 5 ? true : undefined),
      'five watches',
      { intervalMs: 20 },
    );
    expect(
      fake.requests
        .filter(r => r.verb === 'watch')
        .every(r => r.query.allowWatchBookmarks === 'true'),
    ).toBe(true);

    // Other objects change (the global resourceVersion moves on) but no HPA does; the server
    // sends bookmarks, then compacts and the connections drop.
    for (let i = 0; i < 5; i++) fake.apply(deployment(workload(`other-${i}`)));
    fake.sendBookmarks();
    await new Promise(r => setTimeout(r, 100));
    const bookmarked = fake.resourceVersion;
    const hpaLists = fake.count('list', 'horizontalpodautoscalers');
    fake.compact();
    fake.dropWatches();

    await waitFor(
      async () =>
        fake.requests.filter(
          r => r.verb === 'watch' && r.resource === 'horizontalpodautoscalers',
        ).length === 2
          ? true
          : undefined,
      'the HPA watch to reconnect',
      { intervalMs: 20 },
    );
    const hpaWatches = fake.requests.filter(
      r => r.verb === 'watch' && r.resource === 'horizontalpodautoscalers',
    );
    expect(hpaWatches[1].query.resourceVersion).toBe(String(bookmarked));
    await new Promise(r => setTimeout(r, 200));
    expect(fake.count('list', 'horizontalpodautoscalers')).toBe(hpaLists);
  });

  it('lists in pages with limit and continue', async () => {
    const { fake, url } = await fakeCluster();
    for (let i = 0; i < 5; i++)
      applyWorkload(fake, workload(`svc-${i}`, { kubernetesId: 'paged' }), {
        pods: [{}],
      });
    const d = start([{ name: 'prod', url }], { listPageSize: 2 });
    await d.start();
    const s = await waitForStatus(
      d.status,
      entity('paged'),
      s2 =>
        names(s2).length === 5 && s2.clusters[0].state === 'ok'
          ? s2
          : undefined,
      'all five',
    );
    expect(s.clusters[0].workloads.map(w => w.pods.length)).toEqual([
      1, 1, 1, 1, 1,
    ]);
    const deploymentLists = fake.requests.filter(
      r => r.verb === 'list' && r.resource === 'deployments',
    );
    expect(
      deploymentLists.map(r => [r.query.limit, Boolean(r.query.continue)]),
    ).toEqual([
      ['2', false],
      ['2', true],
      ['2', true],
    ]);
  });

  it('keeps a healthy cluster working beside an unreachable, a 401 and a 403 one, and recovers', async () => {
    const healthy = await fakeCluster({ tokens: ['good'] });
    const forbidden = await fakeCluster({
      tokens: ['good'],
      user: 'system:serviceaccount:backstage:strata-reader',
    });
    const unauthorized = await fakeCluster({ tokens: ['good'] });
    const gone = await fakeCluster();
    await gone.fake.stop();
    applyWorkload(healthy.fake, workload('billing'));
    applyWorkload(forbidden.fake, workload('billing'));
    forbidden.fake.forbid({
      verb: 'list',
      resource: 'pods',
      namespace: 'payments',
    });

    const d = start([
      {
        name: 'prod-eu',
        url: healthy.url,
        token: 'good',
        environment: 'production',
      },
      {
        name: 'prod-us',
        url: forbidden.url,
        token: 'good',
        environment: 'production',
        namespaces: ['payments'],
      },
      { name: 'staging', url: unauthorized.url, token: 'expired' },
      { name: 'dev', url: gone.url },
    ]);
    await d.start();
    const status = await waitForStatus(
      d.status,
      entity('billing'),
      s =>
        s.clusters.every(c => c.state !== 'syncing') &&
        s.clusters.find(c => c.cluster === 'prod-us')?.workloads.length
          ? s
          : undefined,
      'every cluster to settle',
    );
    const byName = Object.fromEntries(status.clusters.map(c => [c.cluster, c]));
    expect(byName['prod-eu']).toMatchObject({
      state: 'ok',
      workloads: [expect.objectContaining({ name: 'billing', problems: [] })],
    });
    expect(byName['prod-eu'].error).toBeUndefined();
    expect(byName['prod-us']).toMatchObject({
      state: 'forbidden',
      error:
        '403: the service account may not list pods in payments (system:serviceaccount:backstage:strata-reader)',
    });
    // Deployments are still listed there: what is allowed keeps working.
    expect(byName['prod-us'].workloads.map(w => w.name)).toEqual(['billing']);
    expect(byName.staging).toMatchObject({ state: 'unauthenticated' });
    expect(byName.staging.error).toMatch(
      /^401: the API server at http:\/\/127\.0\.0\.1:\d+ refused the credentials/,
    );
    expect(byName.dev).toMatchObject({
      state: 'unreachable',
      error: `unreachable: connection refused (${gone.url})`,
    });
    for (const c of [byName['prod-us'], byName.staging, byName.dev]) {
      expect(Date.now() - new Date(c.since!).getTime()).toBeLessThan(60_000);
    }
    // Failing clusters come first.
    expect(status.clusters.map(c => c.cluster).pop()).toBe('prod-eu');

    // RBAC is fixed: the informer retries with back-off and the cluster becomes ok.
    forbidden.fake.allowAll();
    await waitForStatus(
      d.status,
      entity('billing'),
      s =>
        s.clusters.find(c => c.cluster === 'prod-us')?.state === 'ok'
          ? true
          : undefined,
      'prod-us to recover',
    );
  });

  it('shows a cluster that goes away as unreachable since then, with its last known workloads, beside a healthy one', async () => {
    const eu = await fakeCluster();
    const us = await fakeCluster();
    applyWorkload(eu.fake, workload('billing'));
    applyWorkload(us.fake, workload('billing'));
    const d = start([
      { name: 'prod-eu', url: eu.url },
      { name: 'prod-us', url: us.url },
    ]);
    await d.start();
    await waitForStatus(d.status, entity('billing'), allOk, 'sync');

    const wentAway = Date.now();
    await us.fake.stop();
    const status = await waitForStatus(
      d.status,
      entity('billing'),
      s =>
        s.clusters.find(c => c.cluster === 'prod-us')?.state === 'unreachable'
          ? s
          : undefined,
      'prod-us to be unreachable',
    );
    const [first, second] = status.clusters;
    expect(first).toMatchObject({
      cluster: 'prod-us',
      state: 'unreachable',
      workloads: [expect.objectContaining({ name: 'billing' })],
    });
    // Reset while the server shuts down, refused once it is gone.
    expect(first.error).toMatch(
      new RegExp(`^unreachable: connection (refused|reset) \\(${us.url}\\)$`),
    );
    expect(new Date(first.since!).getTime()).toBeGreaterThanOrEqual(
      wentAway - 1000,
    );
    expect(second).toMatchObject({ cluster: 'prod-eu', state: 'ok' });
  });

  it('serves any number of viewers from the cache: API calls do not grow with viewers', async () => {
    const { fake, url } = await fakeCluster();
    applyWorkload(fake, workload('billing'));
    const d = start([{ name: 'prod', url }]);
    await d.start();
    await waitForStatus(d.status, entity('billing'), allOk, 'sync');
    await waitFor(
      async () => (fake.liveWatches === 5 ? true : undefined),
      'five watches',
      { intervalMs: 20 },
    );
    const before = fake.requests.length;
    const statuses = await Promise.all(
      Array.from({ length: 200 }, () => d.status.getStatus(entity('billing'))),
    );
    expect(
      statuses.every(s => s.clusters[0].workloads[0].name === 'billing'),
    ).toBe(true);
    expect(fake.requests.length).toBe(before);
    expect(before).toBe(10); // 5 lists + 5 watches
  });
});
