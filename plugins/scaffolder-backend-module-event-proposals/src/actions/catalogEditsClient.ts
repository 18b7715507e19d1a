import {
  AuthService,
  BackstageCredentials,
  DiscoveryService,
} from '@backstage/backend-plugin-api';
import { ResponseError } from '@backstage/errors';
import { CatalogEditsApiClient } from '@internal/plugin-catalog-edits-common';

/** The answer of `POST /api/catalog-edits/proposals`, by status. */
export type ProposalOutcome =
  | { opened: true; pullRequestUrl: string; branch: string }
  | { opened: false; status: number; message: string };

/**
 * Asks Strata's catalog-edits backend to open a pull request adding a topic
 * to a service's `spec.produces` (see plugins/catalog-edits-backend), through
 * the client generated from its spec. Calls it on behalf of the task's
 * initiator: the pull request is theirs, and the backend checks their
 * permission to propose the edit.
 */
export async function proposeAddProduces(options: {
  auth: AuthService;
  discovery: DiscoveryService;
  credentials: BackstageCredentials;
  producer: string;
  topic: string;
}): Promise<ProposalOutcome> {
  const { auth, discovery, credentials, producer, topic } = options;
  const { token } = await auth.getPluginRequestToken({
    onBehalfOf: credentials,
    targetPluginId: 'catalog-edits',
  });
  const client = new CatalogEditsApiClient({ discoveryApi: discovery });
  try {
    const { pullRequestUrl, branch } = await client.createProposal(
      {
        body: {
          entityRef: producer,
          edit: { type: 'addProduces', topicRef: topic },
        },
      },
      { token },
    );
    return { opened: true, pullRequestUrl, branch };
  } catch (error) {
    if (error instanceof ResponseError) {
      return {
        opened: false,
        status: error.statusCode,
        message: error.body.error.message,
      };
    }
    throw error;
  }
}
