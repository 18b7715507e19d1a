/*
 * Constants of Strata's service model (docs/catalog-model.md).
 */

/** Relation from a Component to a topic/queue Resource it writes to. */
export const RELATION_PRODUCES = 'produces';
/** Reverse of {@link RELATION_PRODUCES}: from the topic/queue to its producer. */
export const RELATION_PRODUCED_BY = 'producedBy';
/** Relation from a Component to a topic/queue Resource it reads from. */
export const RELATION_CONSUMES = 'consumes';
/** Reverse of {@link RELATION_CONSUMES}: from the topic/queue to its consumer. */
export const RELATION_CONSUMED_BY = 'consumedBy';
/** Relation from a topic/queue Resource to the AsyncAPI API describing its messages. */
export const RELATION_HAS_SCHEMA = 'hasSchema';
/** Reverse of {@link RELATION_HAS_SCHEMA}: from the API to the topics/queues it describes. */
export const RELATION_SCHEMA_OF = 'schemaOf';

/** `spec.type` of a Component that is a service (the only type for which `spec.tier` is required). */
export const COMPONENT_TYPE_SERVICE = 'service';

/** `spec.type` of a database Resource. */
export const RESOURCE_TYPE_DATABASE = 'database';
/** `spec.type` of a Kafka topic Resource. */
export const RESOURCE_TYPE_KAFKA_TOPIC = 'kafka-topic';
/** `spec.type` of a RabbitMQ queue Resource. */
export const RESOURCE_TYPE_RABBITMQ_QUEUE = 'rabbitmq-queue';
/** Resource types that are topics or queues (carry `spec.topic` and `spec.schema`). */
export const MESSAGING_RESOURCE_TYPES = [
  RESOURCE_TYPE_KAFKA_TOPIC,
  RESOURCE_TYPE_RABBITMQ_QUEUE,
] as const;
/** A topic or queue resource type. */
export type MessagingResourceType = (typeof MESSAGING_RESOURCE_TYPES)[number];

/** Allowed values of `spec.tier`: 1 (customer-facing, paged 24/7) … 3 (internal, best effort). */
export const SERVICE_TIERS = [1, 2, 3] as const;
/** A service tier. */
export type ServiceTier = (typeof SERVICE_TIERS)[number];

/** Allowed values of `spec.engine` on a database Resource. */
export const DATABASE_ENGINES = [
  'postgresql',
  'mysql',
  'mariadb',
  'elasticsearch',
  'opensearch',
  'redis',
  'mongodb',
] as const;
/** A database engine. */
export type DatabaseEngine = (typeof DATABASE_ENGINES)[number];
