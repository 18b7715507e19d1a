import { ConfigReader } from '@backstage/config';
import { readGithubProviders, trackedBranches } from './githubProviders';

describe('readGithubProviders', () => {
  it('reads providers by id, with the stock defaults', () => {
    const config = new ConfigReader({
      catalog: {
        providers: {
          github: {
            dataflow: {
              organization: 'dataflow',
              catalogPath: '/catalog-info.yaml',
              filters: { branch: 'main' },
            },
            labs: { organization: 'labs', host: 'ghe.example.com' },
          },
        },
      },
    });
    expect(readGithubProviders(config)).toEqual([
      {
        id: 'dataflow',
        organization: 'dataflow',
        host: 'github.com',
        catalogPath: 'catalog-info.yaml',
        branch: 'main',
      },
      {
        id: 'labs',
        organization: 'labs',
        host: 'ghe.example.com',
        catalogPath: 'catalog-info.yaml',
        branch: undefined,
      },
    ]);
  });

  it('reads a single provider placed directly under the key', () => {
    const config = new ConfigReader({
      catalog: { providers: { github: { organization: 'dataflow' } } },
    });
    expect(readGithubProviders(config).map(p => p.id)).toEqual(['default']);
  });

  it('reads none when GitHub discovery is not configured', () => {
    expect(readGithubProviders(new ConfigReader({}))).toEqual([]);
  });
});

describe('trackedBranches', () => {
  const providers = [
    {
      id: 'dataflow',
      organization: 'DataFlow',
      host: 'github.com',
      catalogPath: 'catalog-info.yaml',
      branch: 'release',
    },
  ];

  it("adds a matching provider's branch to the default branch", () => {
    expect([
      ...trackedBranches(providers, {
        host: 'github.com',
        organization: 'dataflow',
        defaultBranch: 'main',
      }),
    ]).toEqual(['main', 'release']);
  });

  it('keeps only the default branch for another organisation', () => {
    expect([
      ...trackedBranches(providers, {
        host: 'github.com',
        organization: 'elsewhere',
        defaultBranch: 'main',
      }),
    ]).toEqual(['main']);
  });
});
