import { Entity } from '@backstage/catalog-model';
import {
  renderInTestApp,
  TestApiProvider,
} from '@backstage/frontend-test-utils';
import { catalogApiRef, EntityProvider } from '@backstage/plugin-catalog-react';
import { screen } from '@testing-library/react';
import { SourceCard } from './SourceCard';

const billing = (extra: Partial<Entity> & { status?: unknown }): Entity =>
  ({
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Component',
    metadata: {
      name: 'billing',
      annotations: {
        'backstage.io/managed-by-location':
          'url:https://github.com/dataflow/billing/blob/main/catalog-info.yaml',
        'strata.dev/source-version': `git:${'a1b2c3d4e5f6'.padEnd(40, '0')}`,
        'strata.dev/source-read-at': '2026-12-02T08:00:00.000Z',
      },
    },
    spec: { type: 'service' },
    ...extra,
  } as Entity);

const location: Entity = {
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Location',
  metadata: { name: 'generated-billing', namespace: 'default' },
  spec: { type: 'url' },
};

const render = (entity: Entity, ancestors: Entity[] = []) => {
  const catalogApi = {
    getEntityAncestors: async () => ({
      rootEntityRef: 'component:default/billing',
      items: [entity, ...ancestors].map(e => ({
        entity: e,
        parentEntityRefs: [],
      })),
    }),
  };
  return renderInTestApp(
    <TestApiProvider apis={[[catalogApiRef, catalogApi]]}>
      <EntityProvider entity={entity}>
        <SourceCard />
      </EntityProvider>
    </TestApiProvider>,
  );
};

// A first render on the loaded 2-core machine can take seconds.
jest.setTimeout(30_000);

describe('SourceCard', () => {
  it('names the file, the commit and when it was read', async () => {
    await render(billing({}));
    expect(
      await screen.findByText(
        'https://github.com/dataflow/billing/blob/main/catalog-info.yaml',
      ),
    ).toBeInTheDocument();
    expect(screen.getByTestId('source-version')).toHaveTextContent(
      `At commit a1b2c3d4e5f6, read ${new Date(
        '2026-12-02T08:00:00.000Z',
      ).toLocaleString()}`,
    );
    expect(screen.queryByTestId('source-error')).toBeNull();
  });

  it('says why the last refresh failed', async () => {
    await render(
      billing({
        status: {
          items: [
            {
              type: 'backstage.io/catalog-processing',
              level: 'error',
              message: 'NotFoundError: Unable to read url',
              error: {
                name: 'NotFoundError',
                message:
                  'Unable to read url, NotFoundError: https://github.com/dataflow/billing/blob/main/catalog-info.yaml could not be read',
              },
            },
          ],
        },
      }),
    );
    expect(await screen.findByTestId('source-error')).toHaveTextContent(
      'The last refresh failed: Unable to read url, NotFoundError',
    );
  });

  it('says why the refresh of the Location it was read through failed', async () => {
    await render(billing({}), [
      {
        ...location,
        status: {
          items: [
            {
              type: 'backstage.io/catalog-processing',
              level: 'error',
              message: 'NotFoundError: gone',
              error: {
                name: 'NotFoundError',
                message: 'Unable to read url, gone',
              },
            },
          ],
        },
      } as Entity,
    ]);
    expect(await screen.findByTestId('source-error')).toHaveTextContent(
      'The last refresh of location:default/generated-billing failed: Unable to read url, gone',
    );
  });

  it('says so when the version is not known yet', async () => {
    await render(billing({ metadata: { name: 'billing', annotations: {} } }));
    expect(await screen.findByTestId('source-version')).toHaveTextContent(
      'Version not known yet',
    );
  });
});
