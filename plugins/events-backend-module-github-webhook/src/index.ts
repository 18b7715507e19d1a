/**
 * Events module: GitHub webhooks at POST /api/events/http/github, accepted only with a valid
 * `X-Hub-Signature-256` (401 otherwise), routed to `github.<event>` topics.
 *
 * @packageDocumentation
 */
export { eventsModuleGithubWebhookStrict as default } from './module';
export {
  checkGithubSignature,
  createGithubSignatureValidator,
  type SignatureCheck,
} from './githubSignature';
export { readWebhookSecret } from './config';
