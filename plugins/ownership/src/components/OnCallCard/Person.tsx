import { EntityRefLink } from '@backstage/plugin-catalog-react';

// `user:default/ana-garcia`, `group:default/platform`: the catalog rotation names entities.
const ENTITY_REF = /^[a-z]+:([a-z0-9-_.]+\/)?[a-z0-9-_.]+$/i;

/**
 * Someone the lookup names: a link to their catalog page when it is an entity ref (the
 * catalog rotation), the provider's name as text otherwise (e.g. PagerDuty's "Ana García").
 */
export function Person(props: { name: string; defaultKind?: string }) {
  if (ENTITY_REF.test(props.name)) {
    return (
      <EntityRefLink entityRef={props.name} defaultKind={props.defaultKind} />
    );
  }
  return <>{props.name}</>;
}
