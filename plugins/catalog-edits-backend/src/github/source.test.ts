import { findCatalogFile, parseGithubFileUrl } from './source';

describe('parseGithubFileUrl', () => {
  it('reads owner, repo, branch and path from a blob URL', () => {
    expect(
      parseGithubFileUrl(
        'https://github.com/dataflow/pipeline-service/blob/main/deploy/catalog-info.yaml',
      ),
    ).toEqual({
      url: 'https://github.com/dataflow/pipeline-service/blob/main/deploy/catalog-info.yaml',
      host: 'github.com',
      owner: 'dataflow',
      repo: 'pipeline-service',
      branch: 'main',
      path: 'deploy/catalog-info.yaml',
    });
  });

  it('takes catalog-info.yaml in a tree URL', () => {
    expect(
      parseGithubFileUrl('https://ghe.example.com/o/r/tree/develop/')?.path,
    ).toBe('catalog-info.yaml');
  });

  it('takes catalog-info.yaml in a tree URL of a folder without a trailing slash', () => {
    expect(
      parseGithubFileUrl('https://github.com/o/r/tree/main/deploy')?.path,
    ).toBe('deploy/catalog-info.yaml');
  });

  it('takes the file a tree URL names, as the catalog writes managed-by-location', () => {
    expect(
      parseGithubFileUrl(
        'https://github.com/dataflow/e2e-orders/tree/main/catalog-info.yaml',
      ),
    ).toMatchObject({ branch: 'main', path: 'catalog-info.yaml' });
    expect(
      parseGithubFileUrl('https://github.com/o/r/tree/main/deploy/service.yml')
        ?.path,
    ).toBe('deploy/service.yml');
  });

  it('refuses URLs that do not name a file in a repository', () => {
    expect(parseGithubFileUrl('https://github.com/o/r')).toBeUndefined();
    expect(parseGithubFileUrl('/tmp/catalog-info.yaml')).toBeUndefined();
  });
});

describe('findCatalogFile', () => {
  it('prefers managed-by-location and skips file: locations', () => {
    expect(
      findCatalogFile({
        apiVersion: 'backstage.io/v1alpha1',
        kind: 'Component',
        metadata: {
          name: 'a',
          annotations: {
            'backstage.io/managed-by-location': 'file:/tmp/catalog-info.yaml',
            'backstage.io/managed-by-origin-location':
              'url:https://github.com/o/r/blob/main/catalog-info.yaml',
          },
        },
      })?.repo,
    ).toBe('r');
    expect(
      findCatalogFile({
        apiVersion: 'backstage.io/v1alpha1',
        kind: 'Component',
        metadata: {
          name: 'a',
          annotations: {
            'backstage.io/managed-by-location': 'file:/tmp/catalog-info.yaml',
          },
        },
      }),
    ).toBeUndefined();
  });
});
