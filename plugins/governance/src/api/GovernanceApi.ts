import { createApiRef } from '@backstage/frontend-plugin-api';
import {
  CheckList,
  EvaluationSummary,
  FindingList,
  FindingQuery,
  HistoryAnswer,
  HistoryDimension,
  NewWaiver,
  RollupDimension,
  RollupList,
  ScorecardList,
  WaiverItem,
  WaiverList,
} from './types';

/** Whose scorecards: one entity's, or every entity a team owns. */
export type ScorecardQuery = { entityRef: string } | { owner: string };

/** Talks to the governance backend (`/api/governance`). Errors are `ResponseError`s. */
export interface GovernanceApi {
  /** The latest evaluation's findings, filtered by rule, entity, owner or namespace. */
  getFindings(query?: FindingQuery): Promise<FindingList>;
  /** The checks and the levels built from them. */
  getChecks(): Promise<CheckList>;
  getScorecards(query: ScorecardQuery): Promise<ScorecardList>;
  getRollups(by: RollupDimension): Promise<RollupList>;
  /** Daily counts per rule, owner or level, for the last `days` days. */
  getHistory(
    dimension: HistoryDimension,
    days?: number,
  ): Promise<HistoryAnswer>;
  getWaivers(includeExpired?: boolean): Promise<WaiverList>;
  /** Needs `governance.waiver.create`; the signed-in user is the approver. */
  createWaiver(waiver: NewWaiver): Promise<WaiverItem>;
  /** Needs `governance.waiver.delete`. */
  deleteWaiver(id: string): Promise<void>;
  getLatestEvaluation(): Promise<EvaluationSummary>;
}

/** `plugin.governance.service`: the {@link GovernanceApi}. */
export const governanceApiRef = createApiRef<GovernanceApi>({
  id: 'plugin.governance.service',
});
