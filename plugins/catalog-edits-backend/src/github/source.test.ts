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
  const entity = (annotations?: Record<string, string>) => ({
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Component',
    metadata: { name: 'a', annotations },
  });
  const GITHUB_FILE = 'url:https://github.com/o/r/blob/main/catalog-info.yaml';

  it('takes the file from managed-by-location', () => {
    expect(
      findCatalogFile(
        entity({
          'backstage.io/managed-by-location': GITHUB_FILE,
          'backstage.io/managed-by-origin-location':
            'url:https://github.com/o/catalog/blob/main/all.yaml',
        }),
      ),
    ).toEqual({
      file: expect.objectContaining({ owner: 'o', repo: 'r' }),
      annotation: 'backstage.io/managed-by-location',
    });
  });

  it('falls back to managed-by-origin-location only when managed-by-location is absent', () => {
    expect(
      findCatalogFile(
        entity({ 'backstage.io/managed-by-origin-location': GITHUB_FILE }),
      ),
    ).toMatchObject({
      file: { repo: 'r' },
      annotation: 'backstage.io/managed-by-origin-location',
    });
  });

  it('says where a file: entity was read from, whatever its origin says', () => {
    expect(
      findCatalogFile(
        entity({
          'backstage.io/managed-by-location': 'file:/tmp/catalog-info.yaml',
          'backstage.io/managed-by-origin-location': GITHUB_FILE,
        }),
      ),
    ).toEqual({ readFrom: 'file:/tmp/catalog-info.yaml' });
  });

  it('never follows the author-written source-location', () => {
    const sourceLocation = {
      'backstage.io/source-location':
        'url:https://github.com/victim/repo/blob/main/catalog-info.yaml',
    };
    expect(findCatalogFile(entity(sourceLocation))).toEqual({});
    expect(
      findCatalogFile(
        entity({
          ...sourceLocation,
          'backstage.io/managed-by-location': 'file:/srv/attacker.yaml',
        }),
      ),
    ).toEqual({ readFrom: 'file:/srv/attacker.yaml' });
    expect(findCatalogFile(entity())).toEqual({});
  });

  it('reports a url: location that is not a GitHub file URL as read from elsewhere', () => {
    const gitlab = 'url:https://gitlab.com/o/r/-/blob/main/catalog-info.yaml';
    expect(
      findCatalogFile(entity({ 'backstage.io/managed-by-location': gitlab })),
    ).toEqual({ readFrom: gitlab });
  });
});
