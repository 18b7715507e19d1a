import { KubeConfig } from '@kubernetes/client-node';
import { waitFor } from '@internal/backend-test-kit';
import { FakeKubernetesApi, pod } from '../__testUtils__/fakeKubernetes';
import { listAllPages } from './pagedList';
import { RESOURCE_KINDS } from './resourceKinds';

const pods = RESOURCE_KINDS.find(k => k.resource === 'pods')!;
const w = {
  name: 'billing',
  namespace: 'payments',
  image: 'billing:1',
  revision: 1,
};

describe('listAllPages', () => {
  const fake = new FakeKubernetesApi();
  let kc: KubeConfig;
  beforeAll(async () => {
    const url = await fake.start();
    for (let i = 0; i < 5; i++) fake.apply(pod(w, { index: i }));
    kc = new KubeConfig();
    kc.loadFromOptions({
      clusters: [{ name: 'fake', server: url, skipTLSVerify: true }],
      users: [{ name: 'u', token: 't' }],
      contexts: [{ name: 'fake', cluster: 'fake', user: 'u' }],
      currentContext: 'fake',
    });
  });
  afterAll(() => fake.stop());

  it("pages through a collection and returns the first page's resourceVersion, projected", async () => {
    const before = fake.requests.length;
    const list = await listAllPages(kc, pods, { pageSize: 2 });
    expect(list.items).toHaveLength(5);
    expect(list.items[0].kind).toBe('Pod');
    expect(list.metadata.resourceVersion).toBe(String(fake.resourceVersion));
    expect(
      fake.requests.slice(before).map(r => r.query.continue !== undefined),
    ).toEqual([false, true, true]);
  });

  it('starts over when the continue token expires mid-way (410)', async () => {
    fake.latencyMs = 150;
    const before = fake.requests.length;
    const listing = listAllPages(kc, pods, { pageSize: 2 });
    await waitFor(
      async () => (fake.requests.length > before ? true : undefined),
      'the first page',
      { intervalMs: 5 },
    );
    // Between the pages, a pod is added and the snapshot is compacted away.
    fake.apply(pod(w, { index: 5 }));
    fake.compact();
    const list = await listing;
    fake.latencyMs = 0;
    expect(list.items).toHaveLength(6);
    const continues = fake.requests
      .slice(before)
      .map(r => r.query.continue !== undefined);
    expect(continues.slice(0, 3)).toEqual([false, true, false]);
  });
});
