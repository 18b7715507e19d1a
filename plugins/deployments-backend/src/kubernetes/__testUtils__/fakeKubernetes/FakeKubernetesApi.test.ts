/*
 * The fake answers client-node's own typed clients and Watch the way kube-apiserver does: get and
 * NotFound, list metadata and paging, 410 for compacted versions (list and watch), exact 401 and
 * 403 Status bodies, and watch streams with bookmarks.
 */
import {
  AppsV1Api,
  CoreV1Api,
  KubeConfig,
  Watch,
} from '@kubernetes/client-node';
import { FakeKubernetesApi } from './FakeKubernetesApi';
import { deployment, pod, podName } from './objects';

const w = {
  name: 'billing',
  namespace: 'payments',
  image: 'registry.example.com/payments/billing:1.4.2',
  revision: 2,
};

function kubeConfig(url: string, token = 'good') {
  const kc = new KubeConfig();
  kc.loadFromOptions({
    clusters: [{ name: 'fake', server: url, skipTLSVerify: true }],
    users: [{ name: 'u', token }],
    contexts: [{ name: 'fake', cluster: 'fake', user: 'u' }],
    currentContext: 'fake',
  });
  return kc;
}

describe('FakeKubernetesApi through client-node', () => {
  const fake = new FakeKubernetesApi({ tokens: ['good'] });
  let url: string;
  beforeAll(async () => {
    url = await fake.start();
    for (let i = 0; i < 3; i++) fake.apply(pod(w, { index: i }));
    fake.apply(deployment(w));
  });
  afterAll(() => fake.stop());

  it('gets an object, and answers 404 with a NotFound Status', async () => {
    const core = kubeConfig(url).makeApiClient(CoreV1Api);
    const found = await core.readNamespacedPod({
      name: podName(w, 1),
      namespace: 'payments',
    });
    expect(found.metadata?.name).toBe(podName(w, 1));
    expect(found.status?.phase).toBe('Running');
    await expect(
      core.readNamespacedPod({ name: 'nope', namespace: 'payments' }),
    ).rejects.toMatchObject({
      code: 404,
      body: JSON.stringify({
        kind: 'Status',
        apiVersion: 'v1',
        metadata: {},
        status: 'Failure',
        message: 'pods "nope" not found',
        reason: 'NotFound',
        details: { name: 'nope', kind: 'pods' },
        code: 404,
      }),
    });
  });

  it('lists with a resourceVersion and pages with limit/continue', async () => {
    const apps = kubeConfig(url).makeApiClient(AppsV1Api);
    const list = await apps.listDeploymentForAllNamespaces();
    expect(list.metadata?.resourceVersion).toBe(String(fake.resourceVersion));
    expect(list.items.map(d => d.metadata?.name)).toEqual(['billing']);

    const core = kubeConfig(url).makeApiClient(CoreV1Api);
    const first = await core.listNamespacedPod({
      namespace: 'payments',
      limit: 2,
    });
    expect(first.items).toHaveLength(2);
    expect(first.metadata?.remainingItemCount).toBe(1);
    const rest = await core.listNamespacedPod({
      namespace: 'payments',
      limit: 2,
      _continue: first.metadata?._continue,
    });
    expect(rest.items).toHaveLength(1);
    expect(rest.metadata?._continue).toBeUndefined();
    expect([...first.items, ...rest.items].map(p => p.metadata?.name)).toEqual(
      [0, 1, 2].map(i => podName(w, i)).sort(),
    );
  });

  it('answers 401 and 403 with the Status bodies the API server writes', async () => {
    const bad = kubeConfig(url, 'expired').makeApiClient(CoreV1Api);
    await expect(bad.listPodForAllNamespaces()).rejects.toMatchObject({
      code: 401,
    });

    fake.forbid({
      verb: 'list',
      resource: 'deployments',
      namespace: 'payments',
    });
    try {
      const apps = kubeConfig(url).makeApiClient(AppsV1Api);
      const error = await apps
        .listNamespacedDeployment({ namespace: 'payments' })
        .catch(e => e);
      expect(error.code).toBe(403);
      expect(JSON.parse(error.body)).toEqual({
        kind: 'Status',
        apiVersion: 'v1',
        metadata: {},
        status: 'Failure',
        message:
          'deployments.apps is forbidden: User "system:serviceaccount:backstage:strata-reader" cannot list resource "deployments" in API group "apps" in the namespace "payments"',
        reason: 'Forbidden',
        details: { group: 'apps', kind: 'deployments' },
        code: 403,
      });
    } finally {
      fake.allowAll();
    }
  });

  it('streams watch events and bookmarks, and ends a watch from a compacted version with ERROR 410', async () => {
    const watch = new Watch(kubeConfig(url));
    const seen: Array<[string, string | undefined]> = [];
    const from = String(fake.resourceVersion);
    let done!: (err: unknown) => void;
    const ended = new Promise(resolve => (done = resolve));
    const controller = await watch.watch(
      '/api/v1/namespaces/payments/pods',
      { resourceVersion: from, allowWatchBookmarks: true },
      (type, obj) =>
        seen.push([type, obj.metadata?.name ?? obj.metadata?.resourceVersion]),
      err => done(err),
    );
    fake.apply(pod(w, { index: 3 }));
    fake.remove('Pod', 'payments', podName(w, 0));
    fake.sendBookmarks();
    await new Promise(r => setTimeout(r, 200));
    controller.abort();
    await ended;
    expect(seen).toEqual([
      ['ADDED', podName(w, 3)],
      ['DELETED', podName(w, 0)],
      ['BOOKMARK', String(fake.resourceVersion)],
    ]);

    fake.apply(pod(w, { index: 4 }));
    fake.compact();
    const errors: any[] = [];
    const closed = new Promise(resolve =>
      watch.watch(
        '/api/v1/pods',
        { resourceVersion: from },
        (type, obj) => type === 'ERROR' && errors.push(obj),
        resolve,
      ),
    );
    await closed;
    expect(errors).toEqual([
      {
        kind: 'Status',
        apiVersion: 'v1',
        metadata: {},
        status: 'Failure',
        message: `too old resource version: ${from} (${fake.resourceVersion})`,
        reason: 'Expired',
        code: 410,
      },
    ]);

    const core = kubeConfig(url).makeApiClient(CoreV1Api);
    await expect(
      core.listPodForAllNamespaces({
        resourceVersion: from,
        resourceVersionMatch: 'Exact',
      }),
    ).rejects.toMatchObject({
      code: 410,
    });
  });
});
