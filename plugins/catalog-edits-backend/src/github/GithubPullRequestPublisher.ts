import { Config } from '@backstage/config';
import { InputError } from '@backstage/errors';
import {
  DefaultGithubCredentialsProvider,
  GithubCredentialsProvider,
  ScmIntegrationRegistry,
  ScmIntegrations,
} from '@backstage/integration';
import { Octokit } from '@octokit/rest';
import { GithubCatalogFile } from './source';

/** What to change, and how to describe it, in one pull request. */
export type PullRequestRequest = {
  file: GithubCatalogFile;
  /** The branch to create for the change. */
  branch: string;
  commitMessage: string;
  title: string;
  body: string;
  /**
   * Turns the file's current text into the new text. It runs before anything
   * is written to the repository: throwing leaves the repository untouched.
   */
  change: (text: string) => string;
};

/** The pull request that was opened. */
export type PublishedPullRequest = {
  pullRequestUrl: string;
  branch: string;
};

/** Opens pull requests that change one file. */
export interface PullRequestPublisher {
  /** Whether {@link PullRequestPublisher.publish} can reach the file's host. */
  canPublish(file: GithubCatalogFile): boolean;
  publish(request: PullRequestRequest): Promise<PublishedPullRequest>;
}

/** GitHub refused or failed a call; surfaced to the caller as a 502. */
export class GithubRequestError extends Error {
  readonly statusCode = 502;

  constructor(step: string, cause: unknown) {
    const status = (cause as { status?: number })?.status;
    const message =
      (cause as { message?: string })?.message ?? String(cause ?? 'unknown');
    super(
      `GitHub failed to ${step}${
        status ? ` (HTTP ${status})` : ''
      }: ${message}`,
    );
    this.name = 'GithubRequestError';
  }
}

/**
 * Opens the pull request with the GitHub REST API: branch from the file's
 * branch, one commit with the changed file, a pull request back into it.
 */
export class GithubPullRequestPublisher implements PullRequestPublisher {
  static fromConfig(config: Config): GithubPullRequestPublisher {
    const integrations = ScmIntegrations.fromConfig(config);
    return new GithubPullRequestPublisher(
      integrations,
      DefaultGithubCredentialsProvider.fromIntegrations(integrations),
    );
  }

  constructor(
    private readonly integrations: ScmIntegrationRegistry,
    private readonly credentials: GithubCredentialsProvider,
  ) {}

  canPublish(file: GithubCatalogFile): boolean {
    return Boolean(this.integrations.github.byHost(file.host));
  }

  async publish(request: PullRequestRequest): Promise<PublishedPullRequest> {
    const { file } = request;
    const integration = this.integrations.github.byHost(file.host);
    if (!integration?.config.apiBaseUrl) {
      throw new InputError(
        `No GitHub integration with an apiBaseUrl is configured for ${file.host}`,
      );
    }
    const call = async <T>(step: string, fn: () => Promise<T>): Promise<T> => {
      try {
        return await fn();
      } catch (error) {
        throw new GithubRequestError(step, error);
      }
    };
    const { token } = await call('issue credentials', () =>
      this.credentials.getCredentials({ url: file.url }),
    );
    const octokit = new Octokit({
      auth: token,
      baseUrl: integration.config.apiBaseUrl,
    });
    const repo = { owner: file.owner, repo: file.repo };

    await call(`read repository ${file.owner}/${file.repo}`, () =>
      octokit.repos.get(repo),
    );
    const base = await call(`read branch ${file.branch}`, () =>
      octokit.git.getRef({ ...repo, ref: `heads/${file.branch}` }),
    );
    const baseSha = base.data.object.sha;
    const current = await call(`read ${file.path}`, () =>
      octokit.repos.getContent({ ...repo, path: file.path, ref: baseSha }),
    );
    const content = current.data;
    if (Array.isArray(content) || content.type !== 'file') {
      throw new GithubRequestError(
        `read ${file.path}`,
        new Error('the path is not a file'),
      );
    }
    const text = Buffer.from(
      (content as { content?: string }).content ?? '',
      'base64',
    ).toString('utf8');

    // May throw: nothing has been written yet.
    const changed = request.change(text);

    await call(`create branch ${request.branch}`, () =>
      octokit.git.createRef({
        ...repo,
        ref: `refs/heads/${request.branch}`,
        sha: baseSha,
      }),
    );
    await call(`commit ${file.path}`, () =>
      octokit.repos.createOrUpdateFileContents({
        ...repo,
        path: file.path,
        branch: request.branch,
        message: request.commitMessage,
        content: Buffer.from(changed, 'utf8').toString('base64'),
        sha: content.sha,
      }),
    );
    const pull = await call('open the pull request', () =>
      octokit.pulls.create({
        ...repo,
        title: request.title,
        body: request.body,
        head: request.branch,
        base: file.branch,
      }),
    );
    return { pullRequestUrl: pull.data.html_url, branch: request.branch };
  }
}
