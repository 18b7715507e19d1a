import type { Entity } from '@backstage/catalog-model';
import { isTopicOrQueue, namespaceOf, specOf } from '../entity';
import { parseModelRef } from '../refs';
import type { ModelViolation, ServiceModelRule } from '../types';

const RULE = 'messaging-schema';
const EXAMPLE = 'api:default/pipeline-events';

function check(entity: Entity): ModelViolation[] {
  if (!isTopicOrQueue(entity)) {
    return [];
  }
  const spec = specOf(entity);
  if (spec.schema === undefined || spec.schema === null) {
    return [
      {
        rule: RULE,
        path: 'spec.schema',
        message: `is required for a ${spec.type}: the AsyncAPI API describing its messages`,
        fix: `Add \`schema: <api-ref>\` under spec, e.g. \`schema: ${EXAMPLE}\`.`,
      },
    ];
  }
  const { problem } = parseModelRef(
    spec.schema,
    'api',
    namespaceOf(entity),
    EXAMPLE,
  );
  return problem ? [{ rule: RULE, path: 'spec.schema', ...problem }] : [];
}

/** `spec.schema`: required ref (default kind api) to an API, for `kafka-topic` / `rabbitmq-queue`. */
export const messagingSchemaRule: ServiceModelRule = {
  id: RULE,
  description:
    'spec.schema of a kafka-topic or rabbitmq-queue Resource is a required entity ref (default kind api) to an API',
  check,
};
