import { Entity } from '@backstage/catalog-model';
import { ResponseError } from '@backstage/errors';
import { renderInTestApp } from '@backstage/frontend-test-utils';
import { EntityProvider } from '@backstage/plugin-catalog-react';
import { SloStatusList } from '@internal/plugin-telemetry-common';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { TelemetryApi, telemetryApiRef } from '../../api';
import { component, pipelineService } from '../../__fixtures__/entities';
import {
  breachingLatency,
  healthyAvailability,
  noTraffic,
  sloList,
} from '../../__fixtures__/slos';
import { SloCard } from './SloCard';

function fakeApi(getSlos: (entityRef: string) => Promise<SloStatusList>) {
  const api: TelemetryApi = {
    getSlos: jest.fn(getSlos),
    getRed: jest.fn(),
    getTraceSamples: jest.fn(),
    getEdges: jest.fn(),
  };
  return api;
}

async function renderCard(api: TelemetryApi, entity: Entity = pipelineService) {
  return renderInTestApp(
    <EntityProvider entity={entity}>
      <SloCard />
    </EntityProvider>,
    { apis: [[telemetryApiRef, api]] },
  );
}

const objective = (name: string) =>
  screen.getByRole('region', { name }) as HTMLElement;

describe('SloCard', () => {
  it('shows a breaching latency objective paging, with why, its budget exhausted, before the healthy one', async () => {
    const api = fakeApi(async () =>
      sloList([healthyAvailability, breachingLatency]),
    );
    await renderCard(api);

    const breaching = await screen.findByRole('region', {
      name: 'pipeline-service latency — p99 under 500 ms',
    });
    expect(api.getSlos).toHaveBeenCalledWith(
      'component:default/pipeline-service',
    );
    expect(breaching).toHaveAttribute('data-alert', 'page');

    // The alert state in words, and why.
    const alert = within(breaching).getByTestId('telemetry-slo-alert');
    expect(alert).toHaveTextContent('Page');
    expect(alert).toHaveTextContent('burning fast');
    expect(alert).toHaveTextContent(
      'Why: page: burn rate 25 over 1h and 25 over 5m, both at least 14.4',
    );

    // Target, attainment, budget.
    expect(
      within(breaching).getByTestId('telemetry-slo-target'),
    ).toHaveTextContent('Target99%');
    expect(
      within(breaching).getByTestId('telemetry-slo-attainment'),
    ).toHaveTextContent('75% (below the 99% target)');
    expect(
      within(breaching).getByTestId('telemetry-slo-budget'),
    ).toHaveTextContent('Exhausted: 2500% of the budget spent');
    expect(breaching).toHaveAttribute('data-budget-exhausted', 'true');
    expect(breaching).toHaveTextContent('Latency · 28 days, rolling');

    // Burn rate per window.
    const burn = within(breaching).getByRole('table', {
      name: 'Burn rates of pipeline-service latency — p99 under 500 ms',
    });
    expect(
      within(burn)
        .getAllByRole('columnheader')
        .map(c => c.textContent),
    ).toEqual(['Window', '5m', '30m', '1h', '6h', '1d', '3d']);
    expect(
      within(burn).getByRole('row', { name: /Burn rate/ }),
    ).toHaveTextContent('Burn rate25×25×25×25×25×25×');

    // The budget over time, as a chart that says what it shows.
    expect(
      within(breaching).getByRole('img', {
        name: 'Error budget left over time: latest -2400%, lowest -2400%, highest 100%',
      }),
    ).toBeInTheDocument();

    // The healthy objective comes after the paging one, quietly.
    const healthy = objective(
      'pipeline-service availability — non-5xx requests',
    );
    expect(
      breaching.compareDocumentPosition(healthy) &
        Node.DOCUMENT_POSITION_FOLLOWING,
    ).toBeTruthy();
    expect(
      within(healthy).getByTestId('telemetry-slo-alert'),
    ).toHaveTextContent(
      'No alert. The error budget is burning at a pace the window can afford.',
    );
    expect(
      within(healthy).getByTestId('telemetry-slo-budget'),
    ).toHaveTextContent('60% left');
    expect(
      within(healthy).getByTestId('telemetry-slo-attainment'),
    ).toHaveTextContent('99.96% (meets the 99.9% target)');
  });

  it('says there was no traffic instead of showing zeros', async () => {
    const api = fakeApi(async () => sloList([noTraffic]));
    await renderCard(api);

    const quiet = await screen.findByRole('region', {
      name: 'search availability',
    });
    expect(
      within(quiet).getByTestId('telemetry-slo-attainment'),
    ).toHaveTextContent('No traffic in the window');
    expect(within(quiet).getByTestId('telemetry-slo-budget')).toHaveTextContent(
      'No traffic in the window: nothing spent',
    );
    expect(within(quiet).getByTestId('telemetry-slo-alert')).toHaveTextContent(
      'Why: no requests in the last 3 days.',
    );
    expect(
      within(quiet).getByRole('row', { name: /Burn rate/ }),
    ).toHaveTextContent('no traffic');
    expect(
      within(quiet).getByRole('img', {
        name: 'Error budget left over time: no data',
      }),
    ).toBeInTheDocument();
  });

  it('lists the SLO file problems at file:line:column beside the objectives still evaluated', async () => {
    const file = '/srv/examples/dataflow/services/pipeline-service/slo.yaml';
    const api = fakeApi(async () =>
      sloList([healthyAvailability], {
        problems: [
          {
            file,
            line: 31,
            column: 15,
            rule: 'openslo/unsupported-filter',
            message:
              'filter: "OR" is not supported (Strata counts server spans by service and route)',
          },
        ],
      }),
    );
    await renderCard(api);

    const problems = await screen.findByTestId('telemetry-slo-problems');
    expect(problems).toHaveTextContent(
      'A problem in the SLO file kept an objective from being evaluated',
    );
    const problem = within(problems).getByTestId('telemetry-slo-problem');
    expect(problem).toHaveTextContent(
      `${file}:31:15 (openslo/unsupported-filter)`,
    );
    expect(problem).toHaveTextContent('filter: "OR" is not supported');
    expect(
      objective('pipeline-service availability — non-5xx requests'),
    ).toBeInTheDocument();
  });

  it('says how to add an SLO file when the service names none, without asking the backend', async () => {
    const api = fakeApi(async () => sloList([]));
    await renderCard(
      api,
      component('search', {
        annotations: { 'strata.dev/otel-service-name': 'search-svc' },
      }),
    );

    const notice = await screen.findByTestId('telemetry-slo-no-file');
    expect(notice).toHaveTextContent(
      'This service has no service level objectives yet',
    );
    // The snippets render once the syntax highlighter has loaded.
    await waitFor(() =>
      expect(notice).toHaveTextContent('strata.dev/slo-file: slo.yaml'),
    );
    expect(notice).toHaveTextContent('filter: \'service.name="search-svc"\'');
    expect(api.getSlos).not.toHaveBeenCalled();
  });

  it('says what went wrong when the backend fails, and retries', async () => {
    let calls = 0;
    const api = fakeApi(async () => {
      calls += 1;
      if (calls === 1) {
        throw await ResponseError.fromResponse(
          new Response(
            JSON.stringify({
              error: { name: 'Error', message: 'database is not available' },
              response: { statusCode: 503 },
            }),
            { status: 503, headers: { 'content-type': 'application/json' } },
          ),
        );
      }
      return sloList([breachingLatency]);
    });
    await renderCard(api);

    expect(
      await screen.findByText('Could not load the SLO status'),
    ).toBeInTheDocument();
    expect(
      screen.getByText('503: database is not available'),
    ).toBeInTheDocument();
    await userEvent.click(screen.getByRole('button', { name: 'Retry' }));
    expect(
      await screen.findByRole('region', {
        name: 'pipeline-service latency — p99 under 500 ms',
      }),
    ).toBeInTheDocument();
  });
});
