import { RELATION_DEPENDS_ON } from '@backstage/catalog-model';
import {
  isDatabase,
  isService,
  isTopicOrQueue,
  RELATION_CONSUMES,
  RELATION_PRODUCES,
  specOf,
  tryNormalizeRef,
} from '@internal/plugin-service-model-common';
import { displayName, listNames, refOf } from '../graph/CatalogIndex';
import type { Finding } from '../types';
import { makeFinding, Rule } from './context';

/**
 * `personal-data-without-erasure`: a service that depends on a database with
 * `spec.personalData: true` but does not consume the user-deletion topic
 * (`options.userDeletionTopic`: the broker name, or the topic's entity ref). The service that
 * produces the deletion topic is where erasure starts, so it is not asked to consume it.
 */
export const personalDataRule: Rule = context => {
  const { index, options } = context;
  const wanted = options.userDeletionTopic;
  const wantedRef = wanted.includes(':')
    ? tryNormalizeRef(wanted, { defaultKind: 'resource' })
    : undefined;
  const deletionTopics = new Set<string>();
  for (const entity of index.entities()) {
    if (!isTopicOrQueue(entity)) continue;
    const ref = refOf(entity);
    const broker = specOf(entity).topic ?? entity.metadata.name;
    if (ref === wantedRef || broker === wanted) deletionTopics.add(ref);
  }
  const topicName = deletionTopics.size > 0 ? wanted : `${wanted} (not in the catalog)`;
  const findings: Finding[] = [];
  for (const entity of index.entities()) {
    if (!isService(entity)) continue;
    const service = refOf(entity);
    const personal = index
      .targets(service, RELATION_DEPENDS_ON)
      .filter(ref => {
        const db = index.entity(ref);
        return isDatabase(db) && specOf(db).personalData === true;
      });
    if (personal.length === 0) continue;
    const erases = [...deletionTopics].some(
      topic =>
        index.has(service, RELATION_CONSUMES, topic) ||
        index.has(service, RELATION_PRODUCES, topic),
    );
    if (erases) continue;
    const [firstTopic] = [...deletionTopics].sort();
    findings.push(
      makeFinding(context, 'personal-data-without-erasure', {
        keyParts: [service, ...personal],
        entityRefs: [service, ...personal],
        message: `${displayName(service)} uses ${listNames(personal)}, which ${
          personal.length > 1 ? 'hold' : 'holds'
        } personal data, but does not consume ${topicName}`,
        fix: firstTopic
          ? `Consume ${wanted} in ${displayName(service)} and erase the user's data on it, then add \`${displayName(
              firstTopic,
            )}\` to its spec.consumes.`
          : `Model the user-deletion topic (a kafka-topic Resource with \`topic: ${wanted}\`), consume it in ${displayName(
              service,
            )} and add it to its spec.consumes; or set governance.rules.userDeletionTopic to the topic you use.`,
      }),
    );
  }
  return findings;
};
