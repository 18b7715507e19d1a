import type { CompoundEntityRef, Entity } from '@backstage/catalog-model';
import type { DatabaseEngine, ServiceTier } from './constants';

/** Fields Strata adds to the spec of a Component (`spec.type: service`). */
export interface ServiceSpecExtension {
  /** Required for services. */
  tier: ServiceTier;
  /** Entity refs (default kind `resource`) of the topics/queues the service writes to. */
  produces?: string[];
  /** Entity refs (default kind `resource`) of the topics/queues the service reads from. */
  consumes?: string[];
}

/** Fields Strata adds to the spec of a Resource with `spec.type: database`. */
export interface DataStoreSpecExtension {
  engine: DatabaseEngine;
  /** Whether it stores personal data (GDPR erasure applies). */
  personalData: boolean;
}

/** Fields Strata adds to the spec of a Resource with `spec.type: kafka-topic` or `rabbitmq-queue`. */
export interface MessagingSpecExtension {
  /** The topic (Kafka) or queue (RabbitMQ) name on the broker. */
  topic: string;
  /** Entity ref (default kind `api`) of the AsyncAPI API describing its messages. */
  schema: string;
}

/** One broken rule of the service model on one field of one entity. */
export interface ModelViolation {
  /** Id of the rule that found it, e.g. `service-tier`. */
  rule: string;
  /** Path of the offending field, e.g. `spec.tier` or `spec.produces[2]`. */
  path: string;
  /** What is wrong. */
  message: string;
  /** How to fix it. */
  fix: string;
}

/** A rule of the service model. `check` is pure and returns [] for entities it does not apply to. */
export interface ServiceModelRule {
  id: string;
  description: string;
  check(entity: Entity): ModelViolation[];
}

/** A relation the catalog should store for an entity of the service model. */
export interface ServiceModelRelation {
  type: string;
  source: CompoundEntityRef;
  target: CompoundEntityRef;
}
