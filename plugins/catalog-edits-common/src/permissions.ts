import { createPermission } from '@backstage/plugin-permission-common';

/**
 * Allows proposing a change to a catalog entity. The change is never applied
 * directly: it becomes a pull request against the entity's catalog-info.yaml.
 */
export const catalogEntityProposeEditPermission = createPermission({
  name: 'catalog.entity.propose-edit',
  attributes: { action: 'update' },
  resourceType: 'catalog-entity',
});

/** Every permission of the catalog-edits plugin. */
export const catalogEditsPermissions = [catalogEntityProposeEditPermission];
