import { mockServices } from '@backstage/backend-test-utils';
import path from 'node:path';
import { readLocalRepositoriesDir } from './config';

describe('readLocalRepositoriesDir', () => {
  it('defaults to .data/repositories under the working directory', () => {
    expect(readLocalRepositoriesDir(mockServices.rootConfig())).toBe(
      path.resolve('.data', 'repositories'),
    );
  });

  it('resolves a configured relative directory to an absolute one', () => {
    const config = mockServices.rootConfig({
      data: {
        strata: {
          scaffolder: { localRepositoriesDir: '../../.data/repositories' },
        },
      },
    });
    expect(readLocalRepositoriesDir(config)).toBe(
      path.resolve('../../.data/repositories'),
    );
  });
});
