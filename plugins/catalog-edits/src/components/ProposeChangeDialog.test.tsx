import { Entity } from '@backstage/catalog-model';
import { renderInTestApp } from '@backstage/frontend-test-utils';
import { catalogApiRef } from '@backstage/plugin-catalog-react';
import { catalogApiMock } from '@backstage/plugin-catalog-react/testUtils';
import { fireEvent, screen, waitFor } from '@testing-library/react';
import { catalogEditsApiRef } from '../api';
import { ProposeChangeDialog } from './ProposeChangeCard';

const groups: Entity[] = ['pipelines', 'platform'].map(name => ({
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Group',
  metadata: { name, namespace: 'default' },
  spec: { type: 'team', children: [] },
}));

describe('ProposeChangeDialog opened prefilled', () => {
  it('starts with the given change and value, and proposes it as is', async () => {
    const propose = jest.fn(async () => ({
      pullRequestUrl: 'https://github.com/dataflow/billing/pull/7',
      branch: 'b',
    }));
    const onProposed = jest.fn();
    await renderInTestApp(
      <ProposeChangeDialog
        entityRef="component:default/billing"
        initialEdit={{
          type: 'addDatabase',
          value: 'resource:default/billing-db',
        }}
        onClose={jest.fn()}
        onProposed={onProposed}
      />,
      {
        apis: [
          [catalogEditsApiRef, { propose, listProposals: jest.fn() }],
          [catalogApiRef, catalogApiMock({ entities: groups })],
        ],
      },
    );

    expect(screen.getByLabelText('Change')).toHaveValue('addDatabase');
    expect(screen.getByLabelText(/Database/)).toHaveValue(
      'resource:default/billing-db',
    );
    fireEvent.click(screen.getByRole('button', { name: 'Open pull request' }));

    await waitFor(() =>
      expect(onProposed).toHaveBeenCalledWith({
        pullRequestUrl: 'https://github.com/dataflow/billing/pull/7',
        branch: 'b',
      }),
    );
    expect(propose).toHaveBeenCalledWith({
      entityRef: 'component:default/billing',
      edit: { type: 'addDatabase', resourceRef: 'resource:default/billing-db' },
    });
  });
});
