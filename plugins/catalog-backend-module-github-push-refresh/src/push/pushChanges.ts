/**
 * The fields of GitHub's `push` webhook payload this module reads (the payload has many more).
 * https://docs.github.com/en/webhooks/webhook-events-and-payloads#push
 */
export type GithubPushPayload = {
  /** `refs/heads/<branch>` (or `refs/tags/<tag>`). */
  ref: string;
  /** The commit the ref points at after the push (all zeros when the ref was deleted). */
  after: string;
  /** True when the push deleted the ref. */
  deleted?: boolean;
  repository: {
    name: string;
    html_url: string;
    default_branch: string;
    owner?: { login?: string; name?: string };
  };
  organization?: { login: string };
  /** Oldest first; each lists the paths it added, removed and modified. */
  commits: Array<{
    id: string;
    added?: string[];
    removed?: string[];
    modified?: string[];
  }>;
};

/** What a push did to each path, all its commits taken together. */
export type PushChanges = {
  /** Paths that did not exist before the push and do after it. */
  added: string[];
  /** Paths that existed before and after the push, with other content. */
  modified: string[];
  /** Paths that existed before the push and do not after it. */
  removed: string[];
};

type Change = 'added' | 'modified' | 'removed';

/**
 * The net effect of a push's commits on each path, commit by commit in order: a file added then
 * modified is added, added then removed is nothing, removed then added again is modified. A
 * rename is the old path removed and the new one added (GitHub lists it so). Sorted, so the same
 * push always gives the same answer.
 */
export function pushChanges(
  commits: GithubPushPayload['commits'],
): PushChanges {
  const state = new Map<string, Change>();
  for (const commit of commits) {
    for (const path of commit.added ?? []) {
      state.set(path, state.get(path) === 'removed' ? 'modified' : 'added');
    }
    for (const path of commit.modified ?? []) {
      if (state.get(path) !== 'added') state.set(path, 'modified');
    }
    for (const path of commit.removed ?? []) {
      if (state.get(path) === 'added') state.delete(path);
      else state.set(path, 'removed');
    }
  }
  const of = (change: Change) =>
    [...state]
      .filter(([, c]) => c === change)
      .map(([path]) => path)
      .sort();
  return {
    added: of('added'),
    modified: of('modified'),
    removed: of('removed'),
  };
}

/** The branch name of a `refs/heads/<branch>` ref; undefined for tags and other refs. */
export function pushedBranch(ref: string): string | undefined {
  return ref.startsWith('refs/heads/')
    ? ref.slice('refs/heads/'.length)
    : undefined;
}
