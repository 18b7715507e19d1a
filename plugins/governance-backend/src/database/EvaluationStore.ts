import type { CheckResult, Finding } from '@internal/plugin-governance-common';
import type { Entity } from '@backstage/catalog-model';
import { Knex } from 'knex';

const EVALUATIONS = 'governance_evaluations';

export type EvaluationTrigger = 'schedule' | 'catalog-change' | 'api';

/** Where each input came from: `ok`, or `unavailable: <why>` (the evaluation ran without it). */
export interface EvaluationSources {
  catalog: string;
  telemetry: string;
  deployments: string;
  /**
   * When telemetry is ok: `ok`, or why stale-declaration waits (telemetry has not yet watched
   * its whole window without interruption). Absent otherwise.
   */
  staleDeclaration?: string;
}

/** When an evaluation ran and what it read, without its (large) results. */
export interface EvaluationSummary {
  id: number;
  /** Epoch ms. */
  startedAt: number;
  /** Epoch ms. */
  finishedAt: number;
  trigger: EvaluationTrigger;
  catalogFingerprint: string;
  sources: EvaluationSources;
}

export interface Evaluation extends EvaluationSummary {
  findings: Finding[];
  checkResults: CheckResult[];
  /** The entities read, reduced to what scorecards and rollups group by (see skeletonOf). */
  entities: Entity[];
}

interface EvaluationRow {
  id: number;
  started_at: string | number;
  finished_at: string | number;
  trigger: string;
  catalog_fingerprint: string;
  sources: string;
  findings: string;
  check_results: string;
  entities: string;
}

const SUMMARY_COLUMNS = [
  'id',
  'started_at',
  'finished_at',
  'trigger',
  'catalog_fingerprint',
  'sources',
] as const;

/**
 * Finished evaluations. Readers ask for the latest one on every request, so it is cached by id:
 * a request costs one small query (the latest id) unless another replica has evaluated since.
 */
export class EvaluationStore {
  private cached?: Evaluation;

  constructor(private readonly db: Knex) {}

  async save(evaluation: Omit<Evaluation, 'id'>): Promise<Evaluation> {
    const [inserted] = await this.db<EvaluationRow>(EVALUATIONS)
      .insert({
        started_at: evaluation.startedAt,
        finished_at: evaluation.finishedAt,
        trigger: evaluation.trigger,
        catalog_fingerprint: evaluation.catalogFingerprint,
        sources: JSON.stringify(evaluation.sources),
        findings: JSON.stringify(evaluation.findings),
        check_results: JSON.stringify(evaluation.checkResults),
        entities: JSON.stringify(evaluation.entities),
      })
      .returning('id');
    const id = Number(typeof inserted === 'object' ? inserted.id : inserted);
    this.cached = { ...evaluation, id };
    return this.cached;
  }

  async latestSummary(): Promise<EvaluationSummary | undefined> {
    const row = await this.db<EvaluationRow>(EVALUATIONS)
      .select(...SUMMARY_COLUMNS)
      .orderBy('id', 'desc')
      .first();
    return row ? toSummary(row) : undefined;
  }

  async latest(): Promise<Evaluation | undefined> {
    const latest = await this.db<EvaluationRow>(EVALUATIONS)
      .max({ id: 'id' })
      .first();
    const id =
      latest?.id === null || latest?.id === undefined
        ? undefined
        : Number(latest.id);
    if (id === undefined) return undefined;
    if (this.cached?.id === id) return this.cached;
    const row = await this.db<EvaluationRow>(EVALUATIONS).where({ id }).first();
    if (!row) return undefined;
    this.cached = {
      ...toSummary(row),
      findings: JSON.parse(row.findings),
      checkResults: JSON.parse(row.check_results),
      entities: JSON.parse(row.entities),
    };
    return this.cached;
  }

  /** Deletes all but the newest `keep` evaluations; how many went. */
  async prune(keep: number): Promise<number> {
    const keepIds = await this.db<EvaluationRow>(EVALUATIONS)
      .orderBy('id', 'desc')
      .limit(keep)
      .pluck('id');
    if (keepIds.length < keep) return 0;
    return this.db<EvaluationRow>(EVALUATIONS)
      .where('id', '<', Math.min(...keepIds.map(Number)))
      .delete();
  }
}

function toSummary(
  row: Pick<EvaluationRow, (typeof SUMMARY_COLUMNS)[number]>,
): EvaluationSummary {
  return {
    id: Number(row.id),
    startedAt: Number(row.started_at),
    finishedAt: Number(row.finished_at),
    trigger: row.trigger as EvaluationTrigger,
    catalogFingerprint: row.catalog_fingerprint,
    sources: JSON.parse(row.sources),
  };
}
