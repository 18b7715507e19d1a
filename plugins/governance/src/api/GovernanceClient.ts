import { DiscoveryApi, FetchApi } from '@backstage/frontend-plugin-api';
import { GovernanceApiClient } from '@internal/plugin-governance-common';
import { GovernanceApi, ScorecardQuery } from './GovernanceApi';
import {
  FindingQuery,
  HistoryDimension,
  NewWaiver,
  RollupDimension,
} from './types';

/**
 * {@link GovernanceApi} over HTTP with the signed-in user's token, through the client generated
 * from the backend's OpenAPI spec (non-2xx answers are `ResponseError`s carrying the backend's
 * message). This adapter only shapes plain arguments into the generated client's requests.
 */
export class GovernanceClient implements GovernanceApi {
  private readonly client: GovernanceApiClient;

  constructor(options: { discoveryApi: DiscoveryApi; fetchApi: FetchApi }) {
    this.client = new GovernanceApiClient(options);
  }

  getFindings(query: FindingQuery = {}) {
    // Empty filters are "any", not "the empty string".
    const set = Object.fromEntries(
      Object.entries(query).filter(([, value]) => value),
    );
    return this.client.listFindings({ query: set });
  }

  getChecks() {
    return this.client.listChecks();
  }

  getScorecards(query: ScorecardQuery) {
    return this.client.listScorecards({ query });
  }

  getRollups(by: RollupDimension) {
    return this.client.listRollups({ query: { by } });
  }

  getHistory(dimension: HistoryDimension, days?: number) {
    return this.client.getHistory({ query: { dimension, days } });
  }

  getWaivers(includeExpired?: boolean) {
    return this.client.listWaivers({
      query: includeExpired ? { includeExpired } : {},
    });
  }

  createWaiver(waiver: NewWaiver) {
    return this.client.createWaiver({ body: waiver });
  }

  deleteWaiver(id: string) {
    return this.client.deleteWaiver({ path: { id } });
  }

  getLatestEvaluation() {
    return this.client.getLatestEvaluation();
  }
}
