import { screen, waitFor, within } from '@testing-library/react';
import { Entity, stringifyEntityRef } from '@backstage/catalog-model';
import { CatalogApi } from '@backstage/catalog-client';
import { renderInTestApp } from '@backstage/frontend-test-utils';
import {
  EntityProvider,
  catalogApiRef,
  entityRouteRef,
} from '@backstage/plugin-catalog-react';
import { DataAndEventsCard } from './DataAndEventsCard';
import {
  billing,
  catalog,
  connectorConfigured,
  legacyDb,
  orphanQueue,
  pipelineRunCreated,
  pipelineService,
} from './__fixtures__/catalog';

/** A catalog API whose getEntitiesByRefs answers from the fixture catalog. */
function fakeCatalogApi(entities: Entity[] = catalog) {
  const byRef = new Map(entities.map(e => [stringifyEntityRef(e), e]));
  const getEntitiesByRefs = jest.fn(
    async ({ entityRefs }: { entityRefs: string[] }) => ({
      items: entityRefs.map(ref => byRef.get(ref)),
    }),
  );
  return {
    api: { getEntitiesByRefs } as unknown as CatalogApi,
    getEntitiesByRefs,
  };
}

function renderCard(entity: Entity, catalogApi: CatalogApi) {
  return renderInTestApp(
    <EntityProvider entity={entity}>
      <DataAndEventsCard />
    </EntityProvider>,
    {
      apis: [[catalogApiRef, catalogApi]],
      mountedRoutes: { '/catalog/:namespace/:kind/:name': entityRouteRef },
    },
  );
}

function section(name: string) {
  return screen.getByRole('group', { name });
}

function link(container: HTMLElement, name: string | RegExp) {
  return within(container).getByRole('link', { name });
}

