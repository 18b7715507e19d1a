import { createMockDirectory } from '@backstage/backend-test-utils';
import path from 'node:path';
import {
  existingLocalRepository,
  localRepositoryOf,
  localRepositoryPath,
  repositoryFilePathProblem,
} from './repositoryPaths';

describe('local repository paths', () => {
  const dir = createMockDirectory();
  beforeEach(() => dir.clear());

  it('puts a repository directly under the folder, under a name the service-name rule accepts', () => {
    expect(localRepositoryPath(dir.path, 'api-gateway')).toBe(
      path.join(dir.path, 'api-gateway'),
    );
    for (const name of ['../outside', '.git', 'Api', 'a/b', 'x']) {
      expect(() => localRepositoryPath(dir.path, name)).toThrow(
        `The repository name ${JSON.stringify(name)} is not allowed: `,
      );
    }
  });

  it('says whether something by that name is there already', async () => {
    dir.addContent({ 'report-exporter': { 'README.md': 'x' } });
    expect(await existingLocalRepository(dir.path, 'report-exporter')).toBe(
      path.join(dir.path, 'report-exporter'),
    );
    expect(
      await existingLocalRepository(dir.path, 'billing-export'),
    ).toBeUndefined();
  });

  it('finds the repository a file belongs to, only inside a well-named folder', () => {
    const root = '/data/repositories';
    expect(
      localRepositoryOf(root, `${root}/api-gateway/catalog-info.yaml`),
    ).toBe('api-gateway');
    expect(localRepositoryOf(root, `${root}/api-gateway/a/b.yaml`)).toBe(
      'api-gateway',
    );
    for (const file of [
      `${root}/catalog-info.yaml`,
      root,
      '/data/secret.yaml',
      `${root}/.hidden/catalog-info.yaml`,
    ]) {
      expect(localRepositoryOf(root, file)).toBeUndefined();
    }
  });

  it('accepts only plain relative paths inside a repository', () => {
    expect(repositoryFilePathProblem('gateway/routes.yaml')).toBeUndefined();
    for (const bad of ['/etc/passwd', '../x', 'a//b', './a', '.git/config']) {
      expect(repositoryFilePathProblem(bad)).toBe(
        `'${bad}' is not a plain relative path inside the repository`,
      );
    }
  });
});
