import { mockServices } from '@backstage/backend-test-utils';
import { fileLocationRoots, staticPrefix } from './fileLocationRoots';

describe('fileLocationRoots', () => {
  it('trusts folders of glob targets and extra roots, exact non-glob files, and app-config globs only', () => {
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
      {
        // The checkout (/srv/strata) is not a root: its catalog-info.yaml is allowed alone.
        folders: [
          '/srv/strata/.data/repositories',
          '/srv/strata/templates',
          '/opt/catalog',
        ],
        files: ['/srv/strata/catalog-info.yaml'],
        patterns: ['/srv/strata/templates/*/template.yaml'],
      },
    );
  });

  it('takes the folder before the first glob character', () => {
    expect(staticPrefix('/a/b/*/c.yaml')).toBe('/a/b');
    expect(staticPrefix('/a/{b,c}/d.yaml')).toBe('/a');
    expect(staticPrefix('/*.yaml')).toBe('/');
  });
});
