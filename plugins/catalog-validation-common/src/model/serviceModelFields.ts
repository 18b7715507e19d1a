import { Entity } from '@backstage/catalog-model';
import {
  isComponent,
  isTopicOrQueue,
  RELATION_CONSUMES,
  RELATION_HAS_SCHEMA,
  RELATION_PRODUCES,
} from '@internal/plugin-service-model-common';
import type { RelationField } from './catalogModel';

/**
 * The reference fields Strata's service model adds (docs/catalog-model.md), so that
 * `--portal` / `checkReferences` also catch a topic that is consumed but declared by nobody,
 * or a schema API that does not exist. The kinds they may point at are checked by the
 * `service-model` rule, so no `allowedKinds` here (it would report the same mistake twice).
 */
export function serviceModelRelationFields(entity: Entity): RelationField[] {
  if (isComponent(entity)) {
    return [
      {
        path: 'spec.produces',
        relation: RELATION_PRODUCES,
        defaultKind: 'Resource',
      },
      {
        path: 'spec.consumes',
        relation: RELATION_CONSUMES,
        defaultKind: 'Resource',
      },
    ];
  }
  if (isTopicOrQueue(entity)) {
    return [
      {
        path: 'spec.schema',
        relation: RELATION_HAS_SCHEMA,
        defaultKind: 'API',
      },
    ];
  }
  return [];
}
