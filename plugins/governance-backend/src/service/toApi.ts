import type {
  Evaluation,
  EvaluationSummary,
} from '../database/EvaluationStore';
import type { Waiver } from '../database/WaiverStore';
import type { OnDemandResult } from '../onDemand/OnDemandChecks';

const iso = (epochMs: number) => new Date(epochMs).toISOString();

export function toApiWaiver(waiver: Waiver, now: number) {
  return {
    ...waiver,
    createdAt: iso(waiver.createdAt),
    expiresAt: iso(waiver.expiresAt),
    expired: waiver.expiresAt <= now,
  };
}

/** Which evaluation an answer is from. */
export function toApiEvaluationRef(evaluation: EvaluationSummary) {
  return { id: evaluation.id, finishedAt: iso(evaluation.finishedAt) };
}

export function toApiEvaluationSummary(
  evaluation: Evaluation,
  openFindings: number,
) {
  return {
    id: evaluation.id,
    startedAt: iso(evaluation.startedAt),
    finishedAt: iso(evaluation.finishedAt),
    trigger: evaluation.trigger,
    sources: evaluation.sources,
    findings: evaluation.findings.length,
    openFindings,
    checkResults: evaluation.checkResults.length,
  };
}

/** An entity's checks run now because the latest evaluation has not seen it. */
export function toApiOnDemand(onDemand: Omit<OnDemandResult, 'results'>) {
  return {
    evaluatedAt: iso(onDemand.evaluatedAt),
    reason: onDemand.reason,
    ...(onDemand.nextEvaluationBy !== undefined && {
      nextEvaluationBy: iso(onDemand.nextEvaluationBy),
    }),
  };
}
