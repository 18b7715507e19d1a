import { Entity } from '@backstage/catalog-model';
import { renderInTestApp } from '@backstage/frontend-test-utils';
import { catalogApiRef } from '@backstage/plugin-catalog-react';
import { catalogApiMock } from '@backstage/plugin-catalog-react/testUtils';
import { fireEvent, screen, waitFor } from '@testing-library/react';
import { catalogEditsApiRef } from '../api';
import {
  ProposeChangeDialog,
  ProposeChangeInitialEdit,
} from './ProposeChangeCard';

const groups: Entity[] = ['pipelines', 'platform'].map(name => ({
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Group',
  metadata: { name, namespace: 'default' },
  spec: { type: 'team', children: [] },
}));

function renderDialog(
  entityRef: string,
  initialEdit: ProposeChangeInitialEdit,
  propose = jest.fn(async () => ({
    pullRequestUrl: 'https://github.com/dataflow/billing/pull/8',
    branch: 'b',
  })),
) {
  const onProposed = jest.fn();
  renderInTestApp(
    <ProposeChangeDialog
      entityRef={entityRef}
      initialEdit={initialEdit}
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
  return { propose, onProposed };
}

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

  it('sets a service’s tier from a select of the model’s tiers, sent as a number', async () => {
    const { propose, onProposed } = renderDialog('component:default/billing', {
      type: 'setSpecField',
      path: 'spec.tier',
      value: '',
    });

    expect(screen.getByLabelText('Change')).toHaveValue('spec.tier');
    // Only the fields of a Component are offered, not a database's.
    expect(
      screen.queryByRole('option', { name: 'Set the database engine' }),
    ).not.toBeInTheDocument();
    expect(screen.getAllByRole('option').map(o => o.textContent)).toEqual(
      expect.arrayContaining(['Choose a value', '1', '2', '3']),
    );
    const submit = screen.getByRole('button', { name: 'Open pull request' });
    expect(submit).toBeDisabled();

    fireEvent.change(screen.getByLabelText(/Tier/), {
      target: { value: '2' },
    });
    fireEvent.click(submit);

    await waitFor(() => expect(onProposed).toHaveBeenCalled());
    expect(propose).toHaveBeenCalledWith({
      entityRef: 'component:default/billing',
      edit: { type: 'setSpecField', path: 'spec.tier', value: 2 },
    });
  });

  it('offers a database’s fields, prefilled, and sends personal data as a boolean', async () => {
    const { propose } = renderDialog('resource:default/billing-db', {
      type: 'setSpecField',
      path: 'spec.engine',
      value: 'postgresql',
    });

    expect(screen.getByLabelText(/Database engine/)).toHaveValue('postgresql');
    expect(
      screen.queryByRole('option', { name: 'Set the tier' }),
    ).not.toBeInTheDocument();
    fireEvent.change(screen.getByLabelText('Change'), {
      target: { value: 'spec.personalData' },
    });
    fireEvent.change(screen.getByLabelText(/Personal data/), {
      target: { value: 'false' },
    });
    fireEvent.click(screen.getByRole('button', { name: 'Open pull request' }));

    await waitFor(() =>
      expect(propose).toHaveBeenCalledWith({
        entityRef: 'resource:default/billing-db',
        edit: {
          type: 'setSpecField',
          path: 'spec.personalData',
          value: false,
        },
      }),
    );
  });

  it('takes a topic name as text and shows the model’s refusal', async () => {
    const propose = jest.fn(async () => {
      throw Object.assign(new Error('Request failed with 422'), {
        body: {
          error: {
            message:
              'spec.topic: must be the Kafka topic name on the broker (a non-empty string), got ""',
          },
        },
      });
    });
    renderDialog(
      'resource:default/invoice-created',
      { type: 'setSpecField', path: 'spec.topic', value: 'billing.invoice' },
      propose,
    );

    const topic = screen.getByLabelText(/Topic/);
    expect(topic).toHaveValue('billing.invoice');
    fireEvent.change(topic, { target: { value: ' ' } });
    fireEvent.click(screen.getByRole('button', { name: 'Open pull request' }));

    expect(await screen.findByRole('alert')).toHaveTextContent(
      'spec.topic: must be the Kafka topic name on the broker',
    );
    expect(propose).toHaveBeenCalledWith({
      entityRef: 'resource:default/invoice-created',
      edit: { type: 'setSpecField', path: 'spec.topic', value: '' },
    });
  });
});
