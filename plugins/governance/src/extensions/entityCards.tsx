import { EntityCardBlueprint } from '@backstage/plugin-catalog-react/alpha';
import { isComponent } from '../filters';

/**
 * `entity-card:governance/scorecard`: the level, each check with its evidence and fix, and the
 * findings that involve the entity. The filter can be replaced under `app.extensions`.
 */
export const scorecardEntityCard = EntityCardBlueprint.make({
  name: 'scorecard',
  params: {
    type: 'content',
    filter: isComponent,
    loader: () =>
      import('../components/ScorecardCard').then(m => <m.ScorecardCard />),
  },
});
