import { Entity } from '@backstage/catalog-model';
import { ResponseError } from '@backstage/errors';
import { renderInTestApp } from '@backstage/frontend-test-utils';
import { EntityProvider } from '@backstage/plugin-catalog-react';
import { ServiceDeploymentStatus } from '@internal/plugin-deployments-common';
import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { DeploymentsApi, deploymentsApiRef } from '../../api';
import { billingService, component } from '../../__fixtures__/entities';
import {
  cluster,
  crashLoopingWorker,
  healthyBilling,
  serviceStatus,
} from '../../__fixtures__/status';
import { DeploymentsCard } from './DeploymentsCard';

function fakeApi(
  getStatus: (entityRef: string) => Promise<ServiceDeploymentStatus>,
) {
  const api: DeploymentsApi = {
    getStatus: jest.fn(getStatus),
    getRollouts: jest.fn(),
    getDora: jest.fn(),
  };
  return api;
}

async function renderCard(
  api: DeploymentsApi,
  entity: Entity = billingService,
) {
  return renderInTestApp(
    <EntityProvider entity={entity}>
      <DeploymentsCard />
    </EntityProvider>,
    { apis: [[deploymentsApiRef, api]] },
  );
}

/** The element's position relative to another: true when it comes first in the page. */
function comesBefore(first: Element, second: Element): boolean {
  return Boolean(
    first.compareDocumentPosition(second) & Node.DOCUMENT_POSITION_FOLLOWING,
  );
}

const todayAt = (hours: number, minutes: number) => {
  const at = new Date();
  at.setHours(hours, minutes, 0, 0);
  return at.toISOString();
};

