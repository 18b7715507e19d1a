import { EntityCardBlueprint } from '@backstage/plugin-catalog-react/alpha';

/**
 * `entity-card:catalog-freshness/source`, on every entity page: where the entity was read from,
 * at which version and when, and why its last refresh failed.
 */
export const sourceEntityCard = EntityCardBlueprint.make({
  name: 'source',
  params: {
    loader: () => import('./components/SourceCard').then(m => <m.SourceCard />),
  },
});
