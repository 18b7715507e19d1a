import { Entity } from '@backstage/catalog-model';
import { renderInTestApp } from '@backstage/frontend-test-utils';
import { catalogApiRef, EntityProvider } from '@backstage/plugin-catalog-react';
import { catalogApiMock } from '@backstage/plugin-catalog-react/testUtils';
import { catalogEditsApiRef } from '@internal/plugin-catalog-edits';
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { ModelHints, ModelHintsCard } from './ModelHintsCard';

const serviceWithoutTier: Entity = {
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Component',
  metadata: { name: 'billing', namespace: 'default' },
  spec: {
    type: 'service',
    lifecycle: 'production',
    owner: 'group:default/billing',
  },
};

const databaseWithoutEngine: Entity = {
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Resource',
  metadata: { name: 'billing-db', namespace: 'default' },
  spec: { type: 'database', owner: 'group:default/billing' },
};

function catalogEdits() {
  return {
    propose: jest.fn(async () => ({
      pullRequestUrl: 'https://github.com/dataflow/billing/pull/9',
      branch: 'strata/setOwner-billing',
    })),
    listProposals: jest.fn(async () => []),
  };
}

function renderCard(entity: Entity) {
  const api = catalogEdits();
  renderInTestApp(
    <EntityProvider entity={entity}>
      <ModelHintsCard />
    </EntityProvider>,
    {
      apis: [
        [catalogEditsApiRef, api],
        [catalogApiRef, catalogApiMock({ entities: [] })],
      ],
    },
  );
  return { api };
}

describe('ModelHintsCard', () => {
  it('tells a service without a tier why it matters, and proposes the tier the user picks', async () => {
    const { api } = renderCard(serviceWithoutTier);
    const hint = screen.getByRole('listitem', { name: 'No tier' });
    expect(hint).toHaveTextContent(
      /No tier: Paging urgency, SLO targets and scorecard thresholds depend on it/,
    );
    expect(hint).toHaveTextContent(/Fix: /);
    expect(hint).not.toHaveTextContent(/Not editable from the portal/);

    fireEvent.click(
      within(hint).getByRole('button', { name: 'Propose a change' }),
    );
    expect(screen.getByLabelText('Change')).toHaveValue('spec.tier');
    // No suggested tier: the user picks one of the model's tiers.
    expect(screen.getByLabelText(/Tier/)).toHaveValue('');
    fireEvent.change(screen.getByLabelText(/Tier/), {
      target: { value: '2' },
    });
    fireEvent.click(screen.getByRole('button', { name: 'Open pull request' }));

    expect(
      await screen.findByRole('link', { name: /billing\/pull\/9/ }),
    ).toBeInTheDocument();
    expect(api.propose).toHaveBeenCalledWith({
      entityRef: 'component:default/billing',
      edit: { type: 'setSpecField', path: 'spec.tier', value: 2 },
    });
  });

  it('lists a database’s missing engine and personal-data flag, each with Propose a change', async () => {
    renderCard(databaseWithoutEngine);
    for (const name of [
      'No database engine',
      'Not said whether it stores personal data',
    ]) {
      const hint = screen.getByRole('listitem', { name });
      expect(
        within(hint).getByRole('button', { name: 'Propose a change' }),
      ).toBeInTheDocument();
    }
  });

  it('prefills the engine the database’s name suggests, and proposes it', async () => {
    const { api } = renderCard({
      ...databaseWithoutEngine,
      metadata: { name: 'orders-postgres', namespace: 'default' },
    });
    const hint = screen.getByRole('listitem', { name: 'No database engine' });
    expect(hint).toHaveTextContent('Suggested: spec.engine: "postgresql"');

    fireEvent.click(
      within(hint).getByRole('button', { name: 'Propose a change' }),
    );
    expect(screen.getByLabelText(/Database engine/)).toHaveValue('postgresql');
    fireEvent.click(screen.getByRole('button', { name: 'Open pull request' }));

    await waitFor(() =>
      expect(api.propose).toHaveBeenCalledWith({
        entityRef: 'resource:default/orders-postgres',
        edit: {
          type: 'setSpecField',
          path: 'spec.engine',
          value: 'postgresql',
        },
      }),
    );
  });
});

describe('ModelHints', () => {
  it('opens the propose-change dialog prefilled for a field catalog-edits can write', async () => {
    const api = catalogEdits();
    await renderInTestApp(
      <ModelHints
        entityRef="component:default/billing"
        recommendations={[
          {
            rule: 'owner',
            path: 'spec.owner',
            message: 'No owner',
            why: 'Nobody gets paged.',
            fix: 'Set spec.owner to the owning team.',
            suggestedValue: 'group:default/billing',
          },
        ]}
      />,
      {
        apis: [
          [catalogEditsApiRef, api],
          [
            catalogApiRef,
            catalogApiMock({
              entities: [
                {
                  apiVersion: 'backstage.io/v1alpha1',
                  kind: 'Group',
                  metadata: { name: 'billing', namespace: 'default' },
                  spec: { type: 'team', children: [] },
                },
              ],
            }),
          ],
        ],
      },
    );

    fireEvent.click(screen.getByRole('button', { name: 'Propose a change' }));
    await screen.findByRole('option', { name: 'group:default/billing' });
    expect(screen.getByLabelText('Change')).toHaveValue('setOwner');
    expect(screen.getByLabelText(/New owner/)).toHaveValue(
      'group:default/billing',
    );
    fireEvent.click(screen.getByRole('button', { name: 'Open pull request' }));

    expect(
      await screen.findByRole('link', { name: /billing\/pull\/9/ }),
    ).toBeInTheDocument();
    await waitFor(() =>
      expect(api.propose).toHaveBeenCalledWith({
        entityRef: 'component:default/billing',
        edit: { type: 'setOwner', owner: 'group:default/billing' },
      }),
    );
  });
});
