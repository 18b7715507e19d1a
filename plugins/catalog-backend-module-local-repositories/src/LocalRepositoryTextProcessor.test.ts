import { createMockDirectory } from '@backstage/backend-test-utils';
import { Entity } from '@backstage/catalog-model';
import { JsonValue } from '@backstage/types';
import fs from 'node:fs';
import { LocalRepositoryTextProcessor } from './LocalRepositoryTextProcessor';

const api = (definition: JsonValue): Entity => ({
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'API',
  metadata: { name: 'x-api' },
  spec: {
    type: 'openapi',
    lifecycle: 'experimental',
    owner: 'team',
    definition,
  },
});

describe('LocalRepositoryTextProcessor', () => {
  const root = createMockDirectory();
  const repositoriesDir = () => root.resolve('repositories');
  const processor = () => new LocalRepositoryTextProcessor(repositoriesDir());
  const fileLocation = (target: string) => ({ type: 'file', target });

  beforeEach(() => {
    root.clear();
    root.addContent({
      repositories: {
        'report-api': {
          'catalog-info.yaml': '',
          'openapi.yaml': 'openapi: 3.0.0',
        },
      },
      'secret.txt': 'secret',
    });
  });

  it('runs before the catalog placeholder processor', () => {
    expect(processor().getPriority()).toBeLessThan(20);
  });

  it('inlines relative $text files of the same local repository', async () => {
    const result = await processor().preProcessEntity(
      api({ $text: './openapi.yaml' }),
      fileLocation(root.resolve('repositories/report-api/catalog-info.yaml')),
    );
    expect(result.spec?.definition).toBe('openapi: 3.0.0');
  });

  it('leaves entities from elsewhere and absolute URLs alone', async () => {
    const elsewhere = api({ $text: './openapi.yaml' });
    expect(
      await processor().preProcessEntity(
        elsewhere,
        fileLocation(root.resolve('other/catalog-info.yaml')),
      ),
    ).toBe(elsewhere);
    const url = api({ $text: 'https://example.com/openapi.yaml' });
    expect(
      (
        await processor().preProcessEntity(
          url,
          fileLocation(
            root.resolve('repositories/report-api/catalog-info.yaml'),
          ),
        )
      ).spec,
    ).toEqual(url.spec);
    const remote = api({ $text: './openapi.yaml' });
    expect(
      await processor().preProcessEntity(remote, {
        type: 'url',
        target: 'https://example.com/catalog-info.yaml',
      }),
    ).toBe(remote);
  });

  it('refuses files outside the repository, through .. or a symbolic link', async () => {
    const location = fileLocation(
      root.resolve('repositories/report-api/catalog-info.yaml'),
    );
    await expect(
      processor().preProcessEntity(
        api({ $text: '../../secret.txt' }),
        location,
      ),
    ).rejects.toThrow(
      'Placeholder $text may only read files of the same repository, not ../../secret.txt',
    );
    fs.symlinkSync(
      root.resolve('secret.txt'),
      root.resolve('repositories/report-api/link.txt'),
    );
    await expect(
      processor().preProcessEntity(api({ $text: './link.txt' }), location),
    ).rejects.toThrow(/same repository/);
  });
});
