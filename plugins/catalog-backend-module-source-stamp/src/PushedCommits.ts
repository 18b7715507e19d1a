/** The GitHub push fields this reads (see catalog-backend-module-github-push-refresh). */
type Push = {
  ref?: string;
  after?: string;
  deleted?: boolean;
  repository?: { html_url?: string };
};

/**
 * The head commit of the last push seen per repository and branch (`github.push`, already
 * signature-checked), so an entity a push refreshed names the commit it was read at. Bounded:
 * the oldest repositories are forgotten first. Per replica: an entity processed on a replica that
 * did not receive the push is stamped with a digest of its content instead.
 */
export class PushedCommits {
  private readonly heads = new Map<string, string>();

  constructor(private readonly capacity = 10_000) {}

  record(push: Push) {
    const branch = push.ref?.startsWith('refs/heads/')
      ? push.ref.slice('refs/heads/'.length)
      : undefined;
    const repository = push.repository?.html_url?.replace(/\/$/, '');
    if (!branch || !repository || !push.after || push.deleted) return;
    const key = `${repository}@${branch}`;
    this.heads.delete(key); // re-inserted last: the most recent
    this.heads.set(key, push.after);
    if (this.heads.size > this.capacity) {
      this.heads.delete(this.heads.keys().next().value!);
    }
  }

  /** The pushed head commit for a GitHub file URL (`<repo>/blob|tree/<branch>/<path>`). */
  commitFor(url: string): string | undefined {
    const match =
      /^(https?:\/\/[^/]+\/[^/]+\/[^/]+)\/(?:blob|tree)\/([^/]+)\//.exec(url);
    return match ? this.heads.get(`${match[1]}@${match[2]}`) : undefined;
  }
}
