import {
  ANNOTATION_LOCATION,
  ANNOTATION_ORIGIN_LOCATION,
  Entity,
} from '@backstage/catalog-model';

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

/**
 * The annotations the catalog itself writes to say which file it read an entity from, in the
 * order they are trusted: `backstage.io/managed-by-location` (the file), and only when that is
 * absent `backstage.io/managed-by-origin-location` (the registered location). The catalog
 * overwrites both whenever it reads an entity, so an entity's author cannot choose them.
 *
 * Deliberately not `backstage.io/source-location`: the author writes that one, and following it
 * would let anyone who can register a file aim the portal's GitHub token at any repository.
 */
export const CATALOG_LOCATION_ANNOTATIONS = [
  ANNOTATION_LOCATION,
  ANNOTATION_ORIGIN_LOCATION,
] as const;

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

/** Where the catalog read an entity from, and whether that is a file on GitHub. */
export type CatalogFileLookup =
  | {
      /** The entity was read from this file in a GitHub(-shaped) repository. */
      file: GithubCatalogFile;
      /** The annotation it came from. */
      annotation: string;
    }
  | {
      file?: undefined;
      /**
       * The location the catalog read the entity from (`file:/srv/…`, `url:https://…`);
       * undefined when the entity carries neither catalog annotation.
       */
      readFrom?: string;
    };

/**
 * The GitHub file the catalog read an entity from, from the annotations only the catalog writes
 * ({@link CATALOG_LOCATION_ANNOTATIONS}). The first annotation present decides: a
 * `managed-by-location` that is not a GitHub URL (e.g. `file:`) means the entity was not read
 * from GitHub, whatever its origin or its other annotations say.
 */
export function findCatalogFile(entity: Entity): CatalogFileLookup {
  const annotations = entity.metadata.annotations ?? {};
  const annotation = CATALOG_LOCATION_ANNOTATIONS.find(a => annotations[a]);
  if (!annotation) {
    return {};
  }
  const readFrom = annotations[annotation];
  const file = readFrom.startsWith('url:')
    ? parseGithubFileUrl(readFrom.slice('url:'.length))
    : undefined;
  return file ? { file, annotation } : { readFrom };
}
