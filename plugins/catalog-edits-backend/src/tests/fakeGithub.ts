/*
 * A local fake of the part of GitHub's REST API that Strata calls, with
 * GitHub's request and response shapes: the publisher's calls, and reading a
 * file the way the catalog's GithubUrlReader does (contents API, raw media
 * type, ETag). Test code only; `fakeGithubServer.ts` runs it on its own for
 * the browser tests.
 */
import { createHash, randomBytes } from 'node:crypto';
import http from 'node:http';
import { AddressInfo } from 'node:net';

type FakeRepo = {
  owner: string;
  name: string;
  defaultBranch: string;
  /** branch name → commit sha */
  refs: Map<string, string>;
  /** commit sha → (path → text) */
  commits: Map<string, Map<string, string>>;
  commitMessages: Map<string, string>;
  pulls: FakePull[];
};

export type FakePull = {
  number: number;
  title: string;
  body: string;
  head: string;
  base: string;
  html_url: string;
};

export type FakeRequest = { method: string; path: string };

/** A branch as the inspection route shows it: its tip commit and files. */
export type FakeBranchState = {
  name: string;
  sha: string;
  message: string;
  files: Record<string, string>;
};

/** A response that is not JSON: the raw media type of the contents API. */
class RawBody {
  constructor(
    readonly text: string,
    readonly headers: Record<string, string>,
  ) {}
}

/** `GET /__fake/repos/{owner}/{repo}`: not a GitHub route, tests inspect with it. */
const INSPECT = /^\/__fake\/repos\/([^/]+)\/([^/]+)$/;

const DOCS = 'https://docs.github.com/rest';

function blobSha(text: string): string {
  const buffer = Buffer.from(text, 'utf8');
  return createHash('sha1')
    .update(`blob ${buffer.length}\0`)
    .update(buffer)
    .digest('hex');
}

function newCommitSha(): string {
  return createHash('sha1').update(randomBytes(16)).digest('hex');
}

/** GitHub wraps base64 content at 60 characters. */
function base64Wrapped(text: string): string {
  const encoded = Buffer.from(text, 'utf8').toString('base64');
  return `${encoded.replace(/(.{60})/g, '$1\n')}\n`;
}

export class FakeGithub {
  readonly token: string;
  readonly requests: FakeRequest[] = [];
  private readonly repos = new Map<string, FakeRepo>();
  private server?: http.Server;
  private baseUrl = '';

  constructor(options?: { token?: string }) {
    this.token = options?.token ?? 'fake-token';
  }

