import { renderInTestApp } from '@backstage/frontend-test-utils';
import {
  EntityProvider,
  entityRouteRef,
} from '@backstage/plugin-catalog-react';
import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { GovernanceApi, governanceApiRef } from '../../api';
import { component } from '../../__fixtures__/entities';
import { backendError, fakeGovernanceApi } from '../../__fixtures__/fakeApi';
import { ScorecardCard } from './ScorecardCard';

async function renderCard(api: GovernanceApi, name = 'billing') {
  return renderInTestApp(
    <EntityProvider entity={component(name)}>
      <ScorecardCard />
    </EntityProvider>,
    {
      apis: [[governanceApiRef, api]],
      mountedRoutes: { '/catalog/:namespace/:kind/:name': entityRouteRef },
    },
  );
}

describe('ScorecardCard', () => {
  it('shows the level, each check with evidence (failures first, with the fix) and the findings', async () => {
    const api = fakeGovernanceApi({
      getScorecards: async () => ({
        evaluation: { id: 7, finishedAt: '2026-12-02T07:40:00Z' },
        items: [
          {
            ...(await fakeGovernanceApi().getScorecards({ owner: 'x' }))
              .items[0],
          },
        ],
      }),
    });
    await renderCard(api);

    expect(
      await screen.findByRole('heading', { name: 'Scorecard' }),
    ).toBeInTheDocument();
    const level = await screen.findByTestId('scorecard-level');
    expect(within(level).getByTestId('governance-level')).toHaveTextContent(
      'Silver',
    );
    expect(level).toHaveTextContent(
      '3 of 4 checks passed · Gold needs: Runbook linked',
    );
    expect(api.getScorecards).toHaveBeenCalledWith({
      entityRef: 'component:default/billing',
    });
    expect(api.getFindings).toHaveBeenCalledWith({
      entityRef: 'component:default/billing',
    });

    const checks = screen.getAllByTestId('scorecard-check');
    expect(checks.map(c => [c.dataset.check, c.dataset.state])).toEqual([
      ['has-runbook', 'failed'],
      ['has-owner', 'passed'],
      ['has-slo', 'passed'],
      ['emits-traces', 'passed'],
    ]);
    expect(checks[0]).toHaveTextContent('Runbook linked — Failed');
    expect(checks[0]).toHaveTextContent(
      'no link title matches "runbook" (links: Dashboard)',
    );
    expect(checks[0]).toHaveTextContent(
      'How to fix: Add a link titled Runbook under metadata.links.',
    );
    expect(checks[1]).toHaveTextContent('Owner exists — Passed');
    expect(checks[1]).toHaveTextContent(
      'spec.owner = group:default/billing (exists)',
    );
    expect(checks[1]).not.toHaveTextContent('How to fix');

    const findings = screen.getAllByTestId('scorecard-finding');
    expect(findings).toHaveLength(1);
    expect(findings[0]).toHaveTextContent(
      'Database shared by several services: legacy-db is used by 3 services: admin, billing and user-management — Give legacy-db to one service',
    );
  });

  it('marks unknown and waived checks as such', async () => {
    const api = fakeGovernanceApi({
      getScorecards: async () => ({
        evaluation: { id: 7, finishedAt: '2026-12-02T07:40:00Z' },
        items: [
          {
            entityRef: 'component:default/billing',
            level: null,
            passed: 0,
            total: 1,
            failing: [],
            next: { level: 'bronze', failing: ['has-owner'] },
            results: [
              {
                checkId: 'emits-traces',
                passed: false,
                unknown: true,
                evidence: 'telemetry is not installed',
                waived: false,
              },
              {
                checkId: 'has-runbook',
                passed: true,
                evidence: 'no runbook link',
                waived: true,
                waiver: {
                  id: 'w-3',
                  checkId: 'has-runbook',
                  entityRef: 'component:default/billing',
                  reason: 'Runbook is in the wiki migration',
                  approver: 'user:default/ana-garcia',
                  createdAt: '2026-11-01T00:00:00Z',
                  expiresAt: '2027-02-01T23:59:59Z',
                  expired: false,
                },
              },
            ],
          },
        ],
      }),
      getFindings: async () => ({
        evaluation: { id: 7, finishedAt: '' },
        items: [],
      }),
    });
    await renderCard(api);
    const checks = await screen.findAllByTestId('scorecard-check');
    expect(checks.map(c => c.dataset.state)).toEqual(['unknown', 'waived']);
    expect(checks[0]).toHaveTextContent('Emits traces — Not known');
    expect(checks[0]).toHaveTextContent('telemetry is not installed');
    expect(checks[1]).toHaveTextContent(
      'Waived until 2027-02-01: Runbook is in the wiki migration',
    );
    expect(screen.getByTestId('governance-level')).toHaveTextContent(
      'No level',
    );
    expect(screen.getByTestId('scorecard-findings')).toHaveTextContent('None.');
  });

  it('says when no check applies to the entity', async () => {
    const api = fakeGovernanceApi({
      getScorecards: async () => ({
        evaluation: { id: 7, finishedAt: '' },
        items: [],
      }),
    });
    await renderCard(api, 'utils');
    expect(await screen.findByTestId('scorecard-none')).toHaveTextContent(
      'No check applies to this entity',
    );
  });

  it("says why the scorecard cannot be loaded, with the backend's message, and retries", async () => {
    const api = fakeGovernanceApi();
    api.getScorecards.mockImplementationOnce(async () => {
      throw await backendError(
        400,
        'InputError',
        'entityRef: not a valid entity reference',
      );
    });
    await renderCard(api);
    expect(
      await screen.findByText('Could not load the scorecard'),
    ).toBeInTheDocument();
    expect(
      screen.getByText('400: entityRef: not a valid entity reference'),
    ).toBeInTheDocument();
    expect(
      screen.getByText(
        'The governance backend refused the request; its message names the field.',
      ),
    ).toBeInTheDocument();
    await userEvent.click(screen.getByRole('button', { name: 'Retry' }));
    expect(await screen.findByTestId('scorecard-level')).toBeInTheDocument();
  });
});
