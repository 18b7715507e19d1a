import { LoggerService } from '@backstage/backend-plugin-api';
import {
  evaluateChecks,
  evaluateFindings,
  Finding,
  GovernanceConfig,
  GovernanceInput,
  scorecard,
} from '@internal/plugin-governance-common';
import {
  Evaluation,
  EvaluationStore,
  EvaluationTrigger,
} from '../database/EvaluationStore';
import { HistoryStore } from '../database/HistoryStore';
import { SourceAvailabilityStore } from '../database/SourceAvailabilityStore';
import { WaiverStore } from '../database/WaiverStore';
import { CatalogInput } from '../inputs/catalogInput';
import { readWorkloads, StatusReader } from '../inputs/deploymentsInput';
import { optionalSource, sourceStatus } from '../inputs/source';
import {
  EdgesReader,
  readTelemetry,
  ServicesReader,
  TelemetryWindow,
} from '../inputs/telemetryInput';
import { historyCounts, utcDay } from './historyCounts';
import { skeletonOf } from './skeleton';
import { staleDeclarationGate } from './staleGate';
import { applyCheckWaivers, WaiverIndex } from './waivers';

const DAY_MS = 24 * 3600_000;

export interface EvaluatorOptions {
  catalog: CatalogInput;
  /** Telemetry's edge report; undefined when the backend has no way to reach it. */
  edges?: EdgesReader;
  /** Telemetry's list of the services that sent spans (the services with traces). */
  services?: ServicesReader;
  /** Deployments' status per service. */
  deploymentStatus?: StatusReader;
  evaluations: EvaluationStore;
  history: HistoryStore;
  waivers: WaiverStore;
  /** Since when telemetry has answered without interruption (gates stale-declaration). */
  availability: SourceAvailabilityStore;
  governance: GovernanceConfig;
  telemetryWindow: TelemetryWindow;
  retention: { evaluations: number; historyDays: number };
  logger: LoggerService;
  now?: () => number;
}

/**
 * One evaluation: read the inputs (the catalog must answer; telemetry and deployments may be
 * missing, and the record says so), run the rules and checks, store the result, the day's
 * counts for trends, and prune by retention.
 */
export class Evaluator {
  private running?: Promise<Evaluation>;
  private readonly now: () => number;

  constructor(private readonly options: EvaluatorOptions) {
    this.now = options.now ?? Date.now;
  }

  /**
   * Evaluates. A scheduled or change-triggered call while one runs on this replica joins it; a
   * request from the API waits for it and then evaluates afresh, because the caller asked for
   * an evaluation of the catalog as it is now, not as it was when the running one started.
   */
  run(trigger: EvaluationTrigger): Promise<Evaluation> {
    const running = this.running;
    if (running && trigger !== 'api') return running;
    const next = (running ? running.catch(() => undefined) : Promise.resolve())
      .then(() => this.evaluate(trigger))
      .finally(() => {
        if (this.running === next) this.running = undefined;
      });
    this.running = next;
    return next;
  }

  /** Evaluates when the catalog differs from what the latest evaluation read (or none ran yet). */
  async runIfCatalogChanged(): Promise<Evaluation | undefined> {
    const [fingerprint, latest] = await Promise.all([
      this.options.catalog.fingerprint(),
      this.options.evaluations.latestSummary(),
    ]);
    if (latest?.catalogFingerprint === fingerprint) return undefined;
    return this.run('catalog-change');
  }

  private async evaluate(trigger: EvaluationTrigger): Promise<Evaluation> {
    const { options } = this;
    const startedAt = this.now();
    const { entities, fingerprint } = await options.catalog.readAll();

    const telemetry = await optionalSource('telemetry', async () => {
      if (!options.edges || !options.services) {
        throw new Error('no client configured');
      }
      return readTelemetry(
        { edges: options.edges, services: options.services },
        options.telemetryWindow,
      );
    });
    const components = entities
      .filter(e => e.kind.toLocaleLowerCase('en-US') === 'component')
      .map(e =>
        `component:${e.metadata.namespace ?? 'default'}/${
          e.metadata.name
        }`.toLocaleLowerCase('en-US'),
      );
    const workloads = await optionalSource('deployments', async () => {
      if (!options.deploymentStatus) throw new Error('no client configured');
      return readWorkloads(options.deploymentStatus, components);
    });

    const stale = await this.staleDeclarationStatus(telemetry.status === 'ok');

    const input: GovernanceInput = {
      entities,
      ...(telemetry.status === 'ok' && {
        ...telemetry.data,
        // Without the field the rule does not run (rather than finding nothing stale).
        unobservedDeclarations: stale?.open
          ? telemetry.data.unobservedDeclarations
          : undefined,
      }),
      ...(workloads.status === 'ok' && { workloads: workloads.data }),
      options: options.governance.options,
    };
    const findings = evaluateFindings(input);
    const waivers = new WaiverIndex(await options.waivers.list());
    const open = findings.filter(f => !waivers.forFinding(f.key));
    const checkResults = evaluateChecks(input, options.governance.checks, open);

    const evaluation = await options.evaluations.save({
      startedAt,
      finishedAt: this.now(),
      trigger,
      catalogFingerprint: fingerprint,
      sources: {
        catalog: 'ok',
        telemetry: sourceStatus(telemetry),
        deployments: sourceStatus(workloads),
        ...(stale && { staleDeclaration: stale.status }),
      },
      findings,
      checkResults,
      entities: entities.map(skeletonOf),
    });
    await this.recordHistory(evaluation, open, waivers);
    this.options.logger.info(
      `Governance evaluation ${evaluation.id} (${trigger}): ${
        entities.length
      } entities, ${findings.length} findings (${open.length} open), ${
        checkResults.length
      } check results in ${evaluation.finishedAt - startedAt} ms; telemetry ${
        evaluation.sources.telemetry
      }; deployments ${evaluation.sources.deployments}`,
    );
    return evaluation;
  }

  /**
   * Telemetry's uninterrupted availability, kept in the database: the first evaluation that
   * reads telemetry starts it, one that cannot ends it. Undefined when telemetry is unavailable
   * (its own source status says why, and the rule does not run).
   */
  private async staleDeclarationStatus(telemetryOk: boolean) {
    const { availability, telemetryWindow } = this.options;
    if (!telemetryOk) {
      await availability.unavailable('telemetry');
      return undefined;
    }
    const now = this.now();
    const since = await availability.available('telemetry', now);
    return staleDeclarationGate(telemetryWindow, since, now);
  }

  private async recordHistory(
    evaluation: Evaluation,
    open: Finding[],
    waivers: WaiverIndex,
  ): Promise<void> {
    const { history, evaluations, retention, governance } = this.options;
    const scores = scorecard(
      applyCheckWaivers(evaluation.checkResults, waivers),
      governance.levels,
    );
    await history.recordDay(
      utcDay(evaluation.finishedAt),
      historyCounts(open, scores),
    );
    await history.pruneBefore(
      utcDay(evaluation.finishedAt - retention.historyDays * DAY_MS),
    );
    await evaluations.prune(retention.evaluations);
  }
}
