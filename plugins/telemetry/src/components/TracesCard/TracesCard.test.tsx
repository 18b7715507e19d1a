import { Entity } from '@backstage/catalog-model';
import { renderInTestApp } from '@backstage/frontend-test-utils';
import { EntityProvider } from '@backstage/plugin-catalog-react';
import { RedReport, TraceSampleList } from '@internal/plugin-telemetry-common';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { TelemetryApi, telemetryApiRef, TelemetryWindow } from '../../api';
import { component, pipelineService } from '../../__fixtures__/entities';
import { noRequests, redReport } from '../../__fixtures__/red';
import { traceSamples } from '../../__fixtures__/traces';
import { TracesCard } from './TracesCard';

function fakeApi(options: {
  red?: (serviceName: string, window: TelemetryWindow) => Promise<RedReport>;
  traces?: (serviceName: string) => Promise<TraceSampleList>;
}) {
  const api: TelemetryApi = {
    getRed: jest.fn(
      options.red ??
        (async (_s: string, window: TelemetryWindow) => redReport({ window })),
    ),
    getTraceSamples: jest.fn(options.traces ?? (async () => traceSamples())),
    getSlos: jest.fn(),
    getEdges: jest.fn(),
  };
  return api;
}

async function renderCard(api: TelemetryApi, entity: Entity = pipelineService) {
  return renderInTestApp(
    <EntityProvider entity={entity}>
      <TracesCard />
    </EntityProvider>,
    { apis: [[telemetryApiRef, api]] },
  );
}

describe('TracesCard', () => {
  it('shows RED figures, each over time, and per operation', async () => {
    const api = fakeApi({});
    await renderCard(api);

    const red = await screen.findByTestId('telemetry-red');
    expect(api.getRed).toHaveBeenCalledWith('pipeline-service', '1h');
    expect(within(red).getByTestId('telemetry-red-requests')).toHaveTextContent(
      'Requests3 600 (240/min)',
    );
    expect(within(red).getByTestId('telemetry-red-errors')).toHaveTextContent(
      'Errors84 (2.3%)',
    );
    expect(within(red).getByTestId('telemetry-red-latency')).toHaveTextContent(
      '120 ms / 480 ms / 1.4 s',
    );
    expect(
      within(red).getByRole('img', {
        name: 'Error rate: latest 10%, lowest 0.4%, highest 10%',
      }),
    ).toBeInTheDocument();
    expect(
      within(red).getByRole('img', {
        name: 'Latency p95: latest 900 ms, lowest 310 ms, highest 900 ms',
      }),
    ).toBeInTheDocument();
    expect(
      within(red).getByRole('img', { name: /^Requests per step: latest 240/ }),
    ).toBeInTheDocument();
    const operations = within(red).getByRole('table', {
      name: 'Operations, busiest first',
    });
    expect(
      within(operations).getByRole('row', {
        name: /POST \/v1\/pipelines\/\{id\}\/runs/,
      }),
    ).toHaveTextContent('2 5203.2%180 ms620 ms1.5 s');
  });

  it('asks again for another window', async () => {
    const api = fakeApi({});
    await renderCard(api);
    await screen.findByTestId('telemetry-red');

    await userEvent.selectOptions(
      screen.getByRole('combobox', { name: 'Window' }),
      'Last 15 minutes',
    );
    await waitFor(() =>
      expect(api.getRed).toHaveBeenLastCalledWith('pipeline-service', '15m'),
    );
    expect(await screen.findByTestId('telemetry-red')).toHaveTextContent(
      'in the last 15 minutes',
    );
  });

  it('shows failing and slow traces folded, and a span tree when one is opened', async () => {
    const api = fakeApi({});
    await renderCard(api);

    const failing = await screen.findByTestId('telemetry-failing-traces');
    expect(api.getTraceSamples).toHaveBeenCalledWith('pipeline-service');
    const [trace] = within(failing).getAllByTestId('telemetry-trace');
    expect(trace).toHaveTextContent('POST /v1/pipelines/{id}/runs — 820 ms');
    expect(trace).toHaveTextContent('4 spans · trace 4bf92f35');
    expect(within(trace).queryAllByTestId('telemetry-span')).toHaveLength(0);

    await userEvent.click(within(trace).getByRole('button'));
    const tree = await within(trace).findByRole('list', {
      name: 'Spans of POST /v1/pipelines/{id}/runs',
    });
    const spans = within(tree).getAllByTestId('telemetry-span');
    expect(spans.map(s => s.getAttribute('aria-level'))).toEqual([
      '1',
      '2',
      '3',
      '4',
    ]);
    // The failing database call: its service, name, error, duration and what explains it.
    const insert = spans[3];
    expect(insert).toHaveAttribute('data-span-status', 'error');
    expect(insert).toHaveTextContent(
      'pipeline-service INSERT pipeline_runs (client) Error: lock timeout',
    );
    expect(insert).toHaveTextContent('790 ms');
    expect(insert).toHaveTextContent('db.system=postgresql');
    expect(insert).toHaveTextContent(
      'exception.message=canceling statement due to lock timeout',
    );
    expect(spans[0]).toHaveTextContent('http.response.status_code=503');
    // The organisation's trace UI, when configured.
    expect(
      within(trace).getByRole('link', {
        name: /^Open trace 4bf92f3577b34da6a3ce929d0e0e4736 in the trace UI/,
      }),
    ).toHaveAttribute(
      'href',
      'https://jaeger.dataflow.example/trace/4bf92f3577b34da6a3ce929d0e0e4736',
    );

    // A slow trace without a link says how to get one.
    const slow = within(
      screen.getByTestId('telemetry-slowest-traces'),
    ).getByTestId('telemetry-trace');
    await userEvent.click(within(slow).getByRole('button'));
    expect(
      await within(slow).findByText(/telemetry.traceUrlTemplate/),
    ).toBeInTheDocument();
    expect(within(slow).queryByRole('link')).toBeNull();
  });

  it('says there were no requests, how spans get here, and that nothing was sampled', async () => {
    const api = fakeApi({
      red: async () => noRequests('1h'),
      traces: async () =>
        traceSamples({ serviceName: 'search-svc', failing: [], slowest: [] }),
    });
    await renderCard(
      api,
      component('search', {
        annotations: { 'strata.dev/otel-service-name': 'search-svc' },
      }),
    );

    const notice = await screen.findByTestId('telemetry-no-traffic');
    expect(api.getRed).toHaveBeenCalledWith('search-svc', '1h');
    expect(notice).toHaveTextContent(
      'No requests from service.name "search-svc" in the last hour',
    );
    await waitFor(() =>
      expect(notice).toHaveTextContent(
        'OTEL_EXPORTER_OTLP_ENDPOINT=<portal>/api/telemetry',
      ),
    );
    expect(
      await screen.findByText('No failing trace was sampled recently.'),
    ).toBeInTheDocument();
    expect(
      screen.getByText('No trace was sampled recently.'),
    ).toBeInTheDocument();
  });

  it('says what failed when the figures cannot be loaded, and still shows the traces', async () => {
    const api = fakeApi({
      red: async () => {
        throw new TypeError('Failed to fetch');
      },
    });
    await renderCard(api);

    expect(
      await screen.findByText('Could not load the request figures'),
    ).toBeInTheDocument();
    expect(screen.getByText(/did not answer/)).toBeInTheDocument();
    expect(
      await screen.findByTestId('telemetry-failing-traces'),
    ).toHaveTextContent('POST /v1/pipelines/{id}/runs — 820 ms');
  });
});
