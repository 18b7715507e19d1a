import type { Entity } from '@backstage/catalog-model';
import { isTopicOrQueue, namespaceOf, specOf } from '../entity';
import { parseModelRef } from '../refs';
import type {
  ModelRecommendation,
  ModelViolation,
  ServiceModelRule,
} from '../types';

const RULE = 'messaging-schema';
const EXAMPLE = 'api:default/pipeline-events';

function check(entity: Entity): ModelViolation[] {
  if (!isTopicOrQueue(entity)) {
    return [];
  }
  const spec = specOf(entity);
  if (spec.schema === undefined || spec.schema === null) {
    return [];
  }
  const { problem } = parseModelRef(
    spec.schema,
    'api',
    namespaceOf(entity),
    EXAMPLE,
  );
  return problem ? [{ rule: RULE, path: 'spec.schema', ...problem }] : [];
}

function recommend(entity: Entity): ModelRecommendation[] {
  const schema = specOf(entity).schema;
  if (!isTopicOrQueue(entity) || (schema !== undefined && schema !== null)) {
    return [];
  }
  return [
    {
      rule: RULE,
      path: 'spec.schema',
      message: 'No message schema',
      why: 'Every event needs a schema (AsyncAPI): producers and consumers agree on it, and on-call can see what a poison message should have looked like.',
      fix: `Add \`schema: <api-ref>\` under spec, e.g. \`schema: ${EXAMPLE}\` (the AsyncAPI API describing its messages).`,
    },
  ];
}

/** `spec.schema` of a `kafka-topic` / `rabbitmq-queue` Resource: a ref (default kind api) to an API; recommended. */
export const messagingSchemaRule: ServiceModelRule = {
  id: RULE,
  description:
    'spec.schema of a kafka-topic or rabbitmq-queue Resource is an entity ref (default kind api) to an API; recommended',
  check,
  recommend,
};
