import type { CompoundEntityRef, Entity } from '@backstage/catalog-model';
import type { DatabaseEngine, ServiceTier } from './constants';

/** Fields Strata adds to the spec of a Component (`spec.type: service`). */
export interface ServiceSpecExtension {
  /** Recommended for services (required in strict mode). */
  tier?: ServiceTier;
  /** Entity refs (default kind `resource`) of the topics/queues the service writes to. */
  produces?: string[];
  /** Entity refs (default kind `resource`) of the topics/queues the service reads from. */
  consumes?: string[];
}

/** Fields Strata adds to the spec of a Resource with `spec.type: database`. */
export interface DataStoreSpecExtension {
  /** Recommended (required in strict mode). */
  engine?: DatabaseEngine;
  /** Whether it stores personal data (GDPR erasure applies). Recommended (required in strict mode). */
  personalData?: boolean;
}

/** Fields Strata adds to the spec of a Resource with `spec.type: kafka-topic` or `rabbitmq-queue`. */
export interface MessagingSpecExtension {
  /** The topic (Kafka) or queue (RabbitMQ) name on the broker. Recommended (required in strict mode). */
  topic?: string;
  /** Entity ref (default kind `api`) of the AsyncAPI API describing its messages. Recommended (required in strict mode). */
  schema?: string;
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

/**
 * A field Strata adds that an entity leaves out. Standard Backstage entities are served without
 * it; the entity page, scorecards and the validator (as a warning; an error with `--strict`)
 * show it as something to add.
 */
export interface ModelRecommendation {
  /** Id of the rule it belongs to, e.g. `service-tier`. */
  rule: string;
  /** Path of the missing field, e.g. `spec.tier`. */
  path: string;
  /** What is missing, short, e.g. `No tier`. */
  message: string;
  /** Why it matters to an on-call engineer or to governance. */
  why: string;
  /** How to add it. */
  fix: string;
  /** A value to start from, when the entity hints at one (e.g. an engine named in its tags). */
  suggestedValue?: unknown;
}

/** Options of {@link validateServiceModel}. */
export interface ValidateServiceModelOptions {
  /** Report missing recommended fields as violations too (`strata.serviceModel.strict`). */
  strict?: boolean;
}

/**
 * A rule of the service model, for one field. `check` reports a field that is present but
 * wrong; `recommend` reports it missing. Both are pure and return [] for entities the rule does
 * not apply to; for one entity at most one of them reports.
 */
export interface ServiceModelRule {
  id: string;
  description: string;
  check(entity: Entity): ModelViolation[];
  recommend?(entity: Entity): ModelRecommendation[];
}

/** A relation the catalog should store for an entity of the service model. */
export interface ServiceModelRelation {
  type: string;
  source: CompoundEntityRef;
  target: CompoundEntityRef;
}
