import { Entity } from '@backstage/catalog-model';
import { ResponseError } from '@backstage/errors';
import { mockApis, renderInTestApp } from '@backstage/frontend-test-utils';
import {
  CatalogApi,
  catalogApiRef,
  entityRouteRef,
} from '@backstage/plugin-catalog-react';
import { DoraReport } from '@internal/plugin-deployments-common';
import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useLocation } from 'react-router-dom';
import { DeploymentsApi, DoraQuery, deploymentsApiRef } from '../../api';
import { billingTeamReport, emptyReport } from '../../__fixtures__/dora';
import { group } from '../../__fixtures__/entities';
import { DoraPage } from './DoraPage';

const groups: Entity[] = [
  group('engineering', 'Engineering', 'department'),
  group('platform', 'Platform'),
  group('billing', 'Billing'),
];

function fakeApis(getDora: (query: DoraQuery) => Promise<DoraReport>) {
  const deployments: DeploymentsApi = {
    getStatus: jest.fn(),
    getRollouts: jest.fn(),
    getDora: jest.fn(getDora),
  };
  const catalog = {
    getEntities: jest.fn(async () => ({ items: groups })),
  } as unknown as CatalogApi;
  return { deployments, catalog };
}

/** Shows the page's query string, to check what a shared link would carry. */
function Search() {
  return <output aria-label="search">{useLocation().search}</output>;
}

async function renderPage(
  apis: ReturnType<typeof fakeApis>,
  options: { url?: string; ownership?: string[] } = {},
) {
  return renderInTestApp(
    <>
      <DoraPage />
      <Search />
    </>,
    {
      apis: [
        [deploymentsApiRef, apis.deployments],
        [catalogApiRef, apis.catalog],
        mockApis.identity({
          userEntityRef: 'user:default/ana',
          ownershipEntityRefs: options.ownership ?? [
            'user:default/ana',
            'group:default/billing',
          ],
        }),
      ],
      initialRouteEntries: [options.url ?? '/dora'],
      mountPath: '/dora',
      mountedRoutes: { '/catalog/:namespace/:kind/:name': entityRouteRef },
    },
  );
}

function figure(key: string) {
  return screen.getByTestId(`dora-figure-${key}`);
}

