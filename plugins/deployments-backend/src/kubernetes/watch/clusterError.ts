/*
 * What a failed list or watch means for the people looking at the card: the cluster is
 * unreachable, refuses our credentials (401), or lets us in but forbids a resource (403) — in a
 * sentence such as "403: the service account may not list pods in payments". Pure.
 *
 * Errors arrive in three shapes: a list's ListRequestError (`code`, `body` = the Status object as
 * text, as client-node's ApiException has them), client-node's Watch error (`statusCode`, no
 * body), and node's network errors (`code` = ECONNREFUSED, ENOTFOUND, …).
 */
import { ClusterState } from '@internal/plugin-deployments-common';

export type FailedClusterState = Exclude<ClusterState, 'ok' | 'syncing'>;

export interface ClusterFailure {
  state: FailedClusterState;
  message: string;
}

export interface RequestScope {
  verb: 'list' | 'watch';
  /** Plural resource name: pods, deployments, … */
  resource: string;
  /** Undefined for cluster-wide requests. */
  namespace?: string;
  server: string;
}

const NETWORK_CODES: Record<string, string> = {
  ECONNREFUSED: 'connection refused',
  ECONNRESET: 'connection reset',
  ENOTFOUND: 'host name not found',
  EAI_AGAIN: 'host name lookup failed',
  ETIMEDOUT: 'connection timed out',
  EHOSTUNREACH: 'host unreachable',
  ENETUNREACH: 'network unreachable',
  EPIPE: 'connection closed',
  UND_ERR_SOCKET: 'connection closed',
  UND_ERR_CONNECT_TIMEOUT: 'connection timed out',
  DEPTH_ZERO_SELF_SIGNED_CERT:
    'TLS: self-signed certificate (set caData or skipTLSVerify)',
  SELF_SIGNED_CERT_IN_CHAIN:
    'TLS: self-signed certificate in chain (set caData)',
  UNABLE_TO_VERIFY_LEAF_SIGNATURE:
    "TLS: cannot verify the server's certificate (set caData)",
  UNABLE_TO_GET_ISSUER_CERT_LOCALLY:
    'TLS: unknown certificate issuer (set caData)',
  CERT_HAS_EXPIRED: "TLS: the server's certificate has expired",
  ERR_TLS_CERT_ALTNAME_INVALID: 'TLS: the certificate does not name this host',
};

function httpStatusOf(err: any): number | undefined {
  if (typeof err?.code === 'number') return err.code;
  if (typeof err?.statusCode === 'number') return err.statusCode;
  return undefined;
}

function networkCodeOf(err: any): string | undefined {
  for (const candidate of [err?.code, err?.errno, err?.cause?.code]) {
    if (typeof candidate === 'string' && candidate) return candidate;
  }
  return undefined;
}

/** The Status object's `message`, when the error carries one. */
export function statusMessageOf(err: any): string | undefined {
  const body = err?.body;
  if (!body) return undefined;
  try {
    const status = typeof body === 'string' ? JSON.parse(body) : body;
    return typeof status?.message === 'string' ? status.message : undefined;
  } catch {
    return undefined;
  }
}

function where(scope: RequestScope, statusMessage?: string): string {
  const ns =
    scope.namespace ??
    /in the namespace "([^"]+)"/.exec(statusMessage ?? '')?.[1];
  return ns ? `in ${ns}` : 'cluster-wide';
}

export function classifyClusterError(
  err: unknown,
  scope: RequestScope,
): ClusterFailure {
  const status = httpStatusOf(err);
  const statusMessage = statusMessageOf(err);
  if (status === 401) {
    return {
      state: 'unauthenticated',
      message: `401: the API server at ${scope.server} refused the credentials (the service-account token is missing, expired or for another cluster)`,
    };
  }
  if (status === 403) {
    const user = /User "([^"]+)"/.exec(statusMessage ?? '')?.[1];
    return {
      state: 'forbidden',
      message: `403: the service account may not ${scope.verb} ${
        scope.resource
      } ${where(scope, statusMessage)}${user ? ` (${user})` : ''}`,
    };
  }
  if (status !== undefined) {
    return {
      state: 'unreachable',
      message: `the API server at ${scope.server} answered ${status} to ${
        scope.verb
      } ${scope.resource}${statusMessage ? `: ${statusMessage}` : ''}`,
    };
  }
  const code = networkCodeOf(err);
  const what = code
    ? NETWORK_CODES[code] ?? code
    : (err as Error)?.message ?? String(err);
  return {
    state: 'unreachable',
    message: `unreachable: ${what} (${scope.server})`,
  };
}
