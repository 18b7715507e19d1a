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

/** The configuration key of the organisations pull requests may target (config.d.ts). */
export const ALLOWED_ORGANIZATIONS_KEY =
  'catalogEdits.github.allowedOrganizations';

/** Opens pull requests that change one file. */
export interface PullRequestPublisher {
  /**
   * Why {@link PullRequestPublisher.publish} would refuse the file, decided before any request
   * is made; `undefined` when it may publish. `no-integration`: no GitHub integration for the
   * file's host; `organization-not-allowed`: the repository's owner is outside the configured
   * allow-list. The message completes "cannot propose: ...".
   */
  refusal(file: GithubCatalogFile):
    | {
        reason: 'no-integration' | 'organization-not-allowed';
        message: string;
      }
    | undefined;
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
      {
        allowedOrganizations: config.getOptionalStringArray(
          ALLOWED_ORGANIZATIONS_KEY,
        ),
      },
    );
  }

  constructor(
    private readonly integrations: ScmIntegrationRegistry,
    private readonly credentials: GithubCredentialsProvider,
    private readonly options: {
      /**
       * Owners (organisations or users) pull requests may target, compared case-insensitively
       * as GitHub does; unset: any owner; empty: none.
       */
      allowedOrganizations?: string[];
    } = {},
  ) {}

  refusal(file: GithubCatalogFile) {
    if (!this.integrations.github.byHost(file.host)) {
      return {
        reason: 'no-integration' as const,
        message: `it is read from ${file.host}, which has no GitHub integration configured (integrations.github)`,
      };
    }
    const allowed = this.options.allowedOrganizations;
    if (
      allowed &&
      !allowed.some(o => o.toLowerCase() === file.owner.toLowerCase())
    ) {
      return {
        reason: 'organization-not-allowed' as const,
        message: `its file is in ${file.owner}/${file.repo} on ${
          file.host
        }, and ${file.owner} is not one of ${ALLOWED_ORGANIZATIONS_KEY} (${
          allowed.join(', ') || 'empty'
        })`,
      };
    }
    return undefined;
  }

  async publish(request: PullRequestRequest): Promise<PublishedPullRequest> {
    const { file } = request;
    // Checked again here, so no caller can spend the token outside the allow-list.
    const refused = this.refusal(file);
    if (refused) {
      throw new InputError(`Cannot open a pull request: ${refused.message}`);
    }
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
