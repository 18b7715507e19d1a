import { createMockDirectory } from '@backstage/backend-test-utils';
import { Entity } from '@backstage/catalog-model';
import { CatalogProcessorCache } from '@backstage/plugin-catalog-node';
import { createRepository } from '@internal/plugin-local-repositories-node';
import fs from 'node:fs';
import path from 'node:path';
import { PushedCommits } from './PushedCommits';
import { SourceStampProcessor } from './SourceStampProcessor';

/** The processor cache as the catalog keeps it per entity: a map that survives passes. */
function memoryCache(): CatalogProcessorCache {
  const values = new Map<string, unknown>();
  return {
    get: async (key: string) => values.get(key) as any,
    set: async (key: string, value: unknown) => {
      values.set(key, value);
    },
  };
}

const billing = (description: string): Entity => ({
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Component',
  metadata: { name: 'billing', description },
  spec: { type: 'service' },
});

describe('SourceStampProcessor', () => {
  const root = createMockDirectory();
  let clock = new Date('2026-12-02T08:00:00.000Z');
  const pushedCommits = new PushedCommits();
  const processor = () =>
    new SourceStampProcessor({
      repositoriesDir: path.join(root.path, 'repositories'),
      pushedCommits,
      now: () => clock,
    });
  const stamp = async (
    entity: Entity,
    location: { type: string; target: string },
    cache: CatalogProcessorCache,
  ) =>
    (await processor().postProcessEntity(entity, location, jest.fn(), cache))
      .metadata.annotations;

  beforeEach(() => {
    root.clear();
    clock = new Date('2026-12-02T08:00:00.000Z');
  });

  it("stamps a local repository's entity with HEAD's commit, and keeps the time while nothing changed", async () => {
    const dir = path.join(root.path, 'repositories', 'billing');
    const commit = await createRepository({
      dir,
      defaultBranch: 'main',
      files: [{ path: 'catalog-info.yaml', content: 'x' }],
      message: 'Create billing',
    });
    const location = {
      type: 'file',
      target: path.join(dir, 'catalog-info.yaml'),
    };
    const cache = memoryCache();
    expect(await stamp(billing('bills'), location, cache)).toEqual({
      'strata.dev/source-version': `git:${commit}`,
      'strata.dev/source-read-at': '2026-12-02T08:00:00.000Z',
    });
    clock = new Date('2026-12-02T08:10:00.000Z');
    // The next pass reads the same: the same stamp, so nothing to re-stitch.
    expect(
      (await stamp(billing('bills'), location, cache))?.[
        'strata.dev/source-read-at'
      ],
    ).toBe('2026-12-02T08:00:00.000Z');
    // An edit of the working tree (not committed yet) is a new read, at the same commit.
    expect(await stamp(billing('bills and refunds'), location, cache)).toEqual({
      'strata.dev/source-version': `git:${commit}`,
      'strata.dev/source-read-at': '2026-12-02T08:10:00.000Z',
    });
  });

  it("stamps a plain file's entity with its modification time", async () => {
    root.setContent({ 'org/payments.yaml': 'x' });
    const file = path.join(root.path, 'org', 'payments.yaml');
    const mtime = fs.statSync(file).mtime.toISOString();
    expect(
      (
        await stamp(billing('b'), { type: 'file', target: file }, memoryCache())
      )?.['strata.dev/source-version'],
    ).toBe(`mtime:${mtime}`);
  });

  it('stamps a GitHub entity with the commit of the push that refreshed it, else a digest', async () => {
    const target =
      'https://github.com/dataflow/billing/blob/main/catalog-info.yaml';
    const before = await stamp(
      billing('b'),
      { type: 'url', target },
      memoryCache(),
    );
    expect(before?.['strata.dev/source-version']).toMatch(
      /^sha256:[0-9a-f]{16}$/,
    );
    pushedCommits.record({
      ref: 'refs/heads/main',
      after: 'c'.repeat(40),
      repository: { html_url: 'https://github.com/dataflow/billing' },
    });
    // Another branch's push names no commit for main's file.
    pushedCommits.record({
      ref: 'refs/heads/feature',
      after: 'd'.repeat(40),
      repository: { html_url: 'https://github.com/dataflow/billing' },
    });
    expect(
      (await stamp(billing('b'), { type: 'url', target }, memoryCache()))?.[
        'strata.dev/source-version'
      ],
    ).toBe(`git:${'c'.repeat(40)}`);
  });
});
