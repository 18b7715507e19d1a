import { Entity } from '@backstage/catalog-model';
import { renderInTestApp } from '@backstage/frontend-test-utils';
import {
  EntityProvider,
  entityRouteRef,
} from '@backstage/plugin-catalog-react';
import { EdgeReport } from '@internal/plugin-telemetry-common';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { TelemetryApi, telemetryApiRef, TelemetryWindow } from '../../api';
import { edge, edgeReport } from '../../__fixtures__/edges';
import { pipelinesSystem, system } from '../../__fixtures__/entities';
import { ObservedCallsCard } from './ObservedCallsCard';

function fakeApi(getEdges: (window: TelemetryWindow) => Promise<EdgeReport>) {
  const api: TelemetryApi = {
    getEdges: jest.fn(getEdges),
    getRed: jest.fn(),
    getTraceSamples: jest.fn(),
    getSlos: jest.fn(),
  };
  return api;
}

async function renderCard(api: TelemetryApi, entity: Entity = pipelinesSystem) {
  return renderInTestApp(
    <EntityProvider entity={entity}>
      <ObservedCallsCard />
    </EntityProvider>,
    {
      apis: [[telemetryApiRef, api]],
      mountedRoutes: { '/catalog/:namespace/:kind/:name': entityRouteRef },
    },
  );
}

describe('ObservedCallsCard', () => {
  it('highlights the undeclared call first, then the declared ones, then what was never observed', async () => {
    const api = fakeApi(async window => ({ ...edgeReport, window }));
    await renderCard(api);

    const undeclared = await screen.findByTestId('telemetry-undeclared-calls');
    expect(api.getEdges).toHaveBeenCalledWith('1h');
    expect(undeclared).toHaveTextContent(
      'Traces show 2 calls the catalog does not declare',
    );
    const rows = within(undeclared).getAllByTestId('telemetry-edge');
    expect(rows.map(r => r.getAttribute('data-declared'))).toEqual([
      'false',
      'false',
    ]);
    // etl-workers → billing, linked to both entities, with its count and errors.
    expect(rows[0]).toHaveAttribute(
      'data-from',
      'component:default/etl-workers',
    );
    expect(rows[0]).toHaveAttribute('data-to', 'component:default/billing');
    expect(rows[0]).toHaveTextContent('etl-workersbillingHTTP3104 (1.3%)');
    expect(
      within(rows[0]).getByRole('link', { name: 'billing' }),
    ).toHaveAttribute('href', '/catalog/default/component/billing');
    // A caller the catalog does not know, said as such.
    expect(rows[1]).toHaveTextContent(
      'service.name "cron-runner" (not in the catalog)',
    );

    const declared = screen.getByTestId('telemetry-declared-calls');
    expect(
      within(declared)
        .getAllByTestId('telemetry-edge')
        .map(
          r => `${r.getAttribute('data-from')} → ${r.getAttribute('data-to')}`,
        ),
    ).toEqual([
      'component:default/pipeline-service → resource:default/pipeline-db',
      'component:default/api-gateway → component:default/pipeline-service',
      'component:default/pipeline-service → component:default/etl-workers',
    ]);
    // Calls that touch no part of the system are not listed.
    expect(screen.queryByText(/auth-db/)).toBeNull();

    const never = screen.getByTestId('telemetry-never-observed-calls');
    expect(never).toHaveTextContent('Declared, not observed in the last hour');
    expect(
      within(never).getByTestId('telemetry-never-observed'),
    ).toHaveTextContent('pipeline-serviceconsumes an API ofconnector-service');

    // Undeclared before declared before never observed.
    const order = [undeclared, declared, never];
    for (let i = 1; i < order.length; i++) {
      expect(
        order[i - 1].compareDocumentPosition(order[i]) &
          Node.DOCUMENT_POSITION_FOLLOWING,
      ).toBeTruthy();
    }
  });

  it('says when every observed call is declared, and asks again for another window', async () => {
    const api = fakeApi(async window => ({
      window,
      edges: [
        edge(
          'component:default/api-gateway',
          'component:default/pipeline-service',
        ),
      ],
      neverObserved: [],
    }));
    await renderCard(api);

    expect(
      await screen.findByTestId('telemetry-all-declared'),
    ).toHaveTextContent(
      'Every call traces show in the last hour is declared in the catalog.',
    );
    expect(screen.queryByTestId('telemetry-undeclared-calls')).toBeNull();

    await userEvent.selectOptions(
      screen.getByRole('combobox', { name: 'Window' }),
      'Last 7 days',
    );
    await waitFor(() => expect(api.getEdges).toHaveBeenLastCalledWith('7d'));
    expect(
      await screen.findByTestId('telemetry-all-declared'),
    ).toHaveTextContent('in the last 7 days');
  });

  it('says when nothing touches the system', async () => {
    const api = fakeApi(async window => ({ ...edgeReport, window }));
    await renderCard(api, system('insights', ['component:default/search']));
    expect(await screen.findByTestId('telemetry-calls-none')).toHaveTextContent(
      "No span in the last hour shows a call to or from this system's components",
    );
  });

  it('says what failed when the edges cannot be loaded', async () => {
    const api = fakeApi(async () => {
      throw new TypeError('Failed to fetch');
    });
    await renderCard(api);
    expect(
      await screen.findByText('Could not load the observed calls'),
    ).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Retry' })).toBeInTheDocument();
  });
});
