import type { Entity } from '@backstage/catalog-model';
import { RESOURCE_TYPE_RABBITMQ_QUEUE } from '../constants';
import { isTopicOrQueue, show, specOf } from '../entity';
import type { ModelViolation, ServiceModelRule } from '../types';

const RULE = 'messaging-topic';

function check(entity: Entity): ModelViolation[] {
  if (!isTopicOrQueue(entity)) {
    return [];
  }
  const spec = specOf(entity);
  const topic = spec.topic;
  if (typeof topic === 'string' && topic.trim() !== '') {
    return [];
  }
  const what =
    spec.type === RESOURCE_TYPE_RABBITMQ_QUEUE ? 'queue' : 'Kafka topic';
  const example =
    typeof entity.metadata?.title === 'string' && entity.metadata.title
      ? entity.metadata.title
      : `<${what.toLocaleLowerCase('en-US').replace(' ', '-')}-name>`;
  const missing = topic === undefined || topic === null;
  return [
    {
      rule: RULE,
      path: 'spec.topic',
      message: missing
        ? `is required for a ${spec.type}: the ${what} name on the broker`
        : `must be the ${what} name on the broker (a non-empty string), got ${show(
            topic,
          )}`,
      fix: `${missing ? 'Add' : 'Write'} \`topic: ${example}\` under spec.`,
    },
  ];
}

/** `spec.topic`: required non-empty string for `kafka-topic` / `rabbitmq-queue` Resources. */
export const messagingTopicRule: ServiceModelRule = {
  id: RULE,
  description:
    'spec.topic of a kafka-topic or rabbitmq-queue Resource is a required string (the name on the broker)',
  check,
};
