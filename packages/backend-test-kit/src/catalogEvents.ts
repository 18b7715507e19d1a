import { createBackendModule } from '@backstage/backend-plugin-api';
import { CATALOG_ERRORS_TOPIC } from '@backstage/plugin-catalog-backend';
import { EventsService, eventsServiceRef } from '@backstage/plugin-events-node';

/** What the catalog publishes on its errors topic (what catalog-backend-module-logs prints). */
export type CatalogErrorEvent = {
  entity: string;
  location?: string;
  errors: Error[];
};

/** A catalog module that collects the catalog's processing-error events into `events`. */
export function catalogErrorsSpy(events: CatalogErrorEvent[]) {
  return createBackendModule({
    pluginId: 'catalog',
    moduleId: 'test-errors-spy',
    register(reg) {
      reg.registerInit({
        deps: { eventsService: eventsServiceRef },
        async init({ eventsService }) {
          await eventsService.subscribe({
            id: 'test-errors-spy',
            topics: [CATALOG_ERRORS_TOPIC],
            async onEvent({ eventPayload }) {
              events.push(eventPayload as CatalogErrorEvent);
            },
          });
        },
      });
    },
  });
}

/** A catalog module that hands the test the events service the catalog uses, to publish on it. */
export function catalogEventsHandle(handle: { events?: EventsService }) {
  return createBackendModule({
    pluginId: 'catalog',
    moduleId: 'test-events-handle',
    register(reg) {
      reg.registerInit({
        deps: { events: eventsServiceRef },
        async init({ events }) {
          handle.events = events;
        },
      });
    },
  });
}
