import { createHmac, randomUUID } from 'node:crypto';

/** One commit of a push: the paths it added, removed and modified. */
export type PushedCommit = {
  added?: string[];
  removed?: string[];
  modified?: string[];
};

/**
 * A `push` webhook body in the shape GitHub sends (the fields of
 * https://docs.github.com/en/webhooks/webhook-events-and-payloads#push, recorded from a real
 * delivery and trimmed of avatar and API URLs), for an organisation repository on github.com.
 */
export function pushPayload(options: {
  owner: string;
  repo: string;
  branch: string;
  defaultBranch?: string;
  after: string;
  commits: PushedCommit[];
}) {
  const { owner, repo, branch, after } = options;
  const htmlUrl = `https://github.com/${owner}/${repo}`;
  const author = {
    name: 'Ada Lovelace',
    email: 'ada@dataflow.example',
    username: 'ada',
  };
  const commits = options.commits.map((commit, i) => {
    const id = i === options.commits.length - 1 ? after : fakeSha();
    return {
      id,
      tree_id: fakeSha(),
      distinct: true,
      message: `change ${i + 1}`,
      timestamp: new Date().toISOString(),
      url: `${htmlUrl}/commit/${id}`,
      author,
      committer: author,
      added: commit.added ?? [],
      removed: commit.removed ?? [],
      modified: commit.modified ?? [],
    };
  });
  return {
    ref: `refs/heads/${branch}`,
    before: fakeSha(),
    after,
    repository: {
      id: 123456789,
      node_id: 'R_kgDOAbCdEf',
      name: repo,
      full_name: `${owner}/${repo}`,
      private: true,
      owner: { login: owner, name: owner, type: 'Organization' },
      html_url: htmlUrl,
      url: htmlUrl,
      default_branch: options.defaultBranch ?? 'main',
      master_branch: options.defaultBranch ?? 'main',
      organization: owner,
      pushed_at: Math.floor(Date.now() / 1000),
    },
    pusher: { name: 'ada', email: 'ada@dataflow.example' },
    organization: { login: owner, id: 987654 },
    sender: { login: 'ada', id: 42, type: 'User' },
    created: false,
    deleted: false,
    forced: false,
    base_ref: null,
    compare: `${htmlUrl}/compare/${after.slice(0, 12)}`,
    commits,
    head_commit: commits[commits.length - 1] ?? null,
  };
}

/** The headers GitHub sends with a delivery, signed with `secret` as GitHub signs it. */
export function deliveryHeaders(
  body: string,
  secret: string,
  delivery: string = randomUUID(),
) {
  const signature = createHmac('sha256', secret).update(body).digest('hex');
  return {
    'content-type': 'application/json',
    'x-github-event': 'push',
    'x-github-delivery': delivery,
    'x-github-hook-id': '460000001',
    'x-hub-signature-256': `sha256=${signature}`,
    'user-agent': 'GitHub-Hookshot/044aadd',
  };
}

export function fakeSha(): string {
  return randomUUID().replace(/-/g, '').padEnd(40, '0');
}
