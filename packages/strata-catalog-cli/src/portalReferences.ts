import {
  CatalogFileInput,
  CatalogValidationResult,
  externalReferences,
  ValidateRequest,
  ValidateResponse,
  Violation,
} from '@internal/plugin-catalog-validation-common';
import { IoError } from './errors';

export type PortalOptions = {
  /** The portal's base URL, e.g. https://portal.example.com */
  baseUrl: string;
  /** Sent as a bearer token. */
  token?: string;
  /** Files per request (the endpoint takes at most 200). */
  maxFiles?: number;
  /** UTF-8 bytes of file content per request (the endpoint takes at most 1 MiB). */
  maxBytes?: number;
  timeoutMs?: number;
  fetch?: typeof fetch;
};

/** The portal's validation endpoint, which looks references up on the caller's behalf. */
export const VALIDATE_PATH = '/api/catalog-validation/validate';

// The endpoint's limits (catalog-validation-backend, src/validation/limits.ts).
const defaultMaxFiles = 200;
const defaultMaxBytes = 1024 * 1024;
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
  body: ValidateRequest,
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
      body: JSON.stringify(body),
      signal: AbortSignal.timeout(options.timeoutMs ?? defaultTimeoutMs),
    });
  } catch (e) {
    throw new IoError(
      `cannot reach the portal at ${options.baseUrl}: ${reason(e)}`,
    );
  }
}

/** The message of a Backstage error body, if the answer is one. */
async function errorMessage(response: Response): Promise<string | undefined> {
  try {
    const body = (await response.json()) as { error?: { message?: unknown } };
    const message = body?.error?.message;
    return typeof message === 'string' ? message : undefined;
  } catch {
    return undefined;
  }
}

/** The portal's validation of one request's worth of files, with references checked. */
async function validateInPortal(
  files: CatalogFileInput[],
  options: PortalOptions,
): Promise<Violation[]> {
  const url = `${options.baseUrl}${VALIDATE_PATH}`;
  const response = await post(
    url,
    {
      files: files.map(file => ({ path: file.path, content: file.text })),
      checkReferences: true,
    },
    options,
  );
  if (response.status === 401 || response.status === 403) {
    throw new IoError(
      `the portal at ${options.baseUrl} refused the catalog request (HTTP ${
        response.status
      }): ${options.token ? 'check the token' : 'pass a token with --token'}`,
    );
  }
  if (!response.ok) {
    const message = await errorMessage(response);
    throw new IoError(
      `the portal answered HTTP ${response.status} to POST ${url}${
        message ? `: ${message}` : ''
      }`,
    );
  }
  let body: Partial<ValidateResponse>;
  try {
    body = (await response.json()) as Partial<ValidateResponse>;
  } catch (e) {
    throw new IoError(
      `the portal's answer to POST ${url} is not JSON: ${reason(e)}`,
    );
  }
  if (!Array.isArray(body?.violations)) {
    throw new IoError(
      `the portal's answer to POST ${url} is not a catalog-validation response`,
    );
  }
  return body.violations;
}

/** Splits files into requests within the endpoint's limits, in order. */
function batches(
  files: CatalogFileInput[],
  options: PortalOptions,
): CatalogFileInput[][] {
  const maxFiles = options.maxFiles ?? defaultMaxFiles;
  const maxBytes = options.maxBytes ?? defaultMaxBytes;
  const result: CatalogFileInput[][] = [];
  let current: CatalogFileInput[] = [];
  let bytes = 0;
  for (const file of files) {
    const size = new TextEncoder().encode(file.text).length;
    if (
      current.length > 0 &&
      (current.length >= maxFiles || bytes + size > maxBytes)
    ) {
      result.push(current);
      current = [];
      bytes = 0;
    }
    current.push(file);
    bytes += size;
  }
  if (current.length > 0) {
    result.push(current);
  }
  return result;
}

const at = (v: { file: string; line: number; column: number }) =>
  `${v.file}\u0000${v.line}\u0000${v.column}`;

/**
 * Checks every reference the validated entities make to entities outside the
 * validated files against the portal: the files that make such references
 * are sent to the portal's `POST /api/catalog-validation/validate` with
 * `checkReferences`, and its `missing-reference` violations are returned.
 * The portal looks the references up on the caller's behalf, so a CI token
 * restricted to catalog-validation is enough.
 */
export async function checkPortalReferences(
  inputs: CatalogFileInput[],
  result: CatalogValidationResult,
  options: PortalOptions,
): Promise<{ checked: number; violations: Violation[] }> {
  const external = externalReferences(result.entities);
  if (external.length === 0) {
    return { checked: 0, violations: [] };
  }
  // Where each outside reference is written: a file sent in one request may
  // refer to an entity declared in a file of another request, which the
  // portal cannot see; only violations at these places count.
  const targets = new Set(external);
  const places = new Set<string>();
  const referring = new Set<string>();
  for (const entity of result.entities) {
    for (const reference of entity.references) {
      if (reference.targetRef && targets.has(reference.targetRef)) {
        places.add(at(reference));
        referring.add(reference.file);
      }
    }
  }
  const violations: Violation[] = [];
  for (const batch of batches(
    inputs.filter(input => referring.has(input.path)),
    options,
  )) {
    for (const violation of await validateInPortal(batch, options)) {
      if (violation.rule === 'missing-reference' && places.has(at(violation))) {
        violations.push(violation);
      }
    }
  }
  return { checked: external.length, violations };
}
