/**
 * Proposes catalog edits as GitHub pull requests.
 *
 * @packageDocumentation
 */
export { catalogEditsPlugin as default } from './plugin';
export type {
  PullRequestPublisher,
  PullRequestRequest,
  PublishedPullRequest,
} from './github/GithubPullRequestPublisher';
