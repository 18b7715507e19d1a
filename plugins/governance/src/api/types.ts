import type { GovernanceApiClient } from '@internal/plugin-governance-common';

/*
 * The answers of the governance backend, as its generated client types them. Derived from the
 * client's methods rather than restated, so a change of the backend's spec reaches the page and
 * the card at compile time.
 */
type Answer<M extends keyof GovernanceApiClient> =
  GovernanceApiClient[M] extends (...args: any[]) => Promise<infer R>
    ? R
    : never;
type RequestOf<M extends keyof GovernanceApiClient> =
  GovernanceApiClient[M] extends (request: infer Q, ...rest: any[]) => any
    ? Q
    : never;

export type FindingList = Answer<'listFindings'>;
export type FindingItem = FindingList['items'][number];
export type CheckList = Answer<'listChecks'>;
export type CheckItem = CheckList['items'][number];
export type LevelItem = CheckList['levels'][number];
export type ScorecardList = Answer<'listScorecards'>;
export type ScorecardItem = ScorecardList['items'][number];
export type CheckResultItem = ScorecardItem['results'][number];
export type RollupList = Answer<'listRollups'>;
export type RollupItem = RollupList['items'][number];
export type HistoryAnswer = Answer<'getHistory'>;
export type WaiverList = Answer<'listWaivers'>;
export type WaiverItem = WaiverList['items'][number];
export type EvaluationSummary = Answer<'getLatestEvaluation'>;

export type FindingQuery = NonNullable<
  NonNullable<RequestOf<'listFindings'>>['query']
>;
export type RollupDimension = RequestOf<'listRollups'>['query']['by'];
export type HistoryDimension = RequestOf<'getHistory'>['query']['dimension'];
export type NewWaiver = RequestOf<'createWaiver'>['body'];
