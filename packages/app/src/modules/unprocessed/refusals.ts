import {
  ANNOTATION_LOCATION,
  stringifyEntityRef,
} from '@backstage/catalog-model';
import { catalogUnprocessedEntitiesApiRef } from '@backstage/plugin-catalog-unprocessed-entities';

type UnprocessedEntitiesApi = typeof catalogUnprocessedEntitiesApiRef.T;

/** One record of `GET /api/catalog/entities/unprocessed/{pending,failed}`. */
export type UnprocessedRecord = Awaited<
  ReturnType<UnprocessedEntitiesApi['pending']>
>['entities'][number];

/** An entity the catalog refused, and why. */
export type Refusal = {
  entityRef: string;
  kind: string;
  /**
   * `never-accepted`: the catalog has never served this entity (the unprocessed API calls it
   * "pending"); `not-served`: it was processed once but has no final entity ("failed").
   */
  state: 'never-accepted' | 'not-served';
  /** Where it was read from: the file or URL it came from, or a registered location's target. */
  source?: string;
  owner?: string;
  reasons: Array<{ name: string; message: string; cause?: string }>;
};

function sourceOf(record: UnprocessedRecord): string | undefined {
  const entity = record.unprocessed_entity;
  const target = entity.kind === 'Location' ? entity.spec?.target : undefined;
  if (typeof target === 'string') {
    return target;
  }
  return (
    entity.metadata.annotations?.[ANNOTATION_LOCATION] ?? record.location_key
  );
}

function toRefusal(
  record: UnprocessedRecord,
  state: Refusal['state'],
): Refusal | undefined {
  const errors = record.errors ?? [];
  if (errors.length === 0) {
    // Waiting for its first processing, not refused.
    return undefined;
  }
  const owner = record.unprocessed_entity.spec?.owner;
  return {
    // The API leaves entity_ref empty for never-processed records: derive it from the entity.
    entityRef:
      record.entity_ref ?? stringifyEntityRef(record.unprocessed_entity),
    kind: record.unprocessed_entity.kind,
    state,
    source: sourceOf(record),
    owner: typeof owner === 'string' ? owner : undefined,
    reasons: errors.map(error => ({
      name: error.name,
      message: error.message,
      // Validation errors say "Policy check failed for …" and put the rule that failed in the cause.
      cause:
        error.cause?.message && error.cause.message !== error.message
          ? error.cause.message
          : undefined,
    })),
  };
}

/**
 * Every entity the catalog refused, with its reasons: the unprocessed-entities API's pending
 * records (never valid, never served) and failed ones, keeping only those with errors.
 */
export function refusalsOf(records: {
  pending: UnprocessedRecord[];
  failed: UnprocessedRecord[];
}): Refusal[] {
  return [
    ...records.pending.map(r => toRefusal(r, 'never-accepted')),
    ...records.failed.map(r => toRefusal(r, 'not-served')),
  ]
    .filter((r): r is Refusal => r !== undefined)
    .sort((a, b) => a.entityRef.localeCompare(b.entityRef));
}

/** Loads {@link refusalsOf} through the unprocessed-entities API. */
export async function loadRefusals(api: UnprocessedEntitiesApi) {
  const [pending, failed] = await Promise.all([api.pending(), api.failed()]);
  const refusals = refusalsOf({
    pending: pending.entities,
    failed: failed.entities,
  });
  const waiting = pending.entities.filter(r => !r.errors?.length).length;
  return { refusals, waiting };
}
