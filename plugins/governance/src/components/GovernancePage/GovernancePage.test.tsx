import { mockApis, renderInTestApp } from '@backstage/frontend-test-utils';
import { entityRouteRef } from '@backstage/plugin-catalog-react';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import {
  configure,
  fireEvent,
  screen,
  waitFor,
  within,
} from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useLocation } from 'react-router-dom';
import { SWRConfig } from 'swr';
import { GovernanceApi, governanceApiRef } from '../../api';
import { backendError, fakeGovernanceApi } from '../../__fixtures__/fakeApi';
import { GovernancePage } from './GovernancePage';

// The permission checks answer after the findings render, and the jest stage runs many suites at
// once on two cores: give findBy/waitFor 10 s instead of 1 s rather than race the page.
configure({ asyncUtilTimeout: 10_000 });

/** Shows the page's query string, to check what a shared link would carry. */
function Search() {
  return <output aria-label="search">{useLocation().search}</output>;
}

async function renderPage(
  api: GovernanceApi,
  options: { url?: string; allow?: boolean } = {},
) {
  return renderInTestApp(
    // usePermission caches answers in SWR's global cache: a fresh cache per render, so a test
    // that allows is never answered from an earlier test's denial.
    <SWRConfig value={{ provider: () => new Map() }}>
      <GovernancePage />
      <Search />
    </SWRConfig>,
    {
      apis: [
        [governanceApiRef, api],
        mockApis.permission({
          authorize: options.allow
            ? AuthorizeResult.ALLOW
            : AuthorizeResult.DENY,
        }),
      ],
      initialRouteEntries: [options.url ?? '/governance'],
      mountPath: '/governance',
      mountedRoutes: { '/catalog/:namespace/:kind/:name': entityRouteRef },
    },
  );
}

function findingOf(rule: string) {
  return screen
    .getAllByTestId('governance-finding')
    .find(el => el.getAttribute('data-rule') === rule)!;
}

