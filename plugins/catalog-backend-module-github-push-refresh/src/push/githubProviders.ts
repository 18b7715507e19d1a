import { Config } from '@backstage/config';

/** What this module needs to know of one `catalog.providers.github` entry. */
export type GithubProviderTarget = {
  id: string;
  /** Undefined: the provider discovers every organisation its GitHub App is installed in. */
  organization?: string;
  host: string;
  /** The provider's catalog file path or glob, without a leading slash. */
  catalogPath: string;
  /** The branch it reads; undefined means each repository's default branch. */
  branch?: string;
};

/**
 * The GitHub discovery providers of app-config (`catalog.providers.github`, read by Backstage's
 * GithubEntityProvider): either one provider directly under the key or several by id, as the
 * stock provider accepts them.
 */
export function readGithubProviders(config: Config): GithubProviderTarget[] {
  const providers = config.getOptionalConfig('catalog.providers.github');
  if (!providers) return [];
  const entries: Array<[string, Config]> =
    providers.has('organization') || providers.has('catalogPath')
      ? [['default', providers]]
      : providers.keys().map(id => [id, providers.getConfig(id)]);
  return entries.map(([id, c]) => ({
    id,
    organization: c.getOptionalString('organization'),
    host: c.getOptionalString('host') ?? 'github.com',
    catalogPath: (
      c.getOptionalString('catalogPath') ?? '/catalog-info.yaml'
    ).replace(/^\//, ''),
    branch: c.getOptionalString('filters.branch'),
  }));
}

/**
 * The branches of a repository whose catalog files the catalog reads: each matching provider's
 * branch (its `filters.branch`, else the repository's default branch), and the default branch
 * for url locations registered by hand. A push to any other branch changes nothing the catalog
 * shows.
 */
export function trackedBranches(
  providers: GithubProviderTarget[],
  push: { host: string; organization?: string; defaultBranch: string },
): Set<string> {
  const branches = new Set([push.defaultBranch]);
  for (const provider of providers) {
    const sameOrg =
      !provider.organization ||
      provider.organization.toLowerCase() === push.organization?.toLowerCase();
    if (provider.host === push.host && sameOrg) {
      branches.add(provider.branch ?? push.defaultBranch);
    }
  }
  return branches;
}
