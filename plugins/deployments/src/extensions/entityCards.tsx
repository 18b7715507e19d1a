import { EntityCardBlueprint } from '@backstage/plugin-catalog-react/alpha';
import { isDeployableComponent } from '../filters';

/*
 * The cards show on components that run somewhere (annotated for Kubernetes, or services and
 * websites — those without the annotation get a card saying how to add it). Each filter can be
 * replaced per app under `app.extensions` → `<id>` → `config.filter`.
 */

/** `entity-card:deployments/status`: what runs where, problems first. */
export const deploymentsStatusEntityCard = EntityCardBlueprint.make({
  name: 'status',
  params: {
    type: 'content',
    filter: isDeployableComponent,
    loader: () =>
      import('../components/DeploymentsCard').then(m => <m.DeploymentsCard />),
  },
});

/** `entity-card:deployments/rollout-history`: rollouts with outcomes and durations. */
export const rolloutHistoryEntityCard = EntityCardBlueprint.make({
  name: 'rollout-history',
  params: {
    type: 'content',
    filter: isDeployableComponent,
    loader: () =>
      import('../components/RolloutHistoryCard').then(m => (
        <m.RolloutHistoryCard />
      )),
  },
});

/** `entity-card:deployments/dora`: the service's own DORA figures, beside the page. */
export const serviceDoraEntityCard = EntityCardBlueprint.make({
  name: 'dora',
  params: {
    type: 'info',
    filter: isDeployableComponent,
    loader: () => import('../components/Dora').then(m => <m.ServiceDoraCard />),
  },
});
