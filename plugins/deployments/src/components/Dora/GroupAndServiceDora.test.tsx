import { renderInTestApp } from '@backstage/frontend-test-utils';
import {
  EntityProvider,
  entityRouteRef,
} from '@backstage/plugin-catalog-react';
import { DoraReport } from '@internal/plugin-deployments-common';
import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { DeploymentsApi, DoraQuery, deploymentsApiRef } from '../../api';
import { billingTeamReport } from '../../__fixtures__/dora';
import { billingService, group } from '../../__fixtures__/entities';
import { GroupDoraContent } from './GroupDoraContent';
import { ServiceDoraCard } from './ServiceDoraCard';

function fakeApi(getDora: (query: DoraQuery) => Promise<DoraReport>) {
  const api: DeploymentsApi = {
    getStatus: jest.fn(),
    getRollouts: jest.fn(),
    getDora: jest.fn(getDora),
  };
  return api;
}

const mountedRoutes = { '/catalog/:namespace/:kind/:name': entityRouteRef };

describe('GroupDoraContent', () => {
  it("shows the group's figures over the services it owns, for the chosen window", async () => {
    const api = fakeApi(async () => billingTeamReport);
    await renderInTestApp(
      <EntityProvider entity={group('billing', 'Billing')}>
        <GroupDoraContent />
      </EntityProvider>,
      { apis: [[deploymentsApiRef, api]], mountedRoutes },
    );

    expect(
      await screen.findByRole('heading', { name: 'Billing: the last 30 days' }),
    ).toBeInTheDocument();
    expect(
      within(await screen.findByTestId('dora-figure-leadTime')).getByTestId(
        'dora-value',
      ),
    ).toHaveTextContent('3 h 12 min');
    expect(api.getDora).toHaveBeenCalledWith({
      owner: 'group:default/billing',
      window: '30d',
    });

    await userEvent.selectOptions(
      screen.getByLabelText('Window'),
      'Last 7 days',
    );
    expect(
      await screen.findByRole('heading', { name: 'Billing: the last 7 days' }),
    ).toBeInTheDocument();
    expect(api.getDora).toHaveBeenLastCalledWith({
      owner: 'group:default/billing',
      window: '7d',
    });
  });
});

describe('ServiceDoraCard', () => {
  it("shows the service's own figures, compactly", async () => {
    const report: DoraReport = {
      ...billingTeamReport,
      scope: {
        entityRef: 'component:default/billing',
        services: ['component:default/billing'],
      },
    };
    const api = fakeApi(async () => report);
    await renderInTestApp(
      <EntityProvider entity={billingService}>
        <ServiceDoraCard />
      </EntityProvider>,
      { apis: [[deploymentsApiRef, api]], mountedRoutes },
    );

    const card = await screen.findByTestId('service-dora-card');
    expect(
      within(card).getByRole('heading', { name: 'DORA' }),
    ).toBeInTheDocument();
    const failures = await within(card).findByTestId(
      'dora-figure-changeFailureRate',
    );
    expect(within(failures).getByTestId('dora-value')).toHaveTextContent('5%');
    expect(within(failures).getByTestId('dora-band')).toHaveTextContent(
      'Elite',
    );
    expect(api.getDora).toHaveBeenCalledWith({
      entityRef: 'component:default/billing',
      window: '30d',
    });
    // A service's report names no team.
    expect(within(card).queryByText(/this team owns/)).toBeNull();
  });
});
