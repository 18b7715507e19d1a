import { LoggerService } from '@backstage/backend-plugin-api';
import { EventsService } from '@backstage/plugin-events-node';
import { ConflictStore } from '../database/ConflictStore';
import {
  CATALOG_CONFLICT_TOPIC,
  parseConflictEvent,
} from './parseConflictEvent';

/**
 * Records every conflict the catalog publishes. The catalog only logs a duplicate entity and
 * publishes it on the events bus; recording it is what lets the entity page say "this entity is
 * also declared in …" instead of the duplicate silently losing.
 */
export async function recordConflicts(options: {
  events: EventsService;
  store: ConflictStore;
  logger: LoggerService;
}): Promise<void> {
  const { events, store, logger } = options;
  await events.subscribe({
    id: 'catalog-validation-conflicts',
    topics: [CATALOG_CONFLICT_TOPIC],
    async onEvent({ eventPayload }) {
      const conflict = parseConflictEvent(eventPayload);
      if (!conflict) {
        logger.warn(
          `Ignored a ${CATALOG_CONFLICT_TOPIC} event whose payload has no entityRef/existingLocationKey/newLocationKey`,
        );
        return;
      }
      await store.record(conflict);
    },
  });
}
