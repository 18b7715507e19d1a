import { ResponseError } from '@backstage/errors';
import { GovernanceApi } from '../api';
import {
  billingScorecards,
  checkWaiver,
  checks,
  findings,
  history,
  orgRollup,
  ownerRollups,
  systemRollups,
  waiver,
} from './governance';

/** A GovernanceApi answering the fixtures; each method a jest.fn to override or inspect. */
export function fakeGovernanceApi(
  overrides: Partial<GovernanceApi> = {},
): jest.Mocked<GovernanceApi> {
  const api: GovernanceApi = {
    getFindings: async query => ({
      ...findings,
      items: findings.items.filter(
        f =>
          (!query?.rule || f.rule === query.rule) &&
          (!query?.owner || f.owners.includes(query.owner)) &&
          (!query?.namespace || f.namespaces.includes(query.namespace)) &&
          (!query?.entityRef || f.entityRefs.includes(query.entityRef)),
      ),
    }),
    getChecks: async () => checks,
    getScorecards: async () => billingScorecards,
    getRollups: async by =>
      ({ organisation: orgRollup, owner: ownerRollups, system: systemRollups }[
        by
      ]),
    getHistory: async () => history,
    getWaivers: async includeExpired => ({
      items: includeExpired ? [waiver, checkWaiver] : [waiver],
    }),
    createWaiver: async body => ({
      ...waiver,
      id: 'w-new',
      ...body,
      approver: 'user:default/guest',
    }),
    deleteWaiver: async () => undefined,
    getLatestEvaluation: async () => ({
      id: 7,
      startedAt: '2026-12-02T07:39:58Z',
      finishedAt: '2026-12-02T07:40:00Z',
      trigger: 'schedule',
      sources: {
        catalog: 'ok',
        telemetry: 'ok',
        deployments: 'unavailable: not installed',
      },
      findings: 2,
      openFindings: 1,
      checkResults: 48,
    }),
    ...overrides,
  };
  for (const key of Object.keys(api) as Array<keyof GovernanceApi>) {
    (api as any)[key] = jest.fn(api[key] as any);
  }
  return api as jest.Mocked<GovernanceApi>;
}

/** A ResponseError as the generated client throws it for a backend error in Backstage's shape. */
export async function backendError(
  status: number,
  name: string,
  message: string,
) {
  return ResponseError.fromResponse(
    new Response(
      JSON.stringify({
        error: { name, message },
        response: { statusCode: status },
      }),
      { status, headers: { 'content-type': 'application/json' } },
    ),
  );
}
