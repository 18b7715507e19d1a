import { Entity } from '@backstage/catalog-model';
import { renderInTestApp } from '@backstage/frontend-test-utils';
import { catalogApiRef, EntityProvider } from '@backstage/plugin-catalog-react';
import { catalogApiMock } from '@backstage/plugin-catalog-react/testUtils';
import { fireEvent, screen, waitFor } from '@testing-library/react';
import { CatalogEditsApi, catalogEditsApiRef } from '../api';
import { ProposeChangeCard } from './ProposeChangeCard';

const service: Entity = {
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Component',
  metadata: { name: 'pipeline-service', namespace: 'default' },
  spec: { type: 'service', owner: 'group:default/pipelines' },
};
const groups: Entity[] = ['pipelines', 'platform'].map(name => ({
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Group',
  metadata: { name, namespace: 'default' },
  spec: { type: 'team', children: [] },
}));

function renderCard(api: CatalogEditsApi) {
  return renderInTestApp(
    <EntityProvider entity={service}>
      <ProposeChangeCard />
    </EntityProvider>,
    {
      apis: [
        [catalogEditsApiRef, api],
        [catalogApiRef, catalogApiMock({ entities: [service, ...groups] })],
      ],
    },
  );
}

describe('ProposeChangeCard', () => {
  it('proposes a new owner picked from the groups and links to the pull request', async () => {
    const propose = jest.fn(async () => ({
      pullRequestUrl: 'https://github.com/dataflow/pipeline-service/pull/3',
      branch: 'strata/setOwner-pipeline-service-abc123',
    }));
    await renderCard({ propose, listProposals: jest.fn() });

    fireEvent.click(screen.getByRole('button', { name: 'Propose a change' }));
    await screen.findByRole('option', { name: 'group:default/platform' });
    fireEvent.change(screen.getByLabelText(/New owner/), {
      target: { value: 'group:default/platform' },
    });
    fireEvent.click(screen.getByRole('button', { name: 'Open pull request' }));

    expect(
      await screen.findByRole('link', { name: /pipeline-service\/pull\/3/ }),
    ).toHaveAttribute(
      'href',
      'https://github.com/dataflow/pipeline-service/pull/3',
    );
    expect(propose).toHaveBeenCalledWith({
      entityRef: 'component:default/pipeline-service',
      edit: { type: 'setOwner', owner: 'group:default/platform' },
    });
  });

  it('adds a consumed topic and shows the backend’s refusal', async () => {
    const propose = jest.fn(async () => {
      throw Object.assign(new Error('Request failed with 403'), {
        body: {
          error: {
            message:
              'You may not propose changes to component:default/pipeline-service',
          },
        },
      });
    });
    await renderCard({ propose, listProposals: jest.fn() });

    fireEvent.click(screen.getByRole('button', { name: 'Propose a change' }));
    fireEvent.change(screen.getByLabelText('Change'), {
      target: { value: 'addConsumes' },
    });
    fireEvent.change(screen.getByLabelText(/Topic or queue/), {
      target: { value: 'resource:default/connector-configured' },
    });
    fireEvent.click(screen.getByRole('button', { name: 'Open pull request' }));

    expect(await screen.findByRole('alert')).toHaveTextContent(
      'You may not propose changes to component:default/pipeline-service',
    );
    await waitFor(() =>
      expect(propose).toHaveBeenCalledWith({
        entityRef: 'component:default/pipeline-service',
        edit: {
          type: 'addConsumes',
          topicRef: 'resource:default/connector-configured',
        },
      }),
    );
  });
});
