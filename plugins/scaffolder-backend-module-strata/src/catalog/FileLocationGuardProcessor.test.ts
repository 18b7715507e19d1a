import {
  createMockDirectory,
  mockServices,
} from '@backstage/backend-test-utils';
import { CatalogProcessorResult } from '@backstage/plugin-catalog-node';
import fs from 'node:fs';
import { FileLocationGuardProcessor } from './FileLocationGuardProcessor';
import { fileLocationRoots } from './fileLocationRoots';

describe('fileLocationRoots', () => {
  it('allows the repositories folder, the folders of configured file locations (before any glob) and extra roots', () => {
    const config = mockServices.rootConfig({
      data: {
        catalog: {
          locations: [
            { type: 'file', target: '/srv/strata/catalog-info.yaml' },
            { type: 'file', target: '/srv/strata/templates/*/template.yaml' },
            { type: 'url', target: 'https://github.com/o/r/blob/main/x.yaml' },
          ],
        },
        strata: { catalog: { allowedFileLocationRoots: ['/opt/catalog'] } },
      },
    });
    expect(fileLocationRoots(config, '/srv/strata/.data/repositories')).toEqual(
      [
        '/srv/strata/.data/repositories',
        '/srv/strata',
        '/srv/strata/templates',
        '/opt/catalog',
      ],
    );
  });
});

describe('FileLocationGuardProcessor', () => {
  const root = createMockDirectory();
  beforeEach(() => {
    root.clear();
    root.addContent({
      allowed: { 'catalog-info.yaml': '' },
      'secret.yaml': 'x',
    });
  });

  async function read(target: string, type = 'file') {
    const emitted: CatalogProcessorResult[] = [];
    const processor = new FileLocationGuardProcessor([root.resolve('allowed')]);
    const claimed = await processor.readLocation(
      { type, target },
      false,
      result => emitted.push(result),
    );
    return { claimed, emitted };
  }

  it('lets the catalog read files under an allowed root', async () => {
    expect(await read(root.resolve('allowed/catalog-info.yaml'))).toEqual({
      claimed: false,
      emitted: [],
    });
  });

  it('leaves other location types to their readers', async () => {
    expect(
      (await read('https://github.com/o/r/blob/main/a.yaml', 'url')).claimed,
    ).toBe(false);
  });

  it.each([
    ['a file elsewhere on the host', () => '/etc/passwd'],
    [
      'a path that climbs out with ..',
      () => root.resolve('allowed/../secret.yaml'),
    ],
  ])(
    'claims %s with an error naming the allowed folders, reading nothing',
    async (_, target) => {
      const { claimed, emitted } = await read(target());
      expect(claimed).toBe(true);
      expect(emitted).toEqual([
        expect.objectContaining({
          type: 'error',
          error: expect.objectContaining({
            name: 'InputError',
            message: expect.stringContaining(
              `must lie under ${root.resolve('allowed')}`,
            ),
          }),
        }),
      ]);
    },
  );

  it('follows a symbolic link out of the root and refuses it', async () => {
    fs.symlinkSync(
      root.resolve('secret.yaml'),
      root.resolve('allowed/link.yaml'),
    );
    expect((await read(root.resolve('allowed/link.yaml'))).claimed).toBe(true);
  });
});
