import { screen, waitFor, within } from '@testing-library/react';
import { Entity } from '@backstage/catalog-model';
import {
  createExtensionTester,
  renderTestApp,
} from '@backstage/frontend-test-utils';
import { catalogApiRef } from '@backstage/plugin-catalog-react';
import { EntityCardBlueprint } from '@backstage/plugin-catalog-react/alpha';
import {
  catalogApiMock,
  createTestEntityPage,
} from '@backstage/plugin-catalog-react/testUtils';
import catalogGraphPlugin from '@backstage/plugin-catalog-graph/alpha';
import serviceModelPlugin from './index';
import {
  dataAndEventsEntityCard,
  systemArchitectureGraphCard,
} from './extensions';
import {
  catalog,
  connectorConfigured,
  etlTasks,
  legacyDb,
  pipelineService,
} from './components/DataAndEventsCard/__fixtures__/catalog';

const system: Entity = {
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'System',
  metadata: { name: 'pipelines', namespace: 'default' },
  spec: { owner: 'group:default/pipelines' },
  relations: [
    { type: 'hasPart', targetRef: 'component:default/pipeline-service' },
  ],
};

const website: Entity = {
  ...pipelineService,
  metadata: { name: 'web', namespace: 'default' },
  spec: { type: 'website' },
};

const bucket: Entity = {
  ...legacyDb,
  metadata: { name: 'bucket', namespace: 'default' },
  spec: { type: 's3-bucket' },
};

describe('serviceModelPlugin', () => {
  it('provides the two entity cards under the service-model namespace', () => {
    expect(serviceModelPlugin.id).toBe('service-model');
    // getExtension is typed with the plugin's extension ids; the type-level
    // map does not pick up the overridden upstream card, the runtime one does.
    const getExtension = serviceModelPlugin.getExtension as (
      id: string,
    ) => typeof dataAndEventsEntityCard;
    // Both are entity cards; data and events is a full-width content card.
    const dataAndEvents = createExtensionTester(
      getExtension('entity-card:service-model/data-and-events'),
    );
    expect(dataAndEvents.get(EntityCardBlueprint.dataRefs.type)).toBe(
      'content',
    );
    const relations = createExtensionTester(
      (
        serviceModelPlugin.getExtension as (
          id: string,
        ) => typeof systemArchitectureGraphCard
      )('entity-card:service-model/relations'),
    );
    // The relations card is the architecture graph, shown on System pages only.
    const onlySystems = relations.get(
      EntityCardBlueprint.dataRefs.filterFunction,
    )!;
    expect(onlySystems(system)).toBe(true);
    expect(onlySystems(pipelineService)).toBe(false);
    expect(() => getExtension('entity-card:catalog-graph/relations')).toThrow();
  });
});

describe('entity-card:service-model/data-and-events', () => {
  it('is an overview content card filtered to services, databases, topics and queues', () => {
    const tester = createExtensionTester(dataAndEventsEntityCard);
    expect(tester.query(dataAndEventsEntityCard).node.spec.attachTo).toEqual({
      id: 'entity-content:catalog/overview',
      input: 'cards',
    });
    expect(tester.get(EntityCardBlueprint.dataRefs.type)).toBe('content');

    const filter = tester.get(EntityCardBlueprint.dataRefs.filterFunction)!;
    expect(filter).toBeInstanceOf(Function);
    expect(filter(pipelineService)).toBe(true);
    expect(filter(legacyDb)).toBe(true);
    expect(filter(connectorConfigured)).toBe(true);
    expect(filter(etlTasks)).toBe(true);
    expect(filter(website)).toBe(false);
    expect(filter(bucket)).toBe(false);
    expect(filter(system)).toBe(false);
  });

  it('lets app-config replace the filter', () => {
    const tester = createExtensionTester(dataAndEventsEntityCard, {
      config: { filter: { kind: 'system' } },
    });
    const filter = tester.get(EntityCardBlueprint.dataRefs.filterFunction)!;
    expect(filter(system)).toBe(true);
    expect(filter(pipelineService)).toBe(false);
  });

  function renderEntityPage(entity: Entity) {
    renderTestApp({
      extensions: [createTestEntityPage({ entity }), dataAndEventsEntityCard],
      apis: [[catalogApiRef, catalogApiMock({ entities: catalog })]],
    });
  }

  it.each([
    ['a service', pipelineService],
    ['a database', legacyDb],
    ['a topic', connectorConfigured],
    ['a queue', etlTasks],
  ])('shows on the overview of %s', async (_name, entity) => {
    renderEntityPage(entity);
    expect(await screen.findByText('Data & events')).toBeInTheDocument();
  });

  it.each([
    ['a website', website],
    ['a bucket', bucket],
    ['a system', system],
  ])('does not show on the overview of %s', async (_name, entity) => {
    renderEntityPage(entity);
    expect(await screen.findByTestId('empty-entity-page')).toBeInTheDocument();
  });
});