  /**
   * Starts on 127.0.0.1, on `port` or else a free port; returns the API base
   * URL.
   */
  async start(options?: { port?: number }): Promise<string> {
    this.server = http.createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', c => chunks.push(c));
      req.on('end', () => {
        const raw = Buffer.concat(chunks).toString('utf8');
        this.handle(req, raw ? JSON.parse(raw) : undefined)
          .then(([status, body]) => {
            if (body instanceof RawBody) {
              res.writeHead(status, body.headers);
              res.end(status === 304 ? undefined : body.text);
              return;
            }
            res.writeHead(status, { 'content-type': 'application/json' });
            res.end(JSON.stringify(body));
          })
          .catch(error => {
            res.writeHead(500, { 'content-type': 'application/json' });
            res.end(JSON.stringify({ message: String(error) }));
          });
      });
    });
    await new Promise<void>((resolve, reject) => {
      this.server!.once('error', reject);
      this.server!.listen(options?.port ?? 0, '127.0.0.1', resolve);
    });
    const { port } = this.server.address() as AddressInfo;
    this.baseUrl = `http://127.0.0.1:${port}`;
    return this.baseUrl;
  }

  async stop(): Promise<void> {
    await new Promise<void>(resolve =>
      this.server ? this.server.close(() => resolve()) : resolve(),
    );
  }

  /** Adds a repository with one commit on its default branch. */
  addRepo(options: {
    owner: string;
    name: string;
    defaultBranch?: string;
    files: Record<string, string>;
  }) {
    const sha = newCommitSha();
    const branch = options.defaultBranch ?? 'main';
    this.repos.set(`${options.owner}/${options.name}`, {
      owner: options.owner,
      name: options.name,
      defaultBranch: branch,
      refs: new Map([[branch, sha]]),
      commits: new Map([[sha, new Map(Object.entries(options.files))]]),
      commitMessages: new Map([[sha, 'Initial commit']]),
      pulls: [],
    });
  }

  /** The text of a file at the tip of a branch. */
  file(owner: string, name: string, branch: string, path: string) {
    const repo = this.repos.get(`${owner}/${name}`);
    const sha = repo?.refs.get(branch);
    return sha ? repo!.commits.get(sha)?.get(path) : undefined;
  }

  branches(owner: string, name: string): string[] {
    return [...(this.repos.get(`${owner}/${name}`)?.refs.keys() ?? [])];
  }

  pulls(owner: string, name: string): FakePull[] {
    return this.repos.get(`${owner}/${name}`)?.pulls ?? [];
  }

  lastCommitMessage(owner: string, name: string, branch: string) {
    const repo = this.repos.get(`${owner}/${name}`);
    return repo?.commitMessages.get(repo.refs.get(branch) ?? '');
  }

  /** Every branch with its tip commit and files. */
  branchStates(owner: string, name: string): FakeBranchState[] {
    const repo = this.repos.get(`${owner}/${name}`);
    return [...(repo?.refs ?? [])].map(([branch, sha]) => ({
      name: branch,
      sha,
      message: repo!.commitMessages.get(sha) ?? '',
      files: Object.fromEntries(repo!.commits.get(sha) ?? []),
    }));
  }

  private async handle(
    req: http.IncomingMessage,
    body: any,
  ): Promise<[number, unknown]> {
    const url = new URL(req.url ?? '/', this.baseUrl);
    const method = req.method ?? 'GET';
    const inspect = url.pathname.match(INSPECT);
    if (method === 'GET' && inspect) {
      const [, owner, name] = inspect;
      if (!this.repos.has(`${owner}/${name}`)) {
        return [404, { message: 'Not Found' }];
      }
      return [
        200,
        {
          branches: this.branchStates(owner, name),
          pulls: this.pulls(owner, name),
        },
      ];
    }
    this.requests.push({
      method,
      path: `${decodeURIComponent(url.pathname)}${url.search}`,
    });
    const auth = req.headers.authorization ?? '';
    if (auth !== `token ${this.token}` && auth !== `Bearer ${this.token}`) {
      return [401, { message: 'Bad credentials', documentation_url: DOCS }];
    }
    const match = url.pathname.match(/^\/repos\/([^/]+)\/([^/]+)(\/.*)?$/);
    const notFound: [number, unknown] = [
      404,
      { message: 'Not Found', documentation_url: DOCS },
    ];
    if (!match) {
      return notFound;
    }
    const repo = this.repos.get(`${match[1]}/${match[2]}`);
    if (!repo) {
      return notFound;
    }
    // Octokit percent-encodes template values (`heads%2Fmain`); GitHub
    // accepts both forms.
    const rest = decodeURIComponent(match[3] ?? '');
    const repoUrl = `${this.baseUrl}/repos/${repo.owner}/${repo.name}`;
    const htmlUrl = `https://github.com/${repo.owner}/${repo.name}`;

    if (method === 'GET' && rest === '') {
      return [
        200,
        {
          id: 1,
          name: repo.name,
          full_name: `${repo.owner}/${repo.name}`,
          owner: { login: repo.owner, type: 'Organization' },
          private: true,
          html_url: htmlUrl,
          url: repoUrl,
          default_branch: repo.defaultBranch,
        },
      ];
    }

    const ref = rest.match(/^\/git\/ref\/heads\/(.+)$/);
    if (method === 'GET' && ref) {
      const branch = ref[1];
      const sha = repo.refs.get(branch);
      if (!sha) {
        return notFound;
      }
      return [200, this.refBody(repoUrl, branch, sha)];
    }

    if (method === 'POST' && rest === '/git/refs') {
      const branch = String(body?.ref ?? '').replace(/^refs\/heads\//, '');
      if (!String(body?.ref).startsWith('refs/heads/') || !body?.sha) {
        return [422, { message: 'Invalid request.', documentation_url: DOCS }];
      }
      if (repo.refs.has(branch)) {
        return [
          422,
          { message: 'Reference already exists', documentation_url: DOCS },
        ];
      }
      if (!repo.commits.has(body.sha)) {
        return [
          422,
          { message: 'Object does not exist', documentation_url: DOCS },
        ];
      }
      repo.refs.set(branch, body.sha);
      return [201, this.refBody(repoUrl, branch, body.sha)];
    }

    const contents = rest.match(/^\/contents\/(.+)$/);
    if (contents) {
      const path = contents[1];
      if (method === 'GET') {
        const at = url.searchParams.get('ref') ?? repo.defaultBranch;
        const commit = repo.commits.get(repo.refs.get(at) ?? at);
        const text = commit?.get(path);
        if (text === undefined) {
          return notFound;
        }
        if (/\.raw\b/.test(String(req.headers.accept))) {
          return this.rawContent(text, req.headers['if-none-match']);
        }
        return [200, this.contentBody(repoUrl, htmlUrl, at, path, text, true)];
      }
      if (method === 'PUT') {
        const branch = body?.branch ?? repo.defaultBranch;
        const tip = repo.refs.get(branch);
        if (!tip) {
          return [
            404,
            { message: `Branch ${branch} not found`, documentation_url: DOCS },
          ];
        }
        if (!body?.message || typeof body?.content !== 'string') {
          return [
            422,
            { message: 'Invalid request.', documentation_url: DOCS },
          ];
        }
        const files = new Map(repo.commits.get(tip)!);
        const existing = files.get(path);
        if (existing !== undefined && body.sha !== blobSha(existing)) {
          return [
            409,
            {
              message: `${path} does not match ${body.sha ?? '(no sha)'}`,
              documentation_url: DOCS,
            },
          ];
        }
        const text = Buffer.from(body.content, 'base64').toString('utf8');
        files.set(path, text);
        const sha = newCommitSha();
        repo.commits.set(sha, files);
        repo.commitMessages.set(sha, body.message);
        repo.refs.set(branch, sha);
        return [
          existing === undefined ? 201 : 200,
          {
            content: this.contentBody(
              repoUrl,
              htmlUrl,
              branch,
              path,
              text,
              false,
            ),
            commit: {
              sha,
              url: `${repoUrl}/git/commits/${sha}`,
              html_url: `${htmlUrl}/commit/${sha}`,
              message: body.message,
              parents: [{ sha: tip, url: `${repoUrl}/git/commits/${tip}` }],
            },
          },
        ];
      }
    }

    if (method === 'POST' && rest === '/pulls') {
      if (
        !body?.title ||
        !repo.refs.has(body?.head) ||
        !repo.refs.has(body?.base)
      ) {
        return [
          422,
          {
            message: 'Validation Failed',
            errors: [
              { resource: 'PullRequest', field: 'head', code: 'invalid' },
            ],
            documentation_url: DOCS,
          },
        ];
      }
      const number = repo.pulls.length + 1;
      const pull: FakePull = {
        number,
        title: body.title,
        body: body.body ?? '',
        head: body.head,
        base: body.base,
        html_url: `${htmlUrl}/pull/${number}`,
      };
      repo.pulls.push(pull);
      return [
        201,
        {
          id: 1000 + number,
          number,
          state: 'open',
          title: pull.title,
          body: pull.body,
          html_url: pull.html_url,
          url: `${repoUrl}/pulls/${number}`,
          head: { ref: pull.head, sha: repo.refs.get(pull.head) },
          base: { ref: pull.base, sha: repo.refs.get(pull.base) },
        },
      ];
    }
    return notFound;
  }

  /**
   * The file itself, as for `Accept: application/vnd.github.raw` (or the
   * older `application/vnd.github.v3.raw` the catalog's reader sends), with an
   * ETag; a matching If-None-Match answers 304 with no body, as GitHub does.
   */
  private rawContent(text: string, ifNoneMatch?: string): [number, RawBody] {
    const etag = `"${blobSha(text)}"`;
    const headers = {
      'content-type': 'application/vnd.github.raw; charset=utf-8',
      etag,
    };
    const cached = ifNoneMatch
      ?.split(',')
      .map(tag => tag.trim().replace(/^W\//, ''))
      .includes(etag);
    return [cached ? 304 : 200, new RawBody(text, headers)];
  }

  private refBody(repoUrl: string, branch: string, sha: string) {
    return {
      ref: `refs/heads/${branch}`,
      node_id: Buffer.from(branch).toString('base64'),
      url: `${repoUrl}/git/refs/heads/${branch}`,
      object: { sha, type: 'commit', url: `${repoUrl}/git/commits/${sha}` },
    };
  }

  private contentBody(
    repoUrl: string,
    htmlUrl: string,
    ref: string,
    path: string,
    text: string,
    withContent: boolean,
  ) {
    const sha = blobSha(text);
    return {
      type: 'file',
      name: path.split('/').pop(),
      path,
      sha,
      size: Buffer.byteLength(text),
      url: `${repoUrl}/contents/${path}?ref=${ref}`,
      html_url: `${htmlUrl}/blob/${ref}/${path}`,
      git_url: `${repoUrl}/git/blobs/${sha}`,
      download_url: null,
      ...(withContent && { encoding: 'base64', content: base64Wrapped(text) }),
    };
  }
}
