import { renderInTestApp } from '@backstage/frontend-test-utils';
import {
  EntityProvider,
  entityRouteRef,
} from '@backstage/plugin-catalog-react';
import { act, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { GovernanceApi, governanceApiRef } from '../../api';
import { component } from '../../__fixtures__/entities';
import { backendError, fakeGovernanceApi } from '../../__fixtures__/fakeApi';
import { checkoutOnDemand } from '../../__fixtures__/governance';
import { PendingNotice, untilInWords } from './PendingNotice';
import { PENDING_REFRESH_MS, ScorecardCard } from './ScorecardCard';

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

  it('shows an entity the latest evaluation has not seen as checked now, with the next evaluation due and the rest pending', async () => {
    const api = fakeGovernanceApi({
      getScorecards: async () => checkoutOnDemand,
    });
    await renderCard(api, 'checkout');

    const pending = await screen.findByTestId('scorecard-pending');
    expect(pending).toHaveTextContent(/^Not evaluated yet — next evaluation /);
    expect(pending).toHaveTextContent(
      'These checks ran just now from the catalog; traces, replicas and architecture findings come with that evaluation.',
    );
    expect(pending).toHaveTextContent(
      'component:default/checkout is newer than the latest evaluation (7',
    );
    // The level and the catalog's checks, as for an evaluated entity; the unknown check is
    // the next evaluation's, and says so.
    expect(screen.getByTestId('governance-level')).toHaveTextContent('Bronze');
    const checks = screen.getAllByTestId('scorecard-check');
    expect(checks.map(c => [c.dataset.check, c.dataset.state])).toEqual([
      ['has-runbook', 'failed'],
      ['emits-traces', 'unknown'],
      ['has-owner', 'passed'],
      ['has-slo', 'passed'],
    ]);
    expect(checks[1]).toHaveTextContent('Emits traces — Not evaluated yet');
    expect(checks[1]).toHaveTextContent(
      'comes with the next evaluation (hasTraces from telemetry)',
    );
    // No "None." for findings it has not been evaluated for.
    expect(screen.getByTestId('scorecard-findings-pending')).toHaveTextContent(
      'Not evaluated yet: architecture findings need the whole catalog graph and come with the next evaluation.',
    );
    expect(screen.getByTestId('scorecard-findings')).not.toHaveTextContent(
      'None.',
    );
    expect(screen.queryByText(/Could not load/)).toBeNull();
  });

  it('words when the next evaluation is due', async () => {
    const now = Date.parse('2026-12-02T07:45:00Z');
    expect(untilInWords('2026-12-02T07:46:00Z', now)).toBe('in about 60 s');
    expect(untilInWords('2026-12-02T07:50:00Z', now)).toBe('in about 5 min');
    expect(untilInWords('2026-12-02T07:45:03Z', now)).toBe('any moment now');
    expect(untilInWords('2026-12-02T07:44:00Z', now)).toBe('any moment now');
    await renderInTestApp(
      <PendingNotice
        onDemand={{ evaluatedAt: '2026-12-02T07:45:00Z', reason: 'r' }}
        now={now}
      />,
    );
    expect(screen.getByTestId('scorecard-pending')).toHaveTextContent(
      'Not evaluated yet — it comes with the next scheduled evaluation.',
    );
  });

  it('asks again while the entity waits for its evaluation, and shows the evaluated card when it comes', async () => {
    jest.useFakeTimers({
      doNotFake: ['queueMicrotask', 'nextTick', 'setImmediate'],
    });
    try {
      const evaluated = await fakeGovernanceApi().getScorecards({ owner: 'x' });
      const api = fakeGovernanceApi({
        getScorecards: async () => checkoutOnDemand,
      });
      await renderCard(api, 'checkout');
      expect(
        await screen.findByTestId('scorecard-pending'),
      ).toBeInTheDocument();
      api.getScorecards.mockImplementation(async () => evaluated);
      await act(async () => {
        jest.advanceTimersByTime(PENDING_REFRESH_MS);
      });
      await waitFor(() =>
        expect(screen.queryByTestId('scorecard-pending')).toBeNull(),
      );
      expect(screen.getByTestId('governance-level')).toHaveTextContent(
        'Silver',
      );
      expect(api.getScorecards).toHaveBeenCalledTimes(2);
    } finally {
      jest.useRealTimers();
    }
  });
});
