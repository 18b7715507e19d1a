import type { Entity } from '@backstage/catalog-model';

/**
 * What a provider is asked: the entity that pages, its owner, and the owner's parent chain (the
 * owner first, then its parent, up to the root), all as the catalog serves them.
 *
 * @public
 */
export interface OnCallRequest {
  entity: Entity;
  /** The owning Group (or User) entity; absent when the owner is not in the catalog. */
  owner?: Entity;
  /** Groups from the owner up its `spec.parent` chain, owner first. */
  chain: Entity[];
}

/**
 * Who is on call now, as one provider knows it.
 *
 * @public
 */
export interface OnCallAnswer {
  /** A user entity ref or the provider's display name of the person. */
  primary?: string;
  secondary?: string;
  /** When the current shift ends, if the provider knows. */
  until?: Date;
  /** The rotation, as its provider describes it. */
  schedule?: string;
  /** The group whose rotation answered. */
  fromGroup?: string;
  escalationPolicy?: string;
}

/**
 * A source of on-call data. Providers are asked in the order they were added (modules first, the
 * catalog's rotation annotations last); the first that answers wins, and its `id` is reported as
 * the lookup's `onCall.source`.
 *
 * @public
 */
export interface OnCallProvider {
  /** `catalog`, `pagerduty`, or another module's id. */
  readonly id: string;
  /**
   * The on-call answer, or undefined when this provider knows nothing about the entity (e.g. no
   * PagerDuty annotation). Throws when it should know but cannot tell (unreachable API): the
   * lookup then asks the next provider and reports the failure.
   */
  getOnCall(request: OnCallRequest): Promise<OnCallAnswer | undefined>;
}
