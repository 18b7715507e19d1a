import {
  AuthService,
  BackstageCredentials,
  DiscoveryService,
} from '@backstage/backend-plugin-api';

/** The answer of `POST /api/catalog-edits/proposals`, by status. */
export type ProposalOutcome =
  | { opened: true; pullRequestUrl: string; branch: string }
  | { opened: false; status: number; message: string };

/**
 * Asks Strata's catalog-edits backend to open a pull request adding a topic
 * to a service's `spec.produces` (see plugins/catalog-edits-backend). Calls it
 * on behalf of the task's initiator: the pull request is theirs, and the
 * backend checks their permission to propose the edit.
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
  const baseUrl = await discovery.getBaseUrl('catalog-edits');
  const response = await fetch(`${baseUrl}/proposals`, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      authorization: `Bearer ${token}`,
    },
    body: JSON.stringify({
      entityRef: producer,
      edit: { type: 'addProduces', topicRef: topic },
    }),
  });
  const body = await response.json().catch(() => undefined);
  if (response.status === 201) {
    return {
      opened: true,
      pullRequestUrl: String(body?.pullRequestUrl ?? ''),
      branch: String(body?.branch ?? ''),
    };
  }
  return {
    opened: false,
    status: response.status,
    message: String(body?.error?.message ?? response.statusText),
  };
}
