import { EntityCardBlueprint } from '@backstage/plugin-catalog-react/alpha';
import { isComponent } from '../filters';

/**
 * `entity-card:ownership/on-call`: in the main column, and first on the page because
 * app-config.yaml lists it first under `app.extensions` (listed extensions come before the
 * others, in the listed order). The filter can be replaced there too.
 */
export const onCallEntityCard = EntityCardBlueprint.make({
  name: 'on-call',
  params: {
    type: 'content',
    filter: isComponent,
    loader: () =>
      import('../components/OnCallCard').then(m => <m.OnCallCard />),
  },
});
