import { EntityContentBlueprint } from '@backstage/plugin-catalog-react/alpha';
import { isGroup } from '../filters';

/** `entity-content:deployments/dora`: the "DORA" tab of a group, over the services it owns. */
export const groupDoraEntityContent = EntityContentBlueprint.make({
  name: 'dora',
  params: {
    path: 'dora',
    title: 'DORA',
    filter: isGroup,
    loader: () =>
      import('../components/Dora').then(m => <m.GroupDoraContent />),
  },
});
