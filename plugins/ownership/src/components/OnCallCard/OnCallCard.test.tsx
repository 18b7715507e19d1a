import { ResponseError } from '@backstage/errors';
import { renderInTestApp } from '@backstage/frontend-test-utils';
import {
  EntityProvider,
  entityRouteRef,
} from '@backstage/plugin-catalog-react';
import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { LookupResult, OwnershipApi, ownershipApiRef } from '../../api';
import { billing, billingLookup } from '../../__fixtures__/lookup';
import { OnCallCard } from './OnCallCard';

function fakeApi(answer: () => Promise<LookupResult>) {
  return { lookupEntity: jest.fn(answer) } satisfies OwnershipApi;
}

async function renderCard(api: OwnershipApi, entity = billing) {
  return renderInTestApp(
    <EntityProvider entity={entity}>
      <OnCallCard />
    </EntityProvider>,
    {
      apis: [[ownershipApiRef, api]],
      mountedRoutes: { '/catalog/:namespace/:kind/:name': entityRouteRef },
    },
  );
}

describe('OnCallCard', () => {
  it('shows owner, contacts, who is on call, escalation and quick links', async () => {
    const api = fakeApi(async () => billingLookup);
    await renderCard(api);

    expect(
      await screen.findByRole('heading', { name: 'On call' }),
    ).toBeInTheDocument();
    const owner = await screen.findByTestId('oncall-owner');
    expect(api.lookupEntity).toHaveBeenCalledWith('component:default/billing');
    expect(
      within(owner).getByRole('link', { name: /billing/ }),
    ).toHaveAttribute('href', '/catalog/default/group/billing');

    const contacts = screen.getByTestId('oncall-contacts');
    expect(
      within(contacts).getByRole('link', { name: 'billing@dataflow.example' }),
    ).toHaveAttribute('href', 'mailto:billing@dataflow.example');
    expect(
      within(contacts).getByRole('link', { name: '#billing' }),
    ).toHaveAttribute('href', 'https://chat.dataflow.example/billing');

    const primary = screen.getByTestId('oncall-primary');
    expect(within(primary).getByRole('link')).toHaveAttribute(
      'href',
      '/catalog/default/user/daniel-kowalski',
    );
    expect(primary).toHaveTextContent('(primary)');
    expect(
      within(screen.getByTestId('oncall-secondary')).getByRole('link'),
    ).toHaveAttribute('href', '/catalog/default/user/hannah-mueller');
    expect(screen.getByTestId('oncall-source')).toHaveTextContent(
      'catalog · weekly, Wednesday 09:00 Europe/Warsaw',
    );

    const chain = within(screen.getByTestId('oncall-escalation'))
      .getAllByRole('link')
      .map(link => link.getAttribute('href'));
    expect(chain).toEqual([
      '/catalog/default/group/billing',
      '/catalog/default/group/engineering',
      '/catalog/default/group/dataflow',
    ]);

    expect(screen.getByTestId('oncall-slo')).toHaveTextContent(
      'out of SLO: availability; alerting: availability (page)',
    );
    expect(screen.getByTestId('oncall-last-deploy')).toHaveTextContent(
      '1.42.0 to production, 2026-12-02 07:12 UTC, succeeded',
    );
    expect(
      within(screen.getByTestId('oncall-links')).getByRole('link', {
        name: 'Runbook',
      }),
    ).toHaveAttribute('href', 'https://runbooks.dataflow.example/billing');
  });

  it('names a provider’s people as text, a parent’s rotation, and why health is missing', async () => {
    const api = fakeApi(async () => ({
      ...billingLookup,
      owner: { ref: 'group:default/billing', contacts: [] },
      onCall: {
        primary: 'Daniel Kowalski',
        source: 'pagerduty',
        escalationPolicy: 'PBILL01',
        until: '2026-12-09T09:00:00Z',
        fromGroup: 'group:default/engineering',
      },
      escalation: [],
      slo: undefined,
      sloReason: 'telemetry is not installed',
      lastDeploy: undefined,
      lastDeployReason: 'deployments failed: 503 from /api/deployments',
    }));
    await renderCard(api, {
      ...billing,
      metadata: { ...billing.metadata, links: [] },
    });

    const primary = await screen.findByTestId('oncall-primary');
    expect(primary).toHaveTextContent('Daniel Kowalski (primary)');
    expect(within(primary).queryByRole('link')).toBeNull();
    expect(screen.queryByTestId('oncall-secondary')).toBeNull();
    const source = screen.getByTestId('oncall-source');
    expect(source).toHaveTextContent(
      'pagerduty · escalation policy PBILL01 · until 2026-12-09 09:00 UTC (rotation of engineering)',
    );
    expect(screen.getByTestId('oncall-contacts')).toHaveTextContent(
      'none in the team’s profile or links',
    );
    expect(screen.getByTestId('oncall-escalation')).toHaveTextContent(
      'no groups above the owner',
    );
    expect(screen.getByTestId('oncall-slo')).toHaveTextContent(
      'telemetry is not installed',
    );
    expect(screen.getByTestId('oncall-last-deploy')).toHaveTextContent(
      'deployments failed: 503 from /api/deployments',
    );
    expect(screen.getByTestId('oncall-links')).toHaveTextContent(
      'none: add a runbook under metadata.links',
    );
  });

  it('says when nobody is on call, with the reason', async () => {
    const api = fakeApi(async () => ({
      ...billingLookup,
      onCall: {
        source: 'none',
        reason: 'no strata.dev/oncall-primary on billing or its parents',
      },
      slo: { withinSlo: null, objectives: [] },
    }));
    await renderCard(api);
    expect(await screen.findByTestId('oncall-primary')).toHaveTextContent(
      'nobody named',
    );
    expect(screen.getByTestId('oncall-source')).toHaveTextContent(
      /^Sourcenobody is named/,
    );
    expect(screen.getByTestId('oncall-source')).toHaveTextContent(
      'no strata.dev/oncall-primary on billing or its parents',
    );
    expect(screen.getByTestId('oncall-slo')).toHaveTextContent(
      'no data for its objectives yet',
    );
  });

  it("says why the lookup failed, with the backend's message, and retries", async () => {
    const api = fakeApi(async () => billingLookup);
    api.lookupEntity.mockImplementationOnce(async () => {
      throw await ResponseError.fromResponse(
        new Response(
          JSON.stringify({
            error: {
              name: 'NotFoundError',
              message:
                'no Component has the ref component:default/billing; searched namespaces default',
            },
            response: { statusCode: 404 },
          }),
          { status: 404, headers: { 'content-type': 'application/json' } },
        ),
      );
    });
    await renderCard(api);
    expect(
      await screen.findByText('Could not load who is on call'),
    ).toBeInTheDocument();
    expect(
      screen.getByText(
        '404: no Component has the ref component:default/billing; searched namespaces default',
      ),
    ).toBeInTheDocument();
    await userEvent.click(screen.getByRole('button', { name: 'Retry' }));
    expect(await screen.findByTestId('oncall-owner')).toBeInTheDocument();
  });

  it('shows an entity the ownership index has not reached yet like any other (the backend read it from the catalog)', async () => {
    const api = fakeApi(async () => ({
      ...billingLookup,
      entityRef: 'component:default/checkout',
      title: undefined,
      matchedBy:
        'entityRef (read from the catalog: the ownership index has not reached it yet)',
      slo: undefined,
      sloReason: 'telemetry: the entity has no SLOs (no strata.dev/slo-file)',
      lastDeploy: undefined,
      lastDeployReason: 'deployments: no rollout recorded',
    }));
    await renderCard(api, {
      ...billing,
      metadata: { ...billing.metadata, name: 'checkout' },
    });
    expect(api.lookupEntity).toHaveBeenCalledWith('component:default/checkout');
    const owner = await screen.findByTestId('oncall-owner');
    expect(
      within(owner).getByRole('link', { name: /billing/ }),
    ).toHaveAttribute('href', '/catalog/default/group/billing');
    expect(
      within(screen.getByTestId('oncall-primary')).getByRole('link'),
    ).toHaveAttribute('href', '/catalog/default/user/daniel-kowalski');
    expect(screen.getByTestId('oncall-slo')).toHaveTextContent(
      'no strata.dev/slo-file',
    );
    expect(screen.queryByText(/Could not load/)).toBeNull();
  });

  it('names where it looked when the entity is in neither the index nor the catalog', async () => {
    const api = fakeApi(async () => {
      throw await ResponseError.fromResponse(
        new Response(
          JSON.stringify({
            error: {
              name: 'NotFoundError',
              message:
                'No entity component:default/gone in the catalog; searched the ownership index (built 2026-12-02T10:00:00.000Z) and the catalog',
            },
            response: { statusCode: 404 },
          }),
          { status: 404, headers: { 'content-type': 'application/json' } },
        ),
      );
    });
    await renderCard(api);
    expect(
      await screen.findByText(
        '404: No entity component:default/gone in the catalog; searched the ownership index (built 2026-12-02T10:00:00.000Z) and the catalog',
      ),
    ).toBeInTheDocument();
    expect(
      screen.getByText(
        'The ownership backend found no such entity, neither in its index nor in the catalog, or is not installed.',
      ),
    ).toBeInTheDocument();
  });
});
