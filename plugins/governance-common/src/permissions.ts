import { createPermission } from '@backstage/plugin-permission-common';

/** Waiving a finding or a check result (reason, approver, expiry): platform admins. */
export const governanceWaiverCreatePermission = createPermission({
  name: 'governance.waiver.create',
  attributes: { action: 'create' },
});

/** Revoking a waiver before it expires: platform admins. */
export const governanceWaiverDeletePermission = createPermission({
  name: 'governance.waiver.delete',
  attributes: { action: 'delete' },
});

/** Triggering an evaluation now instead of waiting for the schedule. */
export const governanceEvaluatePermission = createPermission({
  name: 'governance.evaluation.create',
  attributes: { action: 'create' },
});

/** Every permission of the governance plugin. */
export const governancePermissions = [
  governanceWaiverCreatePermission,
  governanceWaiverDeletePermission,
  governanceEvaluatePermission,
];
