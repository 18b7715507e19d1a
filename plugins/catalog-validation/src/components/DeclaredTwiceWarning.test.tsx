import { Entity } from '@backstage/catalog-model';
import { renderInTestApp } from '@backstage/frontend-test-utils';
import { EntityProvider } from '@backstage/plugin-catalog-react';
import { act, screen, waitFor } from '@testing-library/react';
import { CatalogValidationApi, catalogValidationApiRef } from '../api';
import { DeclaredTwiceWarning } from './DeclaredTwiceWarning';

const billing: Entity = {
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Component',
  metadata: { name: 'billing', namespace: 'default' },
  spec: { type: 'service' },
};

const kept =
  'url:https://github.com/dataflow/billing/blob/main/catalog-info.yaml';
const ignored = 'file:/srv/monorepo/admin/catalog-info.yaml';

async function renderWarning(api: CatalogValidationApi) {
  return renderInTestApp(
    <EntityProvider entity={billing}>
      <div data-testid="page">
        <DeclaredTwiceWarning />
      </div>
    </EntityProvider>,
    { apis: [[catalogValidationApiRef, api]] },
  );
}

describe('DeclaredTwiceWarning', () => {
  it('names the copy the catalog serves and the one it ignores', async () => {
    const listConflicts = jest.fn(async () => [
      {
        entityRef: 'component:default/billing',
        keptLocation: kept,
        ignoredLocation: ignored,
        firstSeenAt: '2026-11-22T10:00:00.000Z',
        lastSeenAt: '2026-11-22T10:05:00.000Z',
      },
    ]);
    await renderWarning({ listConflicts });

    expect(
      await screen.findByText('This entity is declared in more than one place'),
    ).toBeInTheDocument();
    expect(listConflicts).toHaveBeenCalledWith('component:default/billing');
    expect(
      screen
        .getByText(
          'https://github.com/dataflow/billing/blob/main/catalog-info.yaml',
        )
        .closest('a'),
    ).toHaveAttribute(
      'href',
      'https://github.com/dataflow/billing/blob/main/catalog-info.yaml',
    );
    expect(
      screen.getByText('/srv/monorepo/admin/catalog-info.yaml'),
    ).toBeInTheDocument();
  });

  it('renders nothing without a conflict', async () => {
    const listConflicts = jest.fn(async () => []);
    await renderWarning({ listConflicts });
    await waitFor(() => expect(listConflicts).toHaveBeenCalled());
    await act(async () => {}); // let the answer settle before asserting nothing was rendered
    expect(screen.getByTestId('page')).toBeEmptyDOMElement();
  });

  it('renders nothing when the backend cannot be asked', async () => {
    const listConflicts = jest.fn(async () => {
      throw new Error('503');
    });
    await renderWarning({ listConflicts });
    await waitFor(() => expect(listConflicts).toHaveBeenCalled());
    await act(async () => {}); // let the answer settle before asserting nothing was rendered
    expect(screen.getByTestId('page')).toBeEmptyDOMElement();
  });
});
