import { Entity } from '@backstage/catalog-model';
import { useApi } from '@backstage/frontend-plugin-api';
import { catalogApiRef } from '@backstage/plugin-catalog-react';
import useAsync from 'react-use/esm/useAsync';
import {
  DataAndEventsModel,
  buildDataAndEventsModel,
  planNextFetch,
} from './model';

/** At most this many catalog requests; the plan needs two at most. */
const MAX_ROUNDS = 3;

/**
 * Fetches what the "Data & events" card needs about the entity's databases,
 * topics and the services around them (one `getEntitiesByRefs` request per
 * round, limited to the fields shown) and derives the view model.
 */
export function useDataAndEvents(entity: Entity): {
  loading: boolean;
  error?: Error;
  model?: DataAndEventsModel;
} {
  const catalogApi = useApi(catalogApiRef);

  const { loading, error, value } = useAsync(async () => {
    const related = new Map<string, Entity>();
    const attempted = new Set<string>();
    for (let round = 0; round < MAX_ROUNDS; round++) {
      const step = planNextFetch(entity, related, attempted);
      if (!step) {
        break;
      }
      step.entityRefs.forEach(ref => attempted.add(ref));
      const { items } = await catalogApi.getEntitiesByRefs({
        entityRefs: step.entityRefs,
        fields: step.fields,
      });
      items.forEach((item, index) => {
        if (item) {
          related.set(step.entityRefs[index], item);
        }
      });
    }
    return buildDataAndEventsModel(entity, related);
  }, [catalogApi, entity]);

  return { loading, error, model: value };
}