describe('GovernancePage', () => {
  it('shows levels, the shared database with its three services, trends and waivers', async () => {
    const api = fakeGovernanceApi();
    await renderPage(api);

    expect(
      await screen.findByTestId('governance-organisation'),
    ).toHaveTextContent(
      'Organisation: 12 entities — Gold 1 · Silver 4 · Bronze 5 · no level 2. Checks passed: 63%. Open findings: 5.',
    );
    expect(screen.getByTestId('governance-evaluation')).toHaveTextContent(
      'Evaluated 2026-12-02 07:40 UTC (schedule); catalog: ok; telemetry: ok; deployments: unavailable: not installed.',
    );
    const teams = screen.getByRole('table', { name: 'Levels by team' });
    const billingRow = within(teams)
      .getAllByTestId('governance-rollup-row')
      .find(row => row.getAttribute('data-key') === 'group:default/billing')!;
    expect(
      within(billingRow)
        .getAllByRole('cell')
        .map(cell => cell.textContent),
    ).toEqual(['billing', '2', '0', '1', '1', '0', '63% (5/8)', '1']);

    await screen.findByTestId('governance-findings-count');
    expect(screen.getByTestId('governance-findings-count')).toHaveTextContent(
      '2 findings (1 waived)',
    );
    const shared = findingOf('shared-database');
    expect(
      within(shared).getByRole('heading', {
        name: 'Database shared by several services',
      }),
    ).toBeInTheDocument();
    expect(
      within(shared).getByTestId('governance-finding-message'),
    ).toHaveTextContent(
      'legacy-db is used by 3 services: admin, billing and user-management',
    );
    const entities = within(shared).getByTestId('governance-finding-entities');
    for (const name of ['user-management', 'billing', 'admin']) {
      expect(within(entities).getByRole('link', { name })).toHaveAttribute(
        'href',
        `/catalog/default/component/${name}`,
      );
    }
    expect(
      within(entities).getByRole('link', { name: 'resource:legacy-db' }),
    ).toHaveAttribute('href', '/catalog/default/resource/legacy-db');
    expect(shared).toHaveTextContent(
      'Why it matters: A database used by more than one service',
    );
    expect(shared).toHaveTextContent(
      'How to fix: Give legacy-db to one service',
    );

    const waived = findingOf('topic-without-consumer');
    expect(within(waived).getByText('Waived')).toBeInTheDocument();
    expect(
      within(waived).getByTestId('governance-finding-waiver'),
    ).toHaveTextContent(
      'Waived by user:default/ana-garcia until 2027-01-31: The audit consumer lands next sprint',
    );

    // Without the permissions: no Waive or Delete buttons.
    expect(
      screen.queryByRole('button', { name: 'Waive…' }),
    ).not.toBeInTheDocument();
    expect(await screen.findAllByTestId('governance-waiver')).toHaveLength(1);
    expect(
      screen.queryByRole('button', { name: /Delete the waiver/ }),
    ).not.toBeInTheDocument();

    expect(
      await screen.findByTestId('governance-trend-total'),
    ).toHaveTextContent('2, down 2 since 2026-11-30');
    expect(
      screen.getByRole('img', {
        name: 'Topic nobody consumes: 1, down 2 since 2026-11-30',
      }),
    ).toBeInTheDocument();
    expect(api.getHistory).toHaveBeenCalledWith('rule', 30);
  });

  it('drills down from a team to its services, and on to its findings', async () => {
    const api = fakeGovernanceApi();
    await renderPage(api);
    await userEvent.click(
      await screen.findByRole('button', { name: 'billing' }),
    );

    const services = await screen.findByTestId('governance-team-services');
    await within(services).findAllByTestId('governance-team-service');
    expect(api.getScorecards).toHaveBeenCalledWith({
      owner: 'group:default/billing',
    });
    const billing = within(services).getAllByTestId(
      'governance-team-service',
    )[0];
    expect(
      within(billing).getByRole('link', { name: 'billing' }),
    ).toHaveAttribute('href', '/catalog/default/component/billing');
    expect(billing).toHaveTextContent('Silver');
    expect(billing).toHaveTextContent('Gold: fix Runbook linked');
    expect(screen.getByLabelText('search')).toHaveTextContent(
      '?team=group%3Adefault%2Fbilling',
    );

    await userEvent.click(
      within(services).getByRole('button', { name: "Show billing's findings" }),
    );
    await waitFor(() =>
      expect(api.getFindings).toHaveBeenLastCalledWith({
        rule: '',
        owner: 'group:default/billing',
        namespace: '',
      }),
    );
    expect(screen.getByLabelText('Owner')).toHaveValue('group:default/billing');
  });

  it('rolls up by system, with links to the systems', async () => {
    const api = fakeGovernanceApi();
    await renderPage(api, { url: '/governance?rollup=system' });
    const table = await screen.findByRole('table', {
      name: 'Levels by system',
    });
    expect(
      within(table).getByRole('link', { name: 'billing' }),
    ).toHaveAttribute('href', '/catalog/default/system/billing');
    expect(api.getRollups).toHaveBeenCalledWith('system');
  });

  it('filters by rule, owner and namespace through the backend, kept in the URL', async () => {
    const api = fakeGovernanceApi();
    await renderPage(api, { url: '/governance?rule=shared-database' });
    await screen.findByTestId('governance-findings-count');
    expect(screen.getByTestId('governance-findings-count')).toHaveTextContent(
      '1 finding',
    );
    expect(api.getFindings).toHaveBeenCalledWith({
      rule: 'shared-database',
      owner: '',
      namespace: '',
    });
    expect(screen.getByLabelText('Rule')).toHaveValue('shared-database');
    expect(
      within(screen.getByLabelText('Owner'))
        .getAllByRole('option')
        .map(o => o.textContent),
    ).toEqual([
      'All',
      'group:default/billing',
      'group:default/connectors',
      'group:default/identity',
    ]);

    await userEvent.selectOptions(
      screen.getByLabelText('Rule'),
      'Synchronous call cycle',
    );
    expect(
      await screen.findByTestId('governance-findings-empty'),
    ).toHaveTextContent('No finding matches these filters.');
    expect(screen.getByLabelText('search')).toHaveTextContent(
      '?rule=sync-cycle',
    );

    await userEvent.selectOptions(screen.getByLabelText('Rule'), 'All');
    await userEvent.selectOptions(
      screen.getByLabelText('Namespace'),
      'default',
    );
    await waitFor(() =>
      expect(api.getFindings).toHaveBeenLastCalledWith({
        rule: '',
        owner: '',
        namespace: 'default',
      }),
    );
  });

  it('lets an admin waive a finding with a reason and an expiry, then reads everything again', async () => {
    const api = fakeGovernanceApi();
    await renderPage(api, { allow: true });
    await screen.findByTestId('governance-findings-count');
    // A waived finding offers no second waiver.
    expect(
      within(findingOf('topic-without-consumer')).queryByRole('button', {
        name: 'Waive…',
      }),
    ).toBeNull();
    // Looked up afresh on each try: the finding re-renders when the permission answers.
    await userEvent.click(
      await waitFor(() =>
        within(findingOf('shared-database')).getByRole('button', {
          name: 'Waive…',
        }),
      ),
    );

    const dialog = await screen.findByRole('dialog', {
      name: 'Waive this finding',
    });
    const submit = within(dialog).getByRole('button', { name: 'Waive' });
    expect(submit).toBeDisabled();
    await userEvent.type(
      within(dialog).getByLabelText(/Reason/),
      'Billing moves off legacy-db in Q1',
    );
    fireEvent.change(within(dialog).getByLabelText(/Expires on/), {
      target: { value: '2027-03-31' },
    });
    const calls = api.getFindings.mock.calls.length;
    await userEvent.click(submit);

    await waitFor(() =>
      expect(screen.queryByRole('dialog')).not.toBeInTheDocument(),
    );
    expect(api.createWaiver).toHaveBeenCalledWith({
      findingKey: 'shared-database:resource:default/legacy-db',
      reason: 'Billing moves off legacy-db in Q1',
      expiresAt: '2027-03-31T23:59:59Z',
    });
    await waitFor(() =>
      expect(api.getFindings.mock.calls.length).toBeGreaterThan(calls),
    );
  });

  it("shows the backend's refusal of a waiver in the dialog", async () => {
    const api = fakeGovernanceApi({
      createWaiver: async () => {
        throw await backendError(
          400,
          'InputError',
          'expiresAt: at most 365 days ahead',
        );
      },
    });
    await renderPage(api, { allow: true });
    await screen.findByTestId('governance-findings-count');
    await userEvent.click(
      await waitFor(() =>
        within(findingOf('shared-database')).getByRole('button', {
          name: 'Waive…',
        }),
      ),
    );
    const dialog = await screen.findByRole('dialog');
    await userEvent.type(within(dialog).getByLabelText(/Reason/), 'later');
    await userEvent.click(
      within(dialog).getByRole('button', { name: 'Waive' }),
    );

    expect(
      await within(dialog).findByText('Could not waive the finding'),
    ).toBeInTheDocument();
    expect(
      within(dialog).getByText('400: expiresAt: at most 365 days ahead'),
    ).toBeInTheDocument();
    expect(screen.getByRole('dialog')).toBeInTheDocument();
  });

  it('lets an admin delete a waiver, and says why when the backend refuses', async () => {
    const api = fakeGovernanceApi();
    await renderPage(api, { allow: true });
    const remove = await screen.findByRole('button', {
      name: 'Delete the waiver: The audit consumer lands next sprint',
    });
    await userEvent.click(remove);
    expect(api.deleteWaiver).toHaveBeenCalledWith('w-1');

    api.deleteWaiver.mockImplementationOnce(async () => {
      throw await backendError(
        403,
        'NotAllowedError',
        'governance.waiver.delete is denied',
      );
    });
    await userEvent.click(
      await screen.findByRole('button', {
        name: 'Delete the waiver: The audit consumer lands next sprint',
      }),
    );
    expect(
      await screen.findByText('Could not delete the waiver'),
    ).toBeInTheDocument();
    expect(
      screen.getByText('403: governance.waiver.delete is denied'),
    ).toBeInTheDocument();
  });

  it('lists expired waivers on request, with what they cover', async () => {
    const api = fakeGovernanceApi();
    await renderPage(api);
    await screen.findAllByTestId('governance-waiver');
    await userEvent.click(screen.getByLabelText('Show expired waivers'));
    await waitFor(() =>
      expect(screen.getAllByTestId('governance-waiver')).toHaveLength(2),
    );
    expect(api.getWaivers).toHaveBeenLastCalledWith(true);
    const expired = screen.getAllByTestId('governance-waiver')[1];
    expect(expired).toHaveTextContent('Check “Runbook linked” on admin');
    expect(expired).toHaveTextContent('Admin is being retired in Q1');
    expect(expired).toHaveTextContent('2026-11-01 expired');
  });

  it("says what failed with the backend's message, and retries", async () => {
    const api = fakeGovernanceApi();
    api.getChecks.mockImplementationOnce(async () => {
      throw await backendError(
        503,
        'ServiceUnavailableError',
        'no evaluation has finished yet',
      );
    });
    await renderPage(api);
    expect(
      await screen.findByText('Could not load the checks and levels'),
    ).toBeInTheDocument();
    expect(
      screen.getByText('503: no evaluation has finished yet'),
    ).toBeInTheDocument();
    await userEvent.click(screen.getByRole('button', { name: 'Retry' }));
    expect(
      await screen.findByTestId('governance-organisation'),
    ).toBeInTheDocument();
  });

  it('says so when there are no findings and no history yet', async () => {
    const api = fakeGovernanceApi({
      getFindings: async () => ({
        evaluation: { id: 1, finishedAt: '2026-12-02T07:40:00Z' },
        items: [],
      }),
      getHistory: async () => ({
        dimension: 'rule',
        from: '2026-12-02',
        to: '2026-12-02',
        series: [],
      }),
    });
    await renderPage(api);
    expect(
      await screen.findByTestId('governance-findings-empty'),
    ).toHaveTextContent('No architecture findings');
    expect(
      await screen.findByTestId('governance-trends-empty'),
    ).toBeInTheDocument();
  });
});
