import { UserInfoService } from '@backstage/backend-plugin-api';
import { PolicyDecision } from '@backstage/plugin-permission-common';
import {
  PermissionPolicy,
  PolicyQuery,
  PolicyQueryUser,
} from '@backstage/plugin-permission-node';
import { AdminRefs } from './admins';
import { decideStrataPermission } from './decide';

/**
 * The permission backend's policy: resolves who is asking, then applies
 * {@link decideStrataPermission}.
 *
 * The identity comes from the user info service (the token's `sub` and `ent` claims: the
 * user and the groups the sign-in resolver found in the catalog), not from the deprecated
 * `user.info` the permission backend also passes.
 */
export class StrataPermissionPolicy implements PermissionPolicy {
  readonly #admins: AdminRefs;
  readonly #userInfo: UserInfoService;

  constructor(options: { admins: AdminRefs; userInfo: UserInfoService }) {
    this.#admins = options.admins;
    this.#userInfo = options.userInfo;
  }

  async handle(
    request: PolicyQuery,
    user?: PolicyQueryUser,
  ): Promise<PolicyDecision> {
    const identity = user
      ? await this.#userInfo.getUserInfo(user.credentials)
      : undefined;
    return decideStrataPermission(request.permission, identity, this.#admins);
  }
}
