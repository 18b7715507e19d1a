import { UnprocessedRecord } from './refusals';

/** Records as `GET /api/catalog/entities/unprocessed/…` returns them (trimmed to what is read). */
export function record(
  overrides: Partial<Omit<UnprocessedRecord, 'entity_ref'>> & {
    /** null for records the catalog has never processed, as the API answers them. */
    entity_ref: string | null;
    unprocessed_entity: UnprocessedRecord['unprocessed_entity'];
  },
): UnprocessedRecord {
  return {
    entity_id: `id-${overrides.unprocessed_entity.metadata.name}`,
    next_update_at: '2026-01-01T10:00:00Z',
    last_discovery_at: '2026-01-01T09:59:00Z',
    ...overrides,
  } as UnprocessedRecord;
}

const REPO_FILE =
  'https://github.com/dataflow/e2e-refused/blob/main/catalog-info.yaml';

/** A registered file that holds a Group: the location's rules allow no Group, so it never loads. */
export const refusedLocation = record({
  entity_ref: null,
  location_key: `url:${REPO_FILE}`,
  unprocessed_entity: {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Location',
    metadata: { name: 'generated-0a1b2c', namespace: 'default' },
    spec: { type: 'url', target: REPO_FILE },
  },
  errors: [
    {
      name: 'NotAllowedError',
      message: `Entity group:default/shadow-admins at url:${REPO_FILE}, originated at url:${REPO_FILE}, is not of an allowed kind for that location`,
      cause: { name: '', message: '', stack: '' },
    },
  ],
});

/** A component that is not a valid entity (its name breaks the naming rules). */
export const invalidComponent = record({
  entity_ref: 'component:default/billing_v2',
  location_key:
    'url:https://github.com/dataflow/billing/blob/main/catalog-info.yaml',
  unprocessed_entity: {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Component',
    metadata: {
      name: 'billing_v2',
      namespace: 'default',
      annotations: {
        'backstage.io/managed-by-location':
          'url:https://github.com/dataflow/billing/blob/main/catalog-info.yaml',
      },
    },
    spec: { type: 'service', owner: 'group:default/billing' },
  },
  errors: [
    {
      name: 'InputError',
      message: 'Policy check failed for component:default/billing_v2',
      cause: {
        name: 'TypeError',
        message:
          '"metadata.name" is not valid; expected a string that is sequences of [a-zA-Z0-9] separated by any of [-_.]',
        stack: 'TypeError: …',
      },
    },
  ],
});

/** Just registered, not processed yet: not a refusal. */
export const waitingComponent = record({
  entity_ref: 'component:default/new-service',
  unprocessed_entity: {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Component',
    metadata: { name: 'new-service', namespace: 'default' },
    spec: { type: 'service', owner: 'group:default/pipelines' },
  },
});
