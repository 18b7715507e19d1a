import {
  CatalogValidationResult,
  checkMissingReferences,
  externalReferences,
  Violation,
} from '@internal/plugin-catalog-validation-common';
import { IoError } from './errors';

export type PortalOptions = {
  /** The portal's base URL, e.g. https://portal.example.com */
  baseUrl: string;
  /** Sent as a bearer token. */
  token?: string;
  /** Entity refs per request. */
  batchSize?: number;
  timeoutMs?: number;
  fetch?: typeof fetch;
};

const defaultBatchSize = 100;
const defaultTimeoutMs = 30_000;

function reason(error: unknown): string {
  const e = error as {
    name?: string;
    message?: string;
    cause?: { code?: string; message?: string };
  };
  if (e?.name === 'TimeoutError') {
    return 'timed out';
  }
  return e?.cause?.code ?? e?.cause?.message ?? e?.message ?? String(error);
}

async function post(
  url: string,
  refs: string[],
  options: PortalOptions,
): Promise<Response> {
  const headers: Record<string, string> = {
    'content-type': 'application/json',
    accept: 'application/json',
  };
  if (options.token) {
    headers.authorization = `Bearer ${options.token}`;
  }
  try {
    return await (options.fetch ?? fetch)(url, {
      method: 'POST',
      headers,
      body: JSON.stringify({
        entityRefs: refs,
        fields: ['kind', 'metadata.namespace', 'metadata.name'],
      }),
      signal: AbortSignal.timeout(options.timeoutMs ?? defaultTimeoutMs),
    });
  } catch (e) {
    throw new IoError(
      `cannot reach the portal at ${options.baseUrl}: ${reason(e)}`,
    );
  }
}

/** Which of `refs` exist in one request's worth of the portal's catalog. */
async function existingInBatch(
  refs: string[],
  options: PortalOptions,
): Promise<string[]> {
  const url = `${options.baseUrl}/api/catalog/entities/by-refs`;
  const response = await post(url, refs, options);
  if (response.status === 401 || response.status === 403) {
    throw new IoError(
      `the portal at ${options.baseUrl} refused the catalog request (HTTP ${
        response.status
      }): ${options.token ? 'check the token' : 'pass a token with --token'}`,
    );
  }
  if (!response.ok) {
    throw new IoError(
      `the portal answered HTTP ${response.status} to POST ${url}`,
    );
  }
  let items: unknown;
  try {
    items = ((await response.json()) as { items?: unknown }).items;
  } catch (e) {
    throw new IoError(
      `the portal's answer to POST ${url} is not JSON: ${reason(e)}`,
    );
  }
  if (!Array.isArray(items) || items.length !== refs.length) {
    throw new IoError(
      `the portal's answer to POST ${url} is not a catalog by-refs response`,
    );
  }
  // The API answers in request order, with null for refs it does not know.
  return refs.filter((_, i) => items[i] !== null && items[i] !== undefined);
}

/** The refs among `refs` that exist in the portal, asked in batches. */
export async function findExistingEntities(
  refs: string[],
  options: PortalOptions,
): Promise<Set<string>> {
  const size = options.batchSize ?? defaultBatchSize;
  const existing = new Set<string>();
  for (let start = 0; start < refs.length; start += size) {
    for (const ref of await existingInBatch(
      refs.slice(start, start + size),
      options,
    )) {
      existing.add(ref);
    }
  }
  return existing;
}

/**
 * Checks every reference the validated entities make to entities outside the
 * validated files against the portal; one missing-reference violation per
 * reference to an entity that does not exist.
 */
export async function checkPortalReferences(
  result: CatalogValidationResult,
  options: PortalOptions,
): Promise<{ checked: number; violations: Violation[] }> {
  const refs = externalReferences(result.entities);
  const existing = await findExistingEntities(refs, options);
  return {
    checked: refs.length,
    violations: checkMissingReferences(result.entities, existing),
  };
}