function cardTitled(title: HTMLElement): HTMLElement {
  const card = title.closest('.bui-Card');
  expect(card).not.toBeNull();
  return card as HTMLElement;
}

describe('entity-card:service-model/relations', () => {
  it('is the catalog-graph card, on System pages only', () => {
    const tester = createExtensionTester(systemArchitectureGraphCard);
    expect(
      tester.query(systemArchitectureGraphCard).node.spec.attachTo,
    ).toEqual({ id: 'entity-content:catalog/overview', input: 'cards' });
    const filter = tester.get(EntityCardBlueprint.dataRefs.filterFunction)!;
    expect(filter(system)).toBe(true);
    expect(filter(pipelineService)).toBe(false);
    expect(filter(legacyDb)).toBe(false);
  });

  it('renders the upstream graph card with the architecture defaults', async () => {
    const catalogApi = catalogApiMock({ entities: [system, ...catalog] });
    const getEntitiesByRefs = jest.spyOn(catalogApi, 'getEntitiesByRefs');
    renderTestApp({
      features: [catalogGraphPlugin, serviceModelPlugin],
      extensions: [createTestEntityPage({ entity: system })],
      apis: [[catalogApiRef, catalogApi]],
    });
    const card = cardTitled(await screen.findByText('Architecture'));
    const href = decodeURIComponent(
      within(card).getByText('View graph').closest('a')!.getAttribute('href')!,
    );
    for (const param of [
      'rootEntityRefs[]=system:default/pipelines',
      'maxDepth=2',
      'unidirectional=false',
      'selectedKinds[]=resource',
      'selectedRelations[]=hasPart',
      'selectedRelations[]=dependsOn',
      'selectedRelations[]=produces',
      'selectedRelations[]=consumedBy',
      'selectedRelations[]=providesApi',
      'selectedRelations[]=consumesApi',
    ]) {
      expect(href).toContain(param);
    }
    expect(href).not.toContain('ownedBy');
    await waitFor(() =>
      expect(getEntitiesByRefs).toHaveBeenCalledWith(
        expect.objectContaining({
          entityRefs: expect.arrayContaining([
            'component:default/pipeline-service',
          ]),
        }),
      ),
    );
  });

  it('keeps the upstream config keys, so app-config can change them', async () => {
    renderTestApp({
      features: [catalogGraphPlugin, serviceModelPlugin],
      extensions: [createTestEntityPage({ entity: system })],
      apis: [[catalogApiRef, catalogApiMock({ entities: [system] })]],
      config: {
        app: {
          extensions: [
            {
              'entity-card:service-model/relations': {
                config: { title: 'System map', maxDepth: 1 },
              },
            },
          ],
        },
      },
    });
    const card = cardTitled(await screen.findByText('System map'));
    expect(within(card).getByText('View graph').closest('a')).toHaveAttribute(
      'href',
      expect.stringContaining('maxDepth=1'),
    );
  });

  it('is the only graph on System pages with the recommended app-config', async () => {
    renderTestApp({
      features: [catalogGraphPlugin, serviceModelPlugin],
      extensions: [createTestEntityPage({ entity: system })],
      apis: [[catalogApiRef, catalogApiMock({ entities: [system] })]],
      config: {
        app: {
          extensions: [
            {
              'entity-card:catalog-graph/relations': {
                config: { filter: { $not: { kind: 'system' } } },
              },
            },
          ],
        },
      },
    });
    expect(await screen.findByText('Architecture')).toBeInTheDocument();
    expect(screen.getAllByText('View graph')).toHaveLength(1);
    expect(screen.queryByText('Relations')).toBeNull();
  });
});
