/**
 * Published (events service) when a repository appears in the local repositories folder, so
 * the catalog scans at once instead of at its next scheduled scan. Payload:
 * {@link LocalRepositoryPublishedEvent}.
 *
 * @public
 */
export const LOCAL_REPOSITORY_PUBLISHED_TOPIC =
  'strata.local-repository.published';

/** @public */
export type LocalRepositoryPublishedEvent = {
  /** The repository's folder name under the local repositories folder. */
  repository: string;
};
