import { Entity } from '@backstage/catalog-model';

/**
 * The version of the source the entity was read from, as `<kind>:<value>`:
 * `git:<sha>` (a local repository's HEAD, or the head commit of the GitHub push that refreshed
 * it), `mtime:<ISO time>` (a plain file's modification time), or `sha256:<hex>` (a digest of the
 * entity as read, when the source names no version).
 */
export const ANNOTATION_SOURCE_VERSION = 'strata.dev/source-version';

/**
 * When the portal first read the source at that version (ISO 8601). It changes only with the
 * version, so an unchanged entity is not re-stitched on every processing pass.
 */
export const ANNOTATION_SOURCE_READ_AT = 'strata.dev/source-read-at';

export type SourceVersion = {
  kind: 'git' | 'mtime' | 'sha256';
  value: string;
};

export type SourceStamp = {
  version?: SourceVersion;
  readAt?: Date;
};

export function formatSourceVersion(version: SourceVersion): string {
  return `${version.kind}:${version.value}`;
}

/** The version of an annotation value; undefined for a value of another form. */
export function parseSourceVersion(text: string): SourceVersion | undefined {
  const match = /^(git|mtime|sha256):(.+)$/.exec(text);
  return match
    ? { kind: match[1] as SourceVersion['kind'], value: match[2] }
    : undefined;
}

/** What an entity's annotations say of its source; fields are absent when unknown or malformed. */
export function readSourceStamp(entity: Entity): SourceStamp {
  const annotations = entity.metadata.annotations ?? {};
  const version = annotations[ANNOTATION_SOURCE_VERSION];
  const readAt = annotations[ANNOTATION_SOURCE_READ_AT];
  const date = readAt ? new Date(readAt) : undefined;
  return {
    version: version ? parseSourceVersion(version) : undefined,
    readAt: date && !Number.isNaN(date.getTime()) ? date : undefined,
  };
}
