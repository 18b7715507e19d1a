/*
 * Status objects exactly as kube-apiserver writes them (field order included), for the errors
 * the fake serves.
 */

export interface StatusBody {
  kind: 'Status';
  apiVersion: 'v1';
  metadata: Record<string, unknown>;
  status: 'Failure';
  message: string;
  reason: string;
  details?: Record<string, unknown>;
  code: number;
}

export function unauthorizedStatus(): StatusBody {
  return {
    kind: 'Status',
    apiVersion: 'v1',
    metadata: {},
    status: 'Failure',
    message: 'Unauthorized',
    reason: 'Unauthorized',
    code: 401,
  };
}

export function forbiddenStatus(options: {
  user: string;
  verb: string;
  resource: string;
  group: string;
  namespace?: string;
}): StatusBody {
  const { user, verb, resource, group, namespace } = options;
  const qualified = group ? `${resource}.${group}` : resource;
  const scope = namespace
    ? `in the namespace "${namespace}"`
    : 'at the cluster scope';
  return {
    kind: 'Status',
    apiVersion: 'v1',
    metadata: {},
    status: 'Failure',
    message: `${qualified} is forbidden: User "${user}" cannot ${verb} resource "${resource}" in API group "${group}" ${scope}`,
    reason: 'Forbidden',
    details: group ? { group, kind: resource } : { kind: resource },
    code: 403,
  };
}

export function notFoundStatus(
  resource: string,
  group: string,
  name: string,
): StatusBody {
  const qualified = group ? `${resource}.${group}` : resource;
  return {
    kind: 'Status',
    apiVersion: 'v1',
    metadata: {},
    status: 'Failure',
    message: `${qualified} "${name}" not found`,
    reason: 'NotFound',
    details: group ? { name, group, kind: resource } : { name, kind: resource },
    code: 404,
  };
}

/** A watch from a compacted resourceVersion: sent as the object of a watch ERROR event. */
export function watchExpiredStatus(
  requested: string,
  oldest: number,
): StatusBody {
  return {
    kind: 'Status',
    apiVersion: 'v1',
    metadata: {},
    status: 'Failure',
    message: `too old resource version: ${requested} (${oldest})`,
    reason: 'Expired',
    code: 410,
  };
}

/** A list at a compacted resourceVersion. */
export function listExpiredStatus(): StatusBody {
  return {
    kind: 'Status',
    apiVersion: 'v1',
    metadata: {},
    status: 'Failure',
    message: 'The resourceVersion for the provided list is too old.',
    reason: 'Expired',
    code: 410,
  };
}

/** A continue token whose snapshot was compacted. */
export function continueExpiredStatus(): StatusBody {
  return {
    kind: 'Status',
    apiVersion: 'v1',
    metadata: {},
    status: 'Failure',
    message:
      'The provided continue parameter is too old to display a consistent list result. You can start a new list without the continue parameter, or use the continue token in this response to retrieve the remainder of the results. Continuing with the provided token results in an inconsistent list - objects that were created, modified, or deleted between the time the first chunk was returned and now may show up in the list.',
    reason: 'Expired',
    code: 410,
  };
}
