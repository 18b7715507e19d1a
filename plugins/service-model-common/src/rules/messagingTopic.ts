import type { Entity } from '@backstage/catalog-model';
import { RESOURCE_TYPE_RABBITMQ_QUEUE } from '../constants';
import { isTopicOrQueue, show, specOf } from '../entity';
import type {
  ModelRecommendation,
  ModelViolation,
  ServiceModelRule,
} from '../types';

const RULE = 'messaging-topic';

function what(entity: Entity): string {
  return specOf(entity).type === RESOURCE_TYPE_RABBITMQ_QUEUE
    ? 'queue'
    : 'Kafka topic';
}

/** The entity's title, which by Strata's convention is the name on the broker. */
function titleOf(entity: Entity): string | undefined {
  const title = entity.metadata?.title;
  return typeof title === 'string' && title.trim() !== '' ? title : undefined;
}

function isMissing(entity: Entity): boolean {
  const topic = specOf(entity).topic;
  return topic === undefined || topic === null;
}

function check(entity: Entity): ModelViolation[] {
  if (!isTopicOrQueue(entity) || isMissing(entity)) {
    return [];
  }
  const topic = specOf(entity).topic;
  if (typeof topic === 'string' && topic.trim() !== '') {
    return [];
  }
  const name = what(entity);
  const example =
    titleOf(entity) ??
    `<${name.toLocaleLowerCase('en-US').replace(' ', '-')}-name>`;
  return [
    {
      rule: RULE,
      path: 'spec.topic',
      message: `must be the ${name} name on the broker (a non-empty string), got ${show(
        topic,
      )}`,
      fix: `Write \`topic: ${example}\` under spec.`,
    },
  ];
}

function recommend(entity: Entity): ModelRecommendation[] {
  if (!isTopicOrQueue(entity) || !isMissing(entity)) {
    return [];
  }
  const name = what(entity);
  const suggested = titleOf(entity) ?? entity.metadata?.name;
  return [
    {
      rule: RULE,
      path: 'spec.topic',
      message: `No ${name} name`,
      why: `Brokers, ACLs and consumer-lag dashboards know the ${name} by its name on the broker, which need not match the entity name: without it on-call cannot get from a lag alert to this entity and its owner.`,
      fix: `Add \`topic: <${name
        .toLocaleLowerCase('en-US')
        .replace(' ', '-')}-name>\` under spec: the name on the broker.`,
      ...(suggested ? { suggestedValue: suggested } : {}),
    },
  ];
}

/** `spec.topic` of a `kafka-topic` / `rabbitmq-queue` Resource: a non-empty string; recommended. */
export const messagingTopicRule: ServiceModelRule = {
  id: RULE,
  description:
    'spec.topic of a kafka-topic or rabbitmq-queue Resource is a string (the name on the broker); recommended',
  check,
  recommend,
};
