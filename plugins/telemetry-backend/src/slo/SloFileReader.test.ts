import {
  createMockDirectory,
  mockServices,
} from '@backstage/backend-test-utils';
import { NotFoundError } from '@backstage/errors';
import { Readable } from 'node:stream';
import { SloFileReader } from './SloFileReader';

describe('SloFileReader', () => {
  const dir = createMockDirectory({
    content: {
      'repos/billing/slo.yaml': 'apiVersion: openslo/v1\n',
      'repos/billing/big.yaml': 'x'.repeat(2000),
      'outside/slo.yaml': 'secret: 1\n',
    },
  });
  const reader = (urlReader = mockServices.urlReader.mock()) =>
    new SloFileReader({
      urlReader,
      fileRoots: { folders: [dir.resolve('repos')], files: [], patterns: [] },
      maxBytes: 1024,
    });

  it('reads a file inside the allowed roots', async () => {
    expect(
      await reader().read({
        type: 'file',
        target: dir.resolve('repos/billing/slo.yaml'),
      }),
    ).toEqual({
      kind: 'text',
      text: 'apiVersion: openslo/v1\n',
    });
  });

  it('refuses a file outside the roots, as the catalog does, without saying whether it exists', async () => {
    const result = await reader().read({
      type: 'file',
      target: dir.resolve('outside/slo.yaml'),
    });
    expect(result.kind).toBe('unreadable');
    expect(result.kind === 'unreadable' && result.reason).toMatch(
      /^refusing to read .*outside\/slo.yaml: file locations must lie in this Strata's local repositories folder/,
    );
  });

  it('a missing file, and a file over the size limit', async () => {
    expect(
      await reader().read({
        type: 'file',
        target: dir.resolve('repos/billing/none.yaml'),
      }),
    ).toEqual({
      kind: 'unreadable',
      reason: `${dir.resolve('repos/billing/none.yaml')} does not exist`,
    });
    expect(
      await reader().read({
        type: 'file',
        target: dir.resolve('repos/billing/big.yaml'),
      }),
    ).toEqual({
      kind: 'unreadable',
      reason: `${dir.resolve(
        'repos/billing/big.yaml',
      )} is 2000 bytes, over the 1024-byte limit for files next to catalog files (strata.catalog.maxFileBytes)`,
    });
  });

  it('reads a URL through the UrlReader, capped while streaming', async () => {
    const urlReader = mockServices.urlReader.mock({
      readUrl: async url => ({
        buffer: async () => Buffer.from('unused'),
        stream: () =>
          Readable.from(
            url.endsWith('big.yaml')
              ? [Buffer.alloc(1000, 'x'), Buffer.alloc(1000, 'x')]
              : [Buffer.from('kind: SLO\n')],
          ),
      }),
    });
    expect(
      await reader(urlReader).read({
        type: 'url',
        target: 'https://git.example/slo.yaml',
      }),
    ).toEqual({
      kind: 'text',
      text: 'kind: SLO\n',
    });
    expect(
      await reader(urlReader).read({
        type: 'url',
        target: 'https://git.example/big.yaml',
      }),
    ).toEqual({
      kind: 'unreadable',
      reason:
        'https://git.example/big.yaml is over the 1024-byte limit for files next to catalog files (strata.catalog.maxFileBytes)',
    });
  });

  it('a URL that is not there, or fails', async () => {
    const urlReader = mockServices.urlReader.mock({
      readUrl: async url => {
        if (url.includes('missing')) throw new NotFoundError('404');
        throw new Error('connect ECONNREFUSED');
      },
    });
    expect(
      await reader(urlReader).read({
        type: 'url',
        target: 'https://git.example/missing.yaml',
      }),
    ).toEqual({
      kind: 'unreadable',
      reason: 'https://git.example/missing.yaml does not exist',
    });
    expect(
      await reader(urlReader).read({
        type: 'url',
        target: 'https://git.example/x.yaml',
      }),
    ).toEqual({
      kind: 'unreadable',
      reason:
        'https://git.example/x.yaml could not be read: connect ECONNREFUSED',
    });
  });
});
