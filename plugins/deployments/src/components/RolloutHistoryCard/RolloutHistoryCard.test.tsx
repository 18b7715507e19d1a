import { renderInTestApp } from '@backstage/frontend-test-utils';
import { EntityProvider } from '@backstage/plugin-catalog-react';
import { RolloutList } from '@internal/plugin-deployments-common';
import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { DeploymentsApi, RolloutQuery, deploymentsApiRef } from '../../api';
import { billingService } from '../../__fixtures__/entities';
import { billingRollouts } from '../../__fixtures__/rollouts';
import { RolloutHistoryCard } from './RolloutHistoryCard';

function fakeApi(getRollouts: (query: RolloutQuery) => Promise<RolloutList>) {
  const api: DeploymentsApi = {
    getStatus: jest.fn(),
    getRollouts: jest.fn(getRollouts),
    getDora: jest.fn(),
  };
  return api;
}

async function renderCard(api: DeploymentsApi) {
  return renderInTestApp(
    <EntityProvider entity={billingService}>
      <RolloutHistoryCard />
    </EntityProvider>,
    { apis: [[deploymentsApiRef, api]] },
  );
}

/** A table's rows as the user reads them: the text of each cell. */
function rowsOf(table: HTMLElement): string[][] {
  return within(table)
    .getAllByRole('row')
    .slice(1)
    .map(row =>
      within(row)
        .getAllByRole('cell')
        .map(cell => cell.textContent ?? ''),
    );
}

describe('RolloutHistoryCard', () => {
  it('lists rollouts with version, environment, duration, outcome and sources', async () => {
    const api = fakeApi(async () => ({ items: billingRollouts }));
    await renderCard(api);

    const table = await screen.findByRole('table', {
      name: 'Rollouts, newest first',
    });
    expect(api.getRollouts).toHaveBeenCalledWith({
      entityRef: 'component:default/billing',
      environment: undefined,
      limit: 25,
    });
    const rows = rowsOf(table);
    expect(
      rows.map(([version, environment, , duration, outcome, sources]) => ({
        version,
        environment,
        duration,
        outcome,
        sources,
      })),
    ).toEqual([
      {
        version: '1.5.0',
        environment: 'production',
        duration: expect.stringMatching(/^running for /),
        outcome: 'In progress',
        sources: 'Kubernetes (prod-eu/payments/billing, revision 13)',
      },
      {
        version: '1.4.29f1c2e7',
        environment: 'production',
        duration: '4 min',
        outcome: 'Succeeded',
        sources:
          'Kubernetes (prod-eu/payments/billing, revision 12); CD events',
      },
      {
        version: '1.4.1',
        environment: 'staging',
        duration: '12 min',
        outcome: 'Rolled back',
        sources: 'CD events',
      },
      {
        version: '1.4.0',
        environment: 'production',
        duration: '3 h 12 min',
        outcome: 'Failed',
        sources: 'CD events',
      },
    ]);
    expect(within(table).getByText('9f1c2e7')).toHaveAttribute(
      'title',
      '9f1c2e7a5b3d4c6e8f0a1b2c3d4e5f6a7b8c9d0e',
    );
  });

  it('narrows the list to one environment', async () => {
    const api = fakeApi(async query => ({
      items: billingRollouts.filter(
        r => !query.environment || r.environment === query.environment,
      ),
    }));
    await renderCard(api);
    await screen.findByRole('table');

    await userEvent.selectOptions(
      screen.getByLabelText('Environment'),
      'staging',
    );
    expect(await screen.findAllByTestId('rollout-row')).toHaveLength(1);
    expect(api.getRollouts).toHaveBeenLastCalledWith({
      entityRef: 'component:default/billing',
      environment: 'staging',
      limit: 25,
    });
    // Every environment stays offered after narrowing.
    expect(
      within(screen.getByLabelText('Environment'))
        .getAllByRole('option')
        .map(o => o.textContent),
    ).toEqual(['All environments', 'production', 'staging']);
  });

  it('says where rollouts come from when none is recorded', async () => {
    await renderCard(fakeApi(async () => ({ items: [] })));
    expect(
      await screen.findByText(/No rollouts recorded for this service yet\./),
    ).toHaveTextContent('POST /api/deployments/v1/events');
  });

  it('says why the history cannot be loaded', async () => {
    await renderCard(
      fakeApi(async () => {
        throw new TypeError('Failed to fetch');
      }),
    );
    expect(
      await screen.findByText('Could not load the rollout history'),
    ).toBeInTheDocument();
    expect(screen.getByText('Failed to fetch')).toBeInTheDocument();
  });
});
