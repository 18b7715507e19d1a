import { EntityCardBlueprint } from '@backstage/plugin-catalog-react/alpha';
import { modelRecommendations } from '@internal/plugin-service-model-common';

/**
 * "Service model hints" on the entity overview, `entity-card:service-model/model-hints`: only on
 * entities that lack a recommended field (a service without a tier, a database without an
 * engine or a personal-data flag, a topic without a schema…).
 */
export const modelHintsEntityCard = EntityCardBlueprint.make({
  name: 'model-hints',
  params: {
    type: 'info',
    filter: entity => modelRecommendations(entity).length > 0,
    loader: () =>
      import('../components/ModelHintsCard').then(m => <m.ModelHintsCard />),
  },
});