describe('DataAndEventsCard', () => {
  it('shows databases, produced and consumed topics of a service, with two requests', async () => {
    const { api, getEntitiesByRefs } = fakeCatalogApi();
    renderCard(pipelineService, api);

    expect(await screen.findByText('Data & events')).toBeInTheDocument();
    await screen.findByRole('group', { name: 'Databases' });

    const databases = section('Databases');
    expect(link(databases, /Pipeline DB/)).toHaveAttribute(
      'href',
      '/catalog/default/resource/pipeline-db',
    );
    expect(within(databases).getByText('postgresql')).toBeInTheDocument();
    expect(within(databases).queryByText('personal data')).toBeNull();
    expect(within(databases).queryByText('Shared database')).toBeNull();

    const produces = section('Produces');
    expect(
      within(produces).getByText('pipeline.run.created', { selector: 'code' }),
    ).toBeInTheDocument();
    const consumersOfCreated = within(produces).getByRole('list', {
      name: 'Consumers of pipeline.run.created',
    });
    expect(consumersOfCreated).toHaveTextContent(
      'reporting · owned by reporting',
    );
    expect(
      within(consumersOfCreated)
        .getAllByRole('link')
        .map(a => a.getAttribute('href')),
    ).toEqual([
      '/catalog/default/component/reporting',
      '/catalog/default/group/reporting',
    ]);
    expect(within(produces).getByText('RabbitMQ queue')).toBeInTheDocument();
    expect(
      within(produces).getByText('No consumer in the catalog'),
    ).toBeInTheDocument();

    const consumes = section('Consumes');
    expect(link(consumes, /connector\.configured/)).toBeInTheDocument();
    expect(
      within(consumes).getByText('No producer in the catalog'),
    ).toBeInTheDocument();

    expect(getEntitiesByRefs).toHaveBeenCalledTimes(2);
    expect(getEntitiesByRefs.mock.calls[0][0]).toMatchObject({
      entityRefs: expect.arrayContaining(['resource:default/pipeline-db']),
      fields: expect.arrayContaining([
        'spec.engine',
        'spec.topic',
        'relations',
      ]),
    });
    expect(getEntitiesByRefs.mock.calls[1][0]).toMatchObject({
      entityRefs: [
        'component:default/reporting',
        'component:default/etl-workers',
      ],
    });
  });

  it('warns on a service whose database is shared, naming the other services and owners', async () => {
    const { api } = fakeCatalogApi();
    renderCard(billing, api);

    const warning = await screen.findByText('Shared database');
    const databases = section('Databases');
    expect(within(databases).getByText('personal data')).toBeInTheDocument();
    const alert = warning.closest('.bui-Alert') as HTMLElement;
    expect(alert).not.toBeNull();
    expect(
      within(alert)
        .getAllByRole('link')
        .map(a => a.getAttribute('href')),
    ).toEqual([
      '/catalog/default/component/admin',
      '/catalog/default/component/user-management',
      '/catalog/default/group/identity',
    ]);
    expect(alert).toHaveTextContent('no owner');
  });

  it('shows the services using a database, with owners and a shared warning', async () => {
    const { api, getEntitiesByRefs } = fakeCatalogApi();
    renderCard(legacyDb, api);

    expect(
      await screen.findByText('Shared database: used by 3 services'),
    ).toBeInTheDocument();
    expect(screen.getByText('postgresql')).toBeInTheDocument();
    expect(screen.getByText('personal data')).toBeInTheDocument();
    const users = screen.getByRole('list', { name: 'Used by' });
    expect(
      within(users)
        .getAllByRole('link')
        .map(a => a.getAttribute('href')),
    ).toEqual([
      '/catalog/default/component/admin',
      '/catalog/default/component/billing',
      '/catalog/default/group/billing',
      '/catalog/default/component/user-management',
      '/catalog/default/group/identity',
    ]);
    expect(getEntitiesByRefs).toHaveBeenCalledTimes(1);
  });

  it('shows producers, consumers and the schema of a topic', async () => {
    const { api } = fakeCatalogApi();
    renderCard(pipelineRunCreated, api);

    const producers = await screen.findByRole('list', { name: 'Producers' });
    expect(link(producers, /pipeline-service/)).toBeInTheDocument();
    expect(
      within(producers)
        .getAllByRole('link')
        .map(a => a.getAttribute('href')),
    ).toContain('/catalog/default/group/pipelines');
    const consumers = screen.getByRole('list', { name: 'Consumers' });
    expect(
      within(consumers)
        .getAllByRole('link')
        .map(a => a.getAttribute('href')),
    ).toEqual([
      '/catalog/default/component/reporting',
      '/catalog/default/group/reporting',
    ]);
    expect(
      screen.getByText('Kafka topic', { exact: false }),
    ).toBeInTheDocument();
    expect(
      screen.getByRole('link', { name: /pipeline-events/ }),
    ).toHaveAttribute('href', '/catalog/default/api/pipeline-events');
    expect(screen.queryByText(/No producer/)).toBeNull();
    expect(screen.queryByText(/No consumer/)).toBeNull();
  });

  it('warns about a topic without producer', async () => {
    const { api } = fakeCatalogApi();
    renderCard(connectorConfigured, api);
    expect(
      await screen.findByText('No producer in the catalog'),
    ).toBeInTheDocument();
    expect(screen.queryByText('No consumer in the catalog')).toBeNull();
  });

  it('warns about a queue with neither producer nor consumer, without any request', async () => {
    const { api, getEntitiesByRefs } = fakeCatalogApi();
    renderCard(orphanQueue, api);
    expect(
      await screen.findByText('No producer in the catalog'),
    ).toBeInTheDocument();
    expect(screen.getByText('No consumer in the catalog')).toBeInTheDocument();
    expect(screen.getByText(/none in the catalog/)).toBeInTheDocument();
    expect(getEntitiesByRefs).not.toHaveBeenCalled();
  });

  it('shows progress while loading', async () => {
    const api = {
      getEntitiesByRefs: jest.fn(() => new Promise(() => {})),
    } as unknown as CatalogApi;
    renderCard(pipelineService, api);
    expect(await screen.findByText('Data & events')).toBeInTheDocument();
    expect(screen.getByTestId('progress')).toBeInTheDocument();
    expect(screen.queryByRole('group', { name: 'Databases' })).toBeNull();
  });

  it('shows an error when the catalog request fails', async () => {
    const api = {
      getEntitiesByRefs: jest.fn().mockRejectedValue(new Error('catalog down')),
    } as unknown as CatalogApi;
    renderCard(pipelineService, api);
    await waitFor(() =>
      expect(screen.getAllByText(/catalog down/).length).toBeGreaterThan(0),
    );
    expect(screen.queryByRole('group', { name: 'Databases' })).toBeNull();
  });
});
