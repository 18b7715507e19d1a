import {
  CompoundEntityRef,
  Entity,
  getCompoundEntityRef,
} from '@backstage/catalog-model';
import {
  RELATION_CONSUMED_BY,
  RELATION_CONSUMES,
  RELATION_HAS_SCHEMA,
  RELATION_PRODUCED_BY,
  RELATION_PRODUCES,
  RELATION_SCHEMA_OF,
} from './constants';
import { isComponent, isTopicOrQueue, namespaceOf, specOf } from './entity';
import { validRefs } from './refs';
import type { ServiceModelRelation } from './types';

function pairs(
  self: CompoundEntityRef,
  targets: CompoundEntityRef[],
  forward: string,
  reverse: string,
): ServiceModelRelation[] {
  return targets.flatMap(target => [
    { type: forward, source: self, target },
    { type: reverse, source: target, target: self },
  ]);
}

/**
 * The relations the model adds for an entity, forward and reverse:
 * Component `spec.produces` → produces/producedBy, `spec.consumes` → consumes/consumedBy,
 * topic/queue `spec.schema` → hasSchema/schemaOf. Invalid refs are skipped (validation
 * reports them).
 */
export function serviceModelRelations(entity: Entity): ServiceModelRelation[] {
  const spec = specOf(entity);
  const namespace = namespaceOf(entity);
  const list = (value: unknown) => (Array.isArray(value) ? value : []);
  if (isComponent(entity)) {
    const self = getCompoundEntityRef(entity);
    return [
      ...pairs(
        self,
        validRefs(list(spec.produces), 'resource', namespace),
        RELATION_PRODUCES,
        RELATION_PRODUCED_BY,
      ),
      ...pairs(
        self,
        validRefs(list(spec.consumes), 'resource', namespace),
        RELATION_CONSUMES,
        RELATION_CONSUMED_BY,
      ),
    ];
  }
  if (isTopicOrQueue(entity)) {
    return pairs(
      getCompoundEntityRef(entity),
      validRefs([spec.schema], 'api', namespace),
      RELATION_HAS_SCHEMA,
      RELATION_SCHEMA_OF,
    );
  }
  return [];
}
