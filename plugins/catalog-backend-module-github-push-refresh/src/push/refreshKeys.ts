/**
 * The refresh keys the catalog records for a file of a repository on a branch: `url:` and the
 * target of a url location, in both forms GitHub URLs take (`blob` for files, `tree`, which the
 * stock provider also refreshes, for locations registered by folder).
 */
export function fileRefreshKeys(
  repositoryUrl: string,
  branch: string,
  path: string,
): string[] {
  return [
    `url:${fileUrl(repositoryUrl, branch, path)}`,
    `url:${repositoryUrl}/tree/${branch}/${path}`,
  ];
}

/** The URL a location names a file of a branch by: `<repository>/blob/<branch>/<path>`. */
export function fileUrl(repositoryUrl: string, branch: string, path: string) {
  return `${repositoryUrl}/blob/${branch}/${path}`;
}
