import { renderInTestApp } from '@backstage/frontend-test-utils';
import { catalogUnprocessedEntitiesApiRef } from '@backstage/plugin-catalog-unprocessed-entities';
import { screen, within } from '@testing-library/react';
import {
  invalidComponent,
  refusedLocation,
  waitingComponent,
} from './fixtures';
import { RefusedEntitiesCard } from './RefusedEntities';
import { UnprocessedRecord } from './refusals';

function unprocessedApi(records: {
  pending: UnprocessedRecord[];
  failed: UnprocessedRecord[];
}) {
  return {
    pending: jest.fn(async () => ({ entities: records.pending })),
    failed: jest.fn(async () => ({ entities: records.failed })),
    delete: jest.fn(),
  };
}

describe('RefusedEntitiesCard', () => {
  it('shows each refused entity with the catalog’s reason, pending ones included', async () => {
    await renderInTestApp(<RefusedEntitiesCard />, {
      apis: [
        [
          catalogUnprocessedEntitiesApiRef,
          unprocessedApi({
            pending: [refusedLocation, invalidComponent, waitingComponent],
            failed: [],
          }),
        ],
      ],
    });

    const location = await screen.findByRole('listitem', {
      name: 'Refused: location:default/generated-0a1b2c',
    });
    expect(location).toHaveTextContent('Never accepted');
    expect(location).toHaveTextContent(
      'Read from https://github.com/dataflow/e2e-refused/blob/main/catalog-info.yaml',
    );
    expect(location).toHaveTextContent(
      'NotAllowedError: Entity group:default/shadow-admins at url:https://github.com/dataflow/e2e-refused/blob/main/catalog-info.yaml',
    );
    expect(location).toHaveTextContent(
      'is not of an allowed kind for that location',
    );

    const component = screen.getByRole('listitem', {
      name: 'Refused: component:default/billing_v2',
    });
    expect(component).toHaveTextContent(
      'InputError: Policy check failed for component:default/billing_v2',
    );
    expect(
      within(component).getByText(/Because: "metadata.name" is not valid/),
    ).toBeInTheDocument();
    expect(component).toHaveTextContent('owner group:default/billing');

    // Waiting for its first processing is not a refusal.
    expect(
      screen.queryByRole('listitem', {
        name: 'Refused: component:default/new-service',
      }),
    ).not.toBeInTheDocument();
    expect(
      screen.getByText('1 more entity is waiting for its first processing.'),
    ).toBeInTheDocument();
  });

  it('says so when nothing was refused', async () => {
    await renderInTestApp(<RefusedEntitiesCard />, {
      apis: [
        [
          catalogUnprocessedEntitiesApiRef,
          unprocessedApi({ pending: [], failed: [] }),
        ],
      ],
    });
    expect(await screen.findByText('Nothing refused')).toBeInTheDocument();
  });

  it('shows the API’s error, e.g. when the user may not read unprocessed entities', async () => {
    const api = unprocessedApi({ pending: [], failed: [] });
    api.failed.mockRejectedValue(new Error('Unauthorized'));
    await renderInTestApp(<RefusedEntitiesCard />, {
      apis: [[catalogUnprocessedEntitiesApiRef, api]],
    });
    expect((await screen.findAllByText(/Unauthorized/)).length).toBeGreaterThan(
      0,
    );
    expect(screen.queryByText('Nothing refused')).not.toBeInTheDocument();
  });
});
