import { ResponseError } from '@backstage/errors';
import {
  CatalogFileInput,
  CatalogValidationResult,
  externalReferences,
  ValidateResponse,
  Violation,
} from '@internal/plugin-catalog-validation-common';
import { IoError } from './errors';
import {
  PortalOptions,
  portalClient,
  portalRefusal,
  reason,
} from './portalClient';

export type { PortalOptions } from './portalClient';

/** The portal's validation endpoint, which looks references up on the caller's behalf. */
export const VALIDATE_PATH = '/api/catalog-validation/validate';

// The endpoint's limits (catalog-validation-backend, src/validation/limits.ts).
const defaultMaxFiles = 200;
const defaultMaxBytes = 1024 * 1024;

/** The portal's validation of one request's worth of files, with references checked. */
async function validateInPortal(
  files: CatalogFileInput[],
  options: PortalOptions,
): Promise<ValidateResponse['violations']> {
  const request = `POST ${options.baseUrl}${VALIDATE_PATH}`;
  let body: Partial<ValidateResponse>;
  try {
    body = await portalClient(options).validate(
      {
        body: {
          files: files.map(file => ({ path: file.path, content: file.text })),
          checkReferences: true,
        },
      },
      { token: options.token },
    );
  } catch (e) {
    if (e instanceof IoError) {
      throw e;
    }
    if (e instanceof ResponseError) {
      throw portalRefusal(e, request, options);
    }
    throw new IoError(
      `the portal's answer to ${request} is not JSON: ${reason(e)}`,
    );
  }
  if (!Array.isArray(body?.violations)) {
    throw new IoError(
      `the portal's answer to ${request} is not a catalog-validation response`,
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
        violations.push({ ...violation, rule: 'missing-reference' });
      }
    }
  }
  return { checked: external.length, violations };
}
