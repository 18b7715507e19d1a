import {
  AuthorizeResult,
  isResourcePermission,
  Permission,
  PolicyDecision,
} from '@backstage/plugin-permission-common';
import {
  catalogConditions,
  createCatalogConditionalDecision,
} from '@backstage/plugin-catalog-backend/alpha';
import { RESOURCE_TYPE_CATALOG_ENTITY } from '@backstage/plugin-catalog-common/alpha';
import {
  createScaffolderTaskConditionalDecision,
  scaffolderTaskConditions,
} from '@backstage/plugin-scaffolder-backend/alpha';
import { RESOURCE_TYPE_SCAFFOLDER_TASK } from '@backstage/plugin-scaffolder-common/alpha';
import { AdminRefs } from './admins';
import { defaultRule, STRATA_RULES, StrataRule } from './rules';

/** Who is asking: the signed-in user's identity as their Backstage token states it. */
export interface StrataIdentity {
  /** e.g. `user:default/kenji-tanaka` */
  userEntityRef: string;
  /** The user and the groups they are a member of, e.g. `group:default/pipelines`. */
  ownershipEntityRefs: string[];
}

const ALLOW: PolicyDecision = { result: AuthorizeResult.ALLOW };
const DENY: PolicyDecision = { result: AuthorizeResult.DENY };

/** The rule Strata applies to `permission` for a user who is not an admin. */
export function ruleFor(permission: Permission): StrataRule {
  return STRATA_RULES[permission.name] ?? defaultRule(permission);
}

/** Whether `identity` is a platform admin: the user or one of their groups is listed. */
export function isAdmin(identity: StrataIdentity, admins: AdminRefs): boolean {
  return [identity.userEntityRef, ...identity.ownershipEntityRefs].some(ref =>
    admins.has(ref.toLocaleLowerCase('en-US')),
  );
}

/**
 * Strata's permission decision: pure, no I/O.
 *
 * - No user (an anonymous request that reached a permission check): DENY.
 * - Platform admins: ALLOW everything.
 * - Everyone else: the permission's rule ({@link ruleFor}); owner rules become conditional
 *   decisions that the catalog and the scaffolder evaluate against the entity or task.
 *
 * Service-to-service calls never reach a policy (the permissions service allows them), and
 * a plugin acting for a user (MCP actions, scaffolder steps) passes the user's credentials,
 * so it is decided here as that user.
 */
export function decideStrataPermission(
  permission: Permission,
  identity: StrataIdentity | undefined,
  admins: AdminRefs,
): PolicyDecision {
  if (!identity) return DENY;
  if (isAdmin(identity, admins)) return ALLOW;

  switch (ruleFor(permission)) {
    case 'allow':
      return ALLOW;
    case 'owned-entity':
      if (!isResourcePermission(permission, RESOURCE_TYPE_CATALOG_ENTITY)) {
        return DENY;
      }
      return createCatalogConditionalDecision(
        permission,
        catalogConditions.isEntityOwner({
          claims: ownershipClaims(identity),
        }),
      );
    case 'own-task':
      if (!isResourcePermission(permission, RESOURCE_TYPE_SCAFFOLDER_TASK)) {
        return DENY;
      }
      return createScaffolderTaskConditionalDecision(
        permission,
        scaffolderTaskConditions.isTaskOwner({
          createdBy: [identity.userEntityRef],
        }),
      );
    case 'admins':
    default:
      return DENY;
  }
}

/**
 * The refs an entity's `ownedBy` relation must match: the user's ownership refs as issued,
 * and lower-cased, because the catalog compares entity names case-insensitively but the
 * condition compares strings.
 */
function ownershipClaims(identity: StrataIdentity): string[] {
  const refs = identity.ownershipEntityRefs.length
    ? identity.ownershipEntityRefs
    : [identity.userEntityRef];
  return [
    ...new Set([...refs, ...refs.map(ref => ref.toLocaleLowerCase('en-US'))]),
  ];
}
