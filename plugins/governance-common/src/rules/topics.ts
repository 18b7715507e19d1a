import {
  isTopicOrQueue,
  RELATION_CONSUMED_BY,
  RELATION_PRODUCED_BY,
  specOf,
} from '@internal/plugin-service-model-common';
import type { Entity } from '@backstage/catalog-model';
import { displayName, listNames, refOf } from '../graph/CatalogIndex';
import type { Finding } from '../types';
import { makeFinding, Rule } from './context';

/** "pipeline.run.created (pipeline-run-created)": the broker name people know, and the entity. */
export function topicLabel(entity: Entity): string {
  const ref = refOf(entity);
  const topic = specOf(entity).topic;
  return typeof topic === 'string' && topic !== entity.metadata.name
    ? `${topic} (${displayName(ref)})`
    : displayName(ref);
}

/**
 * `topic-without-consumer` and `topic-without-producer`: a topic or queue Resource no entity
 * consumes / produces, over the whole catalog. Producers and consumers are found through the
 * relations, so one in another namespace counts like any other. A topic with neither gets both
 * findings: each is true on its own.
 */
export const topicRules: Rule = context => {
  const { index } = context;
  const findings: Finding[] = [];
  for (const entity of index.entities()) {
    if (!isTopicOrQueue(entity)) continue;
    const topic = refOf(entity);
    const producers = index.targets(topic, RELATION_PRODUCED_BY);
    const consumers = index.targets(topic, RELATION_CONSUMED_BY);
    const label = topicLabel(entity);
    if (consumers.length === 0) {
      findings.push(
        makeFinding(context, 'topic-without-consumer', {
          keyParts: [topic],
          entityRefs: [topic, ...producers],
          message:
            producers.length > 0
              ? `${label} is produced by ${listNames(producers)} but nothing consumes it`
              : `${label} has no consumer (and no producer)`,
          fix: `If a service reads ${label}, add \`${displayName(
            topic,
          )}\` to its spec.consumes; otherwise stop producing it${
            producers.length > 0 ? ` (spec.produces of ${listNames(producers)})` : ''
          } and delete the topic.`,
        }),
      );
    }
    if (producers.length === 0) {
      findings.push(
        makeFinding(context, 'topic-without-producer', {
          keyParts: [topic],
          entityRefs: [topic, ...consumers],
          message:
            consumers.length > 0
              ? `${label} is consumed by ${listNames(consumers)} but nothing produces it`
              : `${label} has no producer (and no consumer)`,
          fix: `Add \`${displayName(
            topic,
          )}\` to the spec.produces of the service that writes it; if none does, remove it${
            consumers.length > 0 ? ` from the spec.consumes of ${listNames(consumers)}` : ''
          } and delete the topic.`,
        }),
      );
    }
  }
  return findings;
};
