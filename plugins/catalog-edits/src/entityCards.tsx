import { EntityCardBlueprint } from '@backstage/plugin-catalog-react/alpha';

/** `entity-card:catalog-edits/propose-change`, on services only. */
export const proposeChangeEntityCard = EntityCardBlueprint.make({
  name: 'propose-change',
  params: {
    type: 'info',
    filter: { kind: 'component', 'spec.type': 'service' },
    loader: () =>
      import('./components/ProposeChangeCard').then(m => (
        <m.ProposeChangeCard />
      )),
  },
});
