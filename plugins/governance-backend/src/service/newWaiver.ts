import { InputError } from '@backstage/errors';
import type { CheckDefinition } from '@internal/plugin-governance-common';
import { tryNormalizeRef } from '@internal/plugin-service-model-common';
import type { Evaluation } from '../database/EvaluationStore';
import type { NewWaiver } from '../database/WaiverStore';

const DAY_MS = 24 * 3600_000;
/** An ISO 8601 date and time with a zone: a waiver's end must not depend on the server's zone. */
const ISO_WITH_ZONE =
  /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/;

export interface WaiverRequest {
  findingKey?: string;
  checkId?: string;
  entityRef?: string;
  reason: string;
  expiresAt: string;
}

/**
 * Checks a waiver request against what exists (a finding key of the latest evaluation, a known
 * check) and the expiry rule (in the future, at most `maxDays` ahead); a 400 naming the field
 * otherwise. A waiver for a finding that does not exist would silently waive nothing.
 */
export function validateWaiver(
  request: WaiverRequest,
  context: {
    approver: string;
    evaluation: Evaluation;
    checks: CheckDefinition[];
    maxDays: number;
    now: number;
  },
): NewWaiver {
  const { findingKey, checkId, entityRef } = request;
  const forFinding = findingKey !== undefined;
  const forCheck = checkId !== undefined || entityRef !== undefined;
  if (forFinding === forCheck) {
    throw new InputError(
      'Give either findingKey (a finding) or checkId and entityRef (a check on one entity), not both or neither',
    );
  }
  const reason = request.reason.trim();
  if (!reason) throw new InputError('reason: must not be blank');

  const expiresAt = parseExpiry(request.expiresAt, context);
  const base = { reason, approver: context.approver, expiresAt };

  if (forFinding) {
    if (!context.evaluation.findings.some(f => f.key === findingKey)) {
      throw new InputError(
        `findingKey: no finding with key '${findingKey}' in the latest evaluation (${context.evaluation.id}); GET /v1/findings lists them`,
      );
    }
    return { ...base, findingKey };
  }
  if (!checkId) throw new InputError('checkId: required with entityRef');
  if (!entityRef) throw new InputError('entityRef: required with checkId');
  if (!context.checks.some(c => c.id === checkId)) {
    throw new InputError(
      `checkId: unknown check '${checkId}'; the checks are ${context.checks
        .map(c => c.id)
        .join(', ')}`,
    );
  }
  const ref = tryNormalizeRef(entityRef, { defaultKind: 'component' });
  if (!ref) {
    throw new InputError(
      `entityRef: not an entity reference: '${entityRef}' (e.g. component:default/billing)`,
    );
  }
  return { ...base, checkId, entityRef: ref.toLocaleLowerCase('en-US') };
}

function parseExpiry(
  value: string,
  context: { maxDays: number; now: number },
): number {
  const time = ISO_WITH_ZONE.test(value) ? Date.parse(value) : NaN;
  if (Number.isNaN(time)) {
    throw new InputError(
      `expiresAt: not an ISO 8601 timestamp with a time zone (e.g. 2027-03-31T00:00:00Z), got '${value}'`,
    );
  }
  if (time <= context.now) {
    throw new InputError(`expiresAt: must be in the future, got ${value}`);
  }
  if (time > context.now + context.maxDays * DAY_MS) {
    throw new InputError(
      `expiresAt: at most ${context.maxDays} days ahead (governance.waivers.maxDays), got ${value}`,
    );
  }
  return time;
}
