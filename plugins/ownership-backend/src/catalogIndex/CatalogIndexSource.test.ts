import { mockServices } from '@backstage/backend-test-utils';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import { ORGANISATION } from '../__testUtils__/organisation';
import { CatalogIndexSource } from './CatalogIndexSource';

function setup() {
  let now = 1_000_000;
  const catalog = catalogServiceMock({ entities: ORGANISATION });
  const getEntities = jest.spyOn(catalog, 'getEntities');
  const source = new CatalogIndexSource({
    catalog,
    auth: mockServices.auth(),
    logger: mockServices.logger.mock(),
    refreshMs: 60_000,
    now: () => now,
  });
  return {
    source,
    getEntities,
    advance: (ms: number) => {
      now += ms;
    },
  };
}

describe('CatalogIndexSource', () => {
  it("builds once with the plugin's own credentials and only the fields it reads", async () => {
    const { source, getEntities } = setup();
    const [a, b] = await Promise.all([source.get(), source.get()]);
    expect(a).toBe(b);
    expect(a.size).toBe(ORGANISATION.length);
    expect(getEntities).toHaveBeenCalledTimes(1);
    const [request, options] = getEntities.mock.calls[0];
    expect(request?.fields).toContain('metadata.annotations');
    expect(
      (options as { credentials: any }).credentials.principal,
    ).toMatchObject({
      type: 'service',
      subject: 'plugin:test',
    });
  });

  it('answers from the current index and rebuilds at most every refreshMs', async () => {
    const { source, getEntities, advance } = setup();
    const first = await source.get();
    advance(30_000);
    expect(await source.get()).toBe(first);
    expect(getEntities).toHaveBeenCalledTimes(1);
    advance(30_000);
    expect(await source.get()).toBe(first); // stale answer, rebuild started
    expect(getEntities).toHaveBeenCalledTimes(2);
    await new Promise(resolve => setImmediate(resolve));
    expect(await source.get()).not.toBe(first);
  });

  it('keeps the last index when a rebuild fails, and says so when there is none', async () => {
    const { source, getEntities, advance } = setup();
    getEntities.mockRejectedValueOnce(new Error('catalog down'));
    await expect(source.get()).rejects.toThrow(
      'The ownership index could not be built from the catalog: catalog down',
    );
    const index = await source.rebuild();
    advance(60_000);
    getEntities.mockRejectedValueOnce(new Error('catalog down again'));
    expect(await source.get()).toBe(index);
    await new Promise(resolve => setImmediate(resolve));
    expect(await source.get()).toBe(index);
  });
});
