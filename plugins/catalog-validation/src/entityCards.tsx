import { EntityCardBlueprint } from '@backstage/plugin-catalog-react/alpha';

/**
 * `entity-card:catalog-validation/declared-twice`, on every entity page. It renders nothing
 * unless the catalog reported the entity in a second location, so it costs no space normally.
 */
export const declaredTwiceEntityCard = EntityCardBlueprint.make({
  name: 'declared-twice',
  params: {
    type: 'content',
    loader: () =>
      import('./components/DeclaredTwiceWarning').then(m => (
        <m.DeclaredTwiceWarning />
      )),
  },
});
