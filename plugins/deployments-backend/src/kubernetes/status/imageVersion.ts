/*
 * The version a workload runs, read from its image reference: the tag (`billing:1.4.2` → 1.4.2),
 * or, for an image pinned only by digest, the template's `app.kubernetes.io/version` label if it
 * has one, else the digest. An image without tag or digest runs `latest`.
 */

const VERSION_LABEL = 'app.kubernetes.io/version';

export interface ImageParts {
  /** Registry and repository, without tag or digest. */
  repository: string;
  tag?: string;
  digest?: string;
}

export function parseImage(image: string): ImageParts {
  let rest = image.trim();
  let digest: string | undefined;
  const at = rest.indexOf('@');
  if (at >= 0) {
    digest = rest.slice(at + 1);
    rest = rest.slice(0, at);
  }
  // A colon after the last slash is a tag; one before it belongs to the registry's port.
  const lastSlash = rest.lastIndexOf('/');
  const colon = rest.lastIndexOf(':');
  let tag: string | undefined;
  if (colon > lastSlash) {
    tag = rest.slice(colon + 1);
    rest = rest.slice(0, colon);
  }
  return { repository: rest, tag, digest };
}

export function versionOf(
  image: string,
  templateLabels: Record<string, string> = {},
): string {
  const { tag, digest } = parseImage(image);
  if (tag) return tag;
  if (digest) return templateLabels[VERSION_LABEL] ?? digest;
  return image ? 'latest' : '';
}