describe('DoraPage', () => {
  it("opens on the user's team with the four figures, bands and trends", async () => {
    const apis = fakeApis(async () => billingTeamReport);
    await renderPage(apis);

    expect(
      await screen.findByRole('heading', { name: 'Billing: the last 30 days' }),
    ).toBeInTheDocument();
    await screen.findByTestId('dora-figures');
    expect(apis.deployments.getDora).toHaveBeenCalledWith({
      owner: 'group:default/billing',
      window: '30d',
    });

    const frequency = figure('deploymentFrequency');
    expect(
      within(frequency).getByRole('heading', { name: 'Deployment frequency' }),
    ).toBeInTheDocument();
    expect(within(frequency).getByTestId('dora-value')).toHaveTextContent(
      '1.5 per day',
    );
    expect(within(frequency).getByTestId('dora-band')).toHaveTextContent(
      'Elite',
    );
    expect(within(frequency).getByTestId('dora-trend')).toHaveTextContent(
      '↑ up from 1.2 per day in the 30 days before · better',
    );

    const leadTime = figure('leadTime');
    expect(within(leadTime).getByTestId('dora-value')).toHaveTextContent(
      '3 h 12 min',
    );
    expect(within(leadTime).getByTestId('dora-band')).toHaveTextContent('High');
    expect(within(leadTime).getByTestId('dora-trend')).toHaveTextContent(
      '↑ up from 2 h in the 30 days before · worse',
    );

    const failureRate = figure('changeFailureRate');
    expect(within(failureRate).getByTestId('dora-value')).toHaveTextContent(
      '5%',
    );
    expect(within(failureRate).getByTestId('dora-band')).toHaveTextContent(
      'Elite',
    );
    expect(within(failureRate).getByTestId('dora-trend')).toHaveTextContent(
      '↓ down from 10% in the 30 days before · better',
    );

    const restore = figure('timeToRestore');
    expect(within(restore).getByTestId('dora-value')).toHaveTextContent('1 h');
    expect(within(restore).getByTestId('dora-trend')).toHaveTextContent(
      '→ same as the 30 days before (1 h)',
    );

    expect(screen.getByTestId('dora-counts')).toHaveTextContent(
      'Production, the last 30 days: 47 deployments (2 failed or rolled back), 2 incidents. In the 30 days before: 40 deployments (4 failed or rolled back), 3 incidents.',
    );
    expect(
      screen.getByText(/Over the 2 services this team owns/),
    ).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'invoices' })).toHaveAttribute(
      'href',
      '/catalog/default/component/invoices',
    );
    // The default team is written into the URL, so the view can be shared.
    expect(screen.getByLabelText('search')).toHaveTextContent(
      '?team=group%3Adefault%2Fbilling',
    );
  });

  it('offers teams first and changes team and window through the pickers', async () => {
    const apis = fakeApis(async () => billingTeamReport);
    await renderPage(apis);
    await screen.findByTestId('dora-figures');

    const teamPicker = screen.getByLabelText('Team');
    expect(
      within(teamPicker)
        .getAllByRole('option')
        .map(o => o.textContent),
    ).toEqual(['Billing', 'Platform', 'Engineering']);

    await userEvent.selectOptions(
      screen.getByLabelText('Window'),
      'Last 90 days',
    );
    expect(
      await screen.findByRole('heading', { name: 'Billing: the last 90 days' }),
    ).toBeInTheDocument();
    expect(apis.deployments.getDora).toHaveBeenLastCalledWith({
      owner: 'group:default/billing',
      window: '90d',
    });

    await userEvent.selectOptions(teamPicker, 'Platform');
    expect(
      await screen.findByRole('heading', {
        name: 'Platform: the last 90 days',
      }),
    ).toBeInTheDocument();
    expect(apis.deployments.getDora).toHaveBeenLastCalledWith({
      owner: 'group:default/platform',
      window: '90d',
    });
    expect(screen.getByLabelText('search')).toHaveTextContent(
      '?team=group%3Adefault%2Fplatform&window=90d',
    );
  });

  it('takes team and window from a shared link', async () => {
    const apis = fakeApis(async () => billingTeamReport);
    await renderPage(apis, {
      url: '/dora?team=group:default/platform&window=7d',
    });

    expect(
      await screen.findByRole('heading', { name: 'Platform: the last 7 days' }),
    ).toBeInTheDocument();
    expect(apis.deployments.getDora).toHaveBeenCalledWith({
      owner: 'group:default/platform',
      window: '7d',
    });
    expect(screen.getByLabelText('Team')).toHaveValue('group:default/platform');
    expect(screen.getByLabelText('Window')).toHaveValue('7d');
  });

  it('opens on the first team for a user in none', async () => {
    const apis = fakeApis(async () => billingTeamReport);
    await renderPage(apis, { ownership: ['user:default/guest'] });
    expect(
      await screen.findByRole('heading', { name: 'Billing: the last 30 days' }),
    ).toBeInTheDocument();
  });

  it('says where figures come from when nothing is recorded', async () => {
    const apis = fakeApis(async () => ({
      ...emptyReport,
      scope: {
        owner: 'group:default/billing',
        services: ['component:default/billing'],
      },
    }));
    await renderPage(apis);
    expect(await screen.findByTestId('dora-no-data')).toHaveTextContent(
      'No production deployments or incidents recorded in the last 30 days or the 30 days before. The figures come from rollouts the Kubernetes watch records and from the deployment and incident events CD and incident tools post to POST /api/deployments/v1/events.',
    );
  });

  it('says so when the team owns no services', async () => {
    const apis = fakeApis(async () => emptyReport);
    await renderPage(apis);
    expect(await screen.findByTestId('dora-no-data')).toHaveTextContent(
      'This team owns no services in the catalog',
    );
  });

  it("says why the figures cannot be loaded, with the backend's message", async () => {
    const apis = fakeApis(async () => {
      throw await ResponseError.fromResponse(
        new Response(
          JSON.stringify({
            error: {
              name: 'ServiceUnavailableError',
              message: 'the DORA store is migrating',
            },
            response: { statusCode: 503 },
          }),
          { status: 503, headers: { 'content-type': 'application/json' } },
        ),
      );
    });
    await renderPage(apis);
    expect(
      await screen.findByText('Could not load the DORA figures'),
    ).toBeInTheDocument();
    expect(
      screen.getByText('503: the DORA store is migrating'),
    ).toBeInTheDocument();
    expect(
      screen.getByText(
        'The deployments backend is starting or overloaded; try again shortly.',
      ),
    ).toBeInTheDocument();
  });
});