describe('DeploymentsCard', () => {
  it('explains a crash-looping workload in words, before the healthy one', async () => {
    const api = fakeApi(async () =>
      serviceStatus([
        cluster({
          cluster: 'prod-eu',
          environment: 'production',
          workloads: [healthyBilling, crashLoopingWorker],
        }),
      ]),
    );
    await renderCard(api);

    const crashLoop = await screen.findByText(
      '2 of 3 pods are crash-looping (exit code 1, Error)',
    );
    expect(api.getStatus).toHaveBeenCalledWith('component:default/billing');
    expect(
      screen.getByRole('heading', { name: 'production (cluster prod-eu)' }),
    ).toBeInTheDocument();
    expect(
      screen.getByText(
        'Workloads found by label backstage.io/kubernetes-id=billing.',
      ),
    ).toBeInTheDocument();

    // The crash-loop: what it means, what to check first, on which pods.
    const problem = crashLoop.closest('[data-testid="deployments-problem"]')!;
    expect(problem).toHaveTextContent(
      'What it means: The container starts, exits with an error, and Kubernetes restarts it',
    );
    expect(problem).toHaveTextContent(
      "Check first: The container's log before the last restart (kubectl logs --previous)",
    );
    expect(problem).toHaveTextContent(
      'Pods: billing-worker-5c6d-aaaaa, billing-worker-5c6d-bbbbb',
    );
    expect(
      within(problem as HTMLElement).getByText(
        'Last terminated: Error, exit code 1',
      ),
    ).toBeInTheDocument();

    // Problems first: the failing worker before the healthy service, the error before the warning.
    const worker = screen.getByRole('region', { name: 'billing-worker' });
    const healthy = screen.getByRole('region', { name: 'billing' });
    expect(comesBefore(worker, healthy)).toBe(true);
    const problems = within(worker).getAllByTestId('deployments-problem');
    expect(problems.map(p => p.getAttribute('data-problem-kind'))).toEqual([
      'crash-loop',
      'warning-event',
    ]);

    // Then the details of each workload.
    expect(
      within(worker).getByText('3 desired · 2 updated · 1 ready · 1 available'),
    ).toBeInTheDocument();
    expect(
      within(worker).getByRole('table', { name: 'Pods of billing-worker' }),
    ).toHaveTextContent('CrashLoopBackOff');
    expect(
      within(healthy).getByText('Healthy: 3 of 3 replicas ready, rolled out.'),
    ).toBeInTheDocument();
    expect(
      within(healthy).getByText('registry.dataflow.dev/billing:1.4.2'),
    ).toBeInTheDocument();
    expect(
      within(healthy).getByText('billing: 3 running, wants 3, allowed 2–6'),
    ).toBeInTheDocument();
  });

  it('shows an unreachable cluster as such while the healthy one renders', async () => {
    const api = fakeApi(async () =>
      serviceStatus([
        cluster({
          cluster: 'prod-eu',
          environment: 'production',
          workloads: [healthyBilling],
        }),
        cluster({
          cluster: 'prod-us',
          environment: 'production',
          state: 'unreachable',
          since: todayAt(3, 12),
          error: 'connect ECONNREFUSED 10.20.0.1:6443',
        }),
      ]),
    );
    await renderCard(api);

    const unreachable = await screen.findByRole('region', {
      name: 'production (cluster prod-us)',
    });
    expect(
      within(unreachable).getByText('Unreachable since 03:12'),
    ).toBeInTheDocument();
    expect(
      within(unreachable).getByText('connect ECONNREFUSED 10.20.0.1:6443'),
    ).toBeInTheDocument();

    const reachable = screen.getByRole('region', {
      name: 'production (cluster prod-eu)',
    });
    expect(
      within(reachable).getByRole('heading', { name: 'billing' }),
    ).toBeInTheDocument();
    expect(
      within(reachable).getByText(/Healthy: 3 of 3 replicas ready/),
    ).toBeInTheDocument();
    // The cluster that needs attention comes first.
    expect(comesBefore(unreachable, reachable)).toBe(true);
  });

  it("shows a forbidden cluster with the API server's 403 message", async () => {
    const api = fakeApi(async () =>
      serviceStatus([
        cluster({ cluster: 'staging', workloads: [healthyBilling] }),
        cluster({
          cluster: 'payments-prod',
          environment: 'production',
          state: 'forbidden',
          error: '403: the service account may not list pods in payments',
        }),
      ]),
    );
    await renderCard(api);

    const forbidden = await screen.findByTestId(
      'deployments-cluster-payments-prod',
    );
    expect(forbidden).toHaveTextContent('Access denied');
    expect(forbidden).toHaveTextContent(
      '403: the service account may not list pods in payments',
    );
    expect(forbidden).toHaveTextContent('get, list and watch on deployments');
    expect(screen.getByTestId('deployments-cluster-staging')).toHaveTextContent(
      'Healthy: 3 of 3 replicas ready',
    );
  });

  it('says how to connect a cluster when none is configured', async () => {
    const api = fakeApi(async () =>
      serviceStatus([], { clustersConfigured: false }),
    );
    await renderCard(api);

    expect(
      await screen.findByText(
        'No Kubernetes cluster is connected to the portal',
      ),
    ).toBeInTheDocument();
    const notice = screen.getByTestId('deployments-not-configured');
    expect(notice).toHaveTextContent('kubernetes.clusterLocatorMethods');
    expect(notice).toHaveTextContent(
      'docs/deployments.md, section “Connecting a cluster”',
    );
  });

  it('says how to annotate a service whose name matches no workload', async () => {
    const api = fakeApi(async () =>
      serviceStatus([cluster({ cluster: 'prod-eu' })], {
        entityRef: 'component:default/invoices',
        selector:
          "label backstage.io/kubernetes-id=invoices (the entity's name: it has no backstage.io/kubernetes-id annotation)",
      }),
    );
    await renderCard(api, component('invoices'));

    expect(
      await screen.findByText(
        'This service does not say which Kubernetes workloads are its own',
      ),
    ).toBeInTheDocument();
    expect(screen.getByTestId('deployments-not-annotated')).toHaveTextContent(
      'backstage.io/kubernetes-id: invoices',
    );
    expect(api.getStatus).toHaveBeenCalledWith('component:default/invoices');
  });

  it("shows the workloads the backend found by an unannotated service's name", async () => {
    const api = fakeApi(async () =>
      serviceStatus(
        [
          cluster({
            cluster: 'prod-eu',
            workloads: [{ ...healthyBilling, name: 'invoices' }],
          }),
        ],
        {
          entityRef: 'component:default/invoices',
          selector:
            "label backstage.io/kubernetes-id=invoices (the entity's name: it has no backstage.io/kubernetes-id annotation)",
        },
      ),
    );
    await renderCard(api, component('invoices'));

    expect(
      await screen.findByRole('heading', { name: 'invoices' }),
    ).toBeInTheDocument();
    expect(
      screen.getByText(
        /Workloads found by label backstage.io\/kubernetes-id=invoices \(the entity's name/,
      ),
    ).toBeInTheDocument();
    expect(screen.queryByTestId('deployments-not-annotated')).toBeNull();
  });

  it('says what went wrong when the backend fails, with its message, and retries', async () => {
    let calls = 0;
    const api = fakeApi(async () => {
      calls += 1;
      if (calls === 1) {
        throw await ResponseError.fromResponse(
          new Response(
            JSON.stringify({
              error: {
                name: 'NotFoundError',
                message: 'No entity component:default/billing',
              },
              response: { statusCode: 404 },
            }),
            { status: 404, headers: { 'content-type': 'application/json' } },
          ),
        );
      }
      return serviceStatus([
        cluster({ cluster: 'prod-eu', workloads: [healthyBilling] }),
      ]);
    });
    await renderCard(api);

    expect(
      await screen.findByText('Could not load the deployment status'),
    ).toBeInTheDocument();
    expect(
      screen.getByText('404: No entity component:default/billing'),
    ).toBeInTheDocument();

    await userEvent.click(screen.getByRole('button', { name: 'Retry' }));
    expect(
      await screen.findByText(/Healthy: 3 of 3 replicas ready/),
    ).toBeInTheDocument();
    expect(
      screen.queryByText('Could not load the deployment status'),
    ).toBeNull();
  });
});
