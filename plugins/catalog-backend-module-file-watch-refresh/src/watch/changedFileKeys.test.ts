import { changedFileWork, isIgnoredPath } from './changedFileKeys';

describe('changedFileWork', () => {
  const options = {
    patterns: ['/srv/strata/templates/*/template.yaml'],
    repositoriesDir: '/srv/data/repositories',
    catalogFileName: 'catalog-info.yaml',
  };

  it("refreshes each file's key and the glob targets it matches", () => {
    expect(
      changedFileWork(
        [
          '/srv/strata/examples/dataflow/teams.yaml',
          '/srv/strata/templates/new-service/template.yaml',
        ],
        options,
      ),
    ).toEqual({
      keys: [
        'file:/srv/strata/examples/dataflow/teams.yaml',
        'file:/srv/strata/templates/*/template.yaml',
        'file:/srv/strata/templates/new-service/template.yaml',
      ],
      repositories: [],
    });
  });

  it('names the local repositories whose folder or catalog file changed', () => {
    expect(
      changedFileWork(
        [
          '/srv/data/repositories/billing/catalog-info.yaml',
          '/srv/data/repositories/orders',
          '/srv/data/repositories/orders/docs/api.yaml',
        ],
        options,
      ).repositories,
    ).toEqual(['billing', 'orders']);
  });
});

describe('isIgnoredPath', () => {
  it('ignores Git internals and dependencies', () => {
    expect(isIgnoredPath('/srv/data/repositories/billing/.git/index')).toBe(
      true,
    );
    expect(isIgnoredPath('/srv/x/node_modules/a/catalog-info.yaml')).toBe(true);
    expect(
      isIgnoredPath('/srv/data/repositories/billing/catalog-info.yaml'),
    ).toBe(false);
  });
});
