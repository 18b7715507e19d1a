/**
 * One spelling per repository, so a lookup by any form an alert or a CI job sends finds the
 * entity whatever form its catalog file uses: `url:` / `file:` location prefixes, `git@host:`
 * scp form, `.git`, trailing slashes, `/tree/<branch>/…` and `/blob/…` paths, a catalog file at
 * the end, the case of the host, and bare `owner/repo` project slugs (GitHub's).
 *
 * `https://GitHub.com/Org/Repo.git/` → `github.com/Org/Repo`.
 */

/** Path segments after which the rest names a branch, a file or a UI page, not the repository. */
const VIEW_SEGMENTS = new Set(['-', 'tree', 'blob', 'src', 'raw', 'edit']);
/** Hosts whose repositories are always exactly `owner/repo`. */
const TWO_SEGMENT_HOSTS = new Set(['github.com', 'bitbucket.org']);
const SLUG = /^[\w.-]+\/[\w.-]+$/;
const SCP = /^[\w.-]+@([\w.-]+):(.+)$/;

export function normalizeRepository(input: string): string | undefined {
  let text = input.trim();
  if (!text) return undefined;
  // Backstage location refs: `url:<url>`, `file:<path>`.
  if (/^url:/i.test(text)) text = text.slice(4);
  else if (/^file:(?!\/\/)/i.test(text)) text = `file://${text.slice(5)}`;
  if (SLUG.test(text)) return `github.com/${stripGit(text)}`;
  const scp = SCP.exec(text);
  if (scp) text = `ssh://${scp[1]}/${scp[2]}`;

  let url: URL;
  try {
    url = new URL(text);
  } catch {
    return undefined;
  }
  const host = url.hostname.toLowerCase();
  let segments = url.pathname.split('/').filter(Boolean).map(decodeSafe);
  const view = segments.findIndex((s, i) => i >= 1 && VIEW_SEGMENTS.has(s));
  if (view >= 0) segments = segments.slice(0, view);
  if (TWO_SEGMENT_HOSTS.has(host)) segments = segments.slice(0, 2);
  else if (segments.length && /\.ya?ml$/i.test(segments[segments.length - 1]))
    segments = segments.slice(0, -1); // a catalog file: its folder is the repository
  if (segments.length === 0) return undefined;
  segments[segments.length - 1] = stripGit(segments[segments.length - 1]);
  return [host || 'file', ...segments].join('/');
}

function stripGit(text: string): string {
  return text.replace(/\.git$/i, '');
}

function decodeSafe(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
}
