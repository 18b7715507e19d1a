import { Entity } from '@backstage/catalog-model';

/** Where an entity's catalog file lives in a GitHub repository. */
export type GithubCatalogFile = {
  /** The URL the location was read from. */
  url: string;
  host: string;
  owner: string;
  repo: string;
  /** The branch the file was read from. */
  branch: string;
  /** The file's path in the repository, e.g. `catalog-info.yaml`. */
  path: string;
};

/** The annotations that say where an entity came from, best first. */
export const SOURCE_ANNOTATIONS = [
  'backstage.io/managed-by-location',
  'backstage.io/managed-by-origin-location',
  'backstage.io/source-location',
];

/**
 * Parses `https://<host>/<owner>/<repo>/blob/<branch>/<path>` or `tree/`.
 *
 * A `tree/` URL names a folder (the file is its catalog-info.yaml), except
 * when it ends in a YAML file name: the catalog resolves the locations it
 * reads to `tree/` URLs, so `backstage.io/managed-by-location` is e.g.
 * `url:https://github.com/o/r/tree/main/catalog-info.yaml` (GitHub serves a
 * file under `tree/` too).
 */
export function parseGithubFileUrl(url: string): GithubCatalogFile | undefined {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return undefined;
  }
  if (parsed.protocol !== 'https:' && parsed.protocol !== 'http:') {
    return undefined;
  }
  const segments = parsed.pathname
    .split('/')
    .filter(s => s.length > 0)
    .map(s => decodeURIComponent(s));
  const [owner, repo, mode, branch, ...rest] = segments;
  if (!owner || !repo || (mode !== 'blob' && mode !== 'tree') || !branch) {
    return undefined;
  }
  let path = rest.join('/');
  const namesFile = mode === 'blob' || /\.ya?ml$/i.test(path);
  if (path === '' || !namesFile) {
    path = path ? `${path}/catalog-info.yaml` : 'catalog-info.yaml';
  }
  return { url, host: parsed.host, owner, repo, branch, path };
}

/**
 * The GitHub file an entity was read from, from its location annotations;
 * `undefined` when none of them is a GitHub-shaped URL.
 */
export function findCatalogFile(entity: Entity): GithubCatalogFile | undefined {
  for (const annotation of SOURCE_ANNOTATIONS) {
    const value = entity.metadata.annotations?.[annotation];
    if (!value?.startsWith('url:')) {
      continue;
    }
    const file = parseGithubFileUrl(value.slice('url:'.length));
    if (file) {
      return file;
    }
  }
  return undefined;
}
