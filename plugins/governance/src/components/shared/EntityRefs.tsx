import { EntityRefLinks } from '@backstage/plugin-catalog-react';

/** Entity refs as links to their pages; services are components unless the ref says otherwise. */
export function EntityRefs(props: { refs: string[]; testId?: string }) {
  return (
    <span data-testid={props.testId}>
      <EntityRefLinks entityRefs={props.refs} defaultKind="component" />
    </span>
  );
}
