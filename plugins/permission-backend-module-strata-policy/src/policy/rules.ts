import {
  catalogEntityCreatePermission,
  catalogEntityDeletePermission,
  catalogEntityRefreshPermission,
  catalogEntityValidatePermission,
  catalogLocationAnalyzePermission,
  catalogLocationCreatePermission,
  catalogLocationDeletePermission,
} from '@backstage/plugin-catalog-common/alpha';
import {
  actionExecutePermission,
  taskCancelPermission,
  taskCreatePermission,
  taskReadPermission,
  templateDryRunPermission,
  templateManagementPermission,
  templateParameterReadPermission,
  templateStepReadPermission,
} from '@backstage/plugin-scaffolder-common/alpha';

/**
 * What a signed-in user who is not a platform admin may do under one permission.
 *
 * - `allow`: every signed-in user.
 * - `owned-entity`: only on catalog entities the user owns (IS_ENTITY_OWNER with the user's
 *   ownership refs: the user and their groups).
 * - `own-task`: only on scaffolder tasks the user created (IS_TASK_OWNER with the user's ref).
 * - `admins`: platform admins only.
 */
export type StrataRule = 'allow' | 'owned-entity' | 'own-task' | 'admins';

/**
 * Permissions of catalog-edits (`@internal/plugin-catalog-edits-common`), named here so the
 * policy does not depend on that plugin: proposing a change opens a pull request against the
 * entity's catalog-info.yaml, which the owners review in Git.
 */
export const CATALOG_ENTITY_PROPOSE_EDIT = 'catalog.entity.propose-edit';

/** kubernetes-backend's proxy: arbitrary Kubernetes API calls, writes included. */
export const KUBERNETES_PROXY = 'kubernetes.proxy';

/**
 * Every permission the policy names, with its rule. A permission not listed here falls back
 * to {@link defaultRule}: reads are allowed, anything else is for admins only, so a new
 * plugin's mutating permission stays closed until it is reviewed and listed here.
 */
export const STRATA_RULES: Readonly<Record<string, StrataRule>> = {
  // Catalog: owners delete and refresh their own entities.
  [catalogEntityDeletePermission.name]: 'owned-entity',
  [catalogEntityRefreshPermission.name]: 'owned-entity',
  // Registering a catalog-info.yaml is how GitOps works (also the templates' last step). The
  // "Register existing component" page asks for catalog.entity.create before it shows its form.
  [catalogLocationCreatePermission.name]: 'allow',
  [catalogEntityCreatePermission.name]: 'allow',
  // A basic permission: the catalog asks without saying which location, so the policy cannot
  // tell whose it is. Unregistering a location deletes every entity it produced.
  [catalogLocationDeletePermission.name]: 'admins',
  // Dry runs of a registration and of an entity: nothing is written.
  [catalogLocationAnalyzePermission.name]: 'allow',
  [catalogEntityValidatePermission.name]: 'allow',
  [CATALOG_ENTITY_PROPOSE_EDIT]: 'allow',

  // Scaffolder: anyone runs templates; tasks are private to who started them.
  [taskCreatePermission.name]: 'allow',
  [templateParameterReadPermission.name]: 'allow',
  [templateStepReadPermission.name]: 'allow',
  [actionExecutePermission.name]: 'allow',
  [taskReadPermission.name]: 'own-task',
  [taskCancelPermission.name]: 'own-task',
  // The template editor: dry runs execute only actions that support dry runs, in a scratch
  // workspace, and publish nothing.
  [templateDryRunPermission.name]: 'allow',
  [templateManagementPermission.name]: 'allow',

  // Kubernetes: reads fall under the default; the proxy can change clusters.
  [KUBERNETES_PROXY]: 'admins',
};

/** The rule of a permission the table does not name. */
export function defaultRule(permission: {
  attributes: { action?: string };
}): StrataRule {
  return permission.attributes.action === 'read' ? 'allow' : 'admins';
}
