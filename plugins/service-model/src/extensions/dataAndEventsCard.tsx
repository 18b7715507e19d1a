import { FilterPredicate } from '@backstage/filter-predicates';
import { EntityCardBlueprint } from '@backstage/plugin-catalog-react/alpha';
import {
  COMPONENT_TYPE_SERVICE,
  RESOURCE_TYPE_DATABASE,
  RESOURCE_TYPE_KAFKA_TOPIC,
  RESOURCE_TYPE_RABBITMQ_QUEUE,
} from '@internal/plugin-service-model-common';

/**
 * Where the card shows: services, databases, topics and queues. It can be
 * replaced per app under `app.extensions` → `entity-card:service-model/data-and-events` → `config.filter`.
 */
export const dataAndEventsCardFilter: FilterPredicate = {
  $any: [
    { kind: 'component', 'spec.type': COMPONENT_TYPE_SERVICE },
    {
      kind: 'resource',
      'spec.type': {
        $in: [
          RESOURCE_TYPE_DATABASE,
          RESOURCE_TYPE_KAFKA_TOPIC,
          RESOURCE_TYPE_RABBITMQ_QUEUE,
        ],
      },
    },
  ],
};

/** The "Data & events" card on the entity overview: `entity-card:service-model/data-and-events`. */
export const dataAndEventsEntityCard = EntityCardBlueprint.make({
  name: 'data-and-events',
  params: {
    type: 'content',
    filter: dataAndEventsCardFilter,
    loader: () =>
      import('../components/DataAndEventsCard').then(m => (
        <m.DataAndEventsCard />
      )),
  },
});
