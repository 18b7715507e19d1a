import { createPermission } from '@backstage/plugin-permission-common';

/** Recording deployment and incident events (CD systems, incident tools, scripts). */
export const deploymentsEventCreatePermission = createPermission({
  name: 'deployments.event.create',
  attributes: { action: 'create' },
});

/** Every permission of the deployments plugin. */
export const deploymentsPermissions = [deploymentsEventCreatePermission];
