/**
 * Strata's permission policy, a module of the permission backend.
 *
 * @packageDocumentation
 */
export { permissionModuleStrataPolicy as default } from './module';
export { StrataPermissionPolicy } from './policy/StrataPermissionPolicy';
export { decideStrataPermission, isAdmin, ruleFor } from './policy/decide';
export type { StrataIdentity } from './policy/decide';
export { parseAdminRefs } from './policy/admins';
export type { AdminRefs } from './policy/admins';
export { STRATA_RULES } from './policy/rules';
export type { StrataRule } from './policy/rules';
