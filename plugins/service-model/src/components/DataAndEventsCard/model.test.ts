import { Entity } from '@backstage/catalog-model';
import {
  ChannelDataAndEvents,
  DatabaseDataAndEvents,
  RESOURCE_FIELDS,
  SERVICE_FIELDS,
  ServiceDataAndEvents,
  buildDataAndEventsModel,
  planNextFetch,
  viewOf,
} from './model';
import {
  billing,
  catalog,
  connectorConfigured,
  etlTasks,
  legacyDb,
  lookupOf,
  orphanQueue,
  pipelineDb,
  pipelineRunCreated,
  pipelineService,
  userManagement,
} from './__fixtures__/catalog';

function serviceModel(entity: Entity, entities = catalog) {
  const model = buildDataAndEventsModel(entity, lookupOf(entities));
  expect(model?.view).toBe('service');
  return model as ServiceDataAndEvents;
}

function databaseModel(entity: Entity) {
  const model = buildDataAndEventsModel(entity, lookupOf());
  expect(model?.view).toBe('database');
  return model as DatabaseDataAndEvents;
}

function channelModel(entity: Entity) {
  const model = buildDataAndEventsModel(entity, lookupOf());
  expect(model?.view).toBe('channel');
  return model as ChannelDataAndEvents;
}

/** Runs the fetch plan against the fixture catalog, like the card's hook does. */
function runPlan(entity: Entity) {
  const all = lookupOf();
  const related = new Map<string, Entity>();
  const attempted = new Set<string>();
  const steps = [];
  for (
    let step = planNextFetch(entity, related, attempted);
    step;
    step = planNextFetch(entity, related, attempted)
  ) {
    steps.push(step);
    for (const ref of step.entityRefs) {
      attempted.add(ref);
      const found = all.get(ref);
      if (found) {
        related.set(ref, found);
      }
    }
    if (steps.length > 5) {
      throw new Error('the plan does not end');
    }
  }
  return { steps, related };
}

describe('viewOf', () => {
  it.each([
    ['pipeline-service', pipelineService, 'service'],
    ['legacy-db', legacyDb, 'database'],
    ['pipeline-run-created', pipelineRunCreated, 'channel'],
    ['etl-tasks', etlTasks, 'channel'],
  ] as const)('classifies %s', (_name, entity, view) => {
    expect(viewOf(entity)).toBe(view);
  });

  it('ignores other entities', () => {
    expect(
      viewOf({ ...pipelineService, spec: { type: 'website' } }),
    ).toBeUndefined();
    expect(
      viewOf({ ...legacyDb, spec: { type: 's3-bucket' } }),
    ).toBeUndefined();
    expect(
      viewOf({ apiVersion: 'v1', kind: 'System', metadata: { name: 's' } }),
    ).toBeUndefined();
    expect(
      buildDataAndEventsModel({ ...legacyDb, kind: 'API' }, new Map()),
    ).toBeUndefined();
  });
});

describe('planNextFetch', () => {
  it('fetches a service in two requests: its resources, then the services around them', () => {
    const { steps } = runPlan(pipelineService);
    expect(steps).toHaveLength(2);
    expect(steps[0]).toEqual({
      entityRefs: [
        'resource:default/pipeline-db',
        'resource:default/pipeline-run-created',
        'resource:default/pipeline-run-failed',
        'resource:default/etl-tasks',
        'resource:default/connector-configured',
      ],
      fields: [...RESOURCE_FIELDS],
    });
    // the consumers of what it produces; connector-configured has no producer
    // and pipeline-db has no other user, so nothing else is needed
    expect(steps[1]).toEqual({
      entityRefs: [
        'component:default/reporting',
        'component:default/etl-workers',
      ],
      fields: [...SERVICE_FIELDS],
    });
  });

  it('asks for the other users of a shared database, not the service itself', () => {
    const { steps } = runPlan(userManagement);
    expect(steps.map(s => s.entityRefs)).toEqual([
      ['resource:default/legacy-db'],
      ['component:default/billing', 'component:default/admin'],
    ]);
  });

  it('fetches a database or a topic in one request', () => {
    expect(runPlan(legacyDb).steps).toEqual([
      {
        entityRefs: [
          'component:default/user-management',
          'component:default/billing',
          'component:default/admin',
        ],
        fields: [...SERVICE_FIELDS],
      },
    ]);
    expect(runPlan(pipelineRunCreated).steps.map(s => s.entityRefs)).toEqual([
      ['component:default/pipeline-service', 'component:default/reporting'],
    ]);
  });

  it('needs nothing when there is nothing around the entity', () => {
    expect(runPlan(orphanQueue).steps).toEqual([]);
  });

  it('does not ask again for refs that were not found', () => {
    const attempted = new Set(['resource:default/pipeline-db']);
    const step = planNextFetch(
      {
        ...pipelineService,
        relations: [
          { type: 'dependsOn', targetRef: 'resource:default/pipeline-db' },
        ],
      },
      new Map(),
      attempted,
    );
    expect(step).toBeUndefined();
  });
});

describe('buildDataAndEventsModel on a service', () => {
  it('lists its databases with engine and personal data', () => {
    const model = serviceModel(pipelineService);
    expect(model.databases).toEqual([
      {
        entityRef: 'resource:default/pipeline-db',
        entity: pipelineDb,
        engine: 'postgresql',
        personalData: false,
        sharedWith: [],
      },
    ]);
  });

  it('warns about a shared database, naming the other services and their owners', () => {
    const model = serviceModel(billing);
    expect(model.databases).toHaveLength(1);
    const [db] = model.databases;
    expect(db.entityRef).toBe('resource:default/legacy-db');
    expect(db.personalData).toBe(true);
    expect(
      db.sharedWith.map(s => ({ ref: s.entityRef, owners: s.ownerRefs })),
    ).toEqual([
      { ref: 'component:default/admin', owners: [] },
      {
        ref: 'component:default/user-management',
        owners: ['group:default/identity'],
      },
    ]);
  });

  it('does not take a topic or a component in dependsOn for a database', () => {
    const model = serviceModel(billing);
    expect(model.databases.map(d => d.entityRef)).toEqual([
      'resource:default/legacy-db',
    ]);
  });

  it('shows the consumers of produced topics with their owners', () => {
    const model = serviceModel(pipelineService);
    expect(
      model.produces.map(c => ({
        ref: c.entityRef,
        type: c.type,
        brokerName: c.brokerName,
        counterparts: c.counterparts.map(s => [s.entityRef, s.ownerRefs]),
        warning: c.warning,
      })),
    ).toEqual([
      {
        ref: 'resource:default/etl-tasks',
        type: 'rabbitmq-queue',
        brokerName: 'etl.tasks',
        counterparts: [
          ['component:default/etl-workers', ['group:default/pipelines']],
        ],
        warning: undefined,
      },
      {
        ref: 'resource:default/pipeline-run-created',
        type: 'kafka-topic',
        brokerName: 'pipeline.run.created',
        counterparts: [
          ['component:default/reporting', ['group:default/reporting']],
        ],
        warning: undefined,
      },
      {
        ref: 'resource:default/pipeline-run-failed',
        type: 'kafka-topic',
        brokerName: 'pipeline.run.failed',
        counterparts: [],
        warning: 'no-consumer',
      },
    ]);
  });

  it('shows the producers of consumed topics and warns when there is none', () => {
    const model = serviceModel(pipelineService);
    expect(model.consumes).toHaveLength(1);
    expect(model.consumes[0]).toMatchObject({
      entityRef: 'resource:default/connector-configured',
      brokerName: 'connector.configured',
      counterparts: [],
      warning: 'no-producer',
    });

    const consumer = serviceModel(
      catalog.find(e => e.metadata.name === 'reporting')!,
    );
    expect(consumer.consumes[0].warning).toBeUndefined();
    expect(
      consumer.consumes[0].counterparts.map(s => [s.entityRef, s.ownerRefs]),
    ).toEqual([
      ['component:default/pipeline-service', ['group:default/pipelines']],
    ]);
  });

  it('marks topics that are not in the catalog', () => {
    const model = serviceModel(
      pipelineService,
      catalog.filter(e => e !== connectorConfigured),
    );
    expect(model.consumes[0]).toMatchObject({
      entityRef: 'resource:default/connector-configured',
      entity: undefined,
      counterparts: [],
      warning: 'not-in-catalog',
    });
  });

  it('compares entity refs case-insensitively', () => {
    const model = serviceModel({
      ...userManagement,
      metadata: { ...userManagement.metadata, name: 'User-Management' },
      relations: [
        { type: 'dependsOn', targetRef: 'Resource:Default/Legacy-DB' },
      ],
    });
    expect(model.databases[0].entityRef).toBe('resource:default/legacy-db');
    expect(model.databases[0].sharedWith.map(s => s.entityRef)).toEqual([
      'component:default/admin',
      'component:default/billing',
    ]);
  });

  it('is empty for a service without data or events', () => {
    const model = serviceModel({ ...pipelineService, relations: [] });
    expect(model).toEqual({
      view: 'service',
      databases: [],
      produces: [],
      consumes: [],
    });
  });
});

describe('buildDataAndEventsModel on a database', () => {
  it('lists the services using it with owners and flags it shared', () => {
    const model = databaseModel(legacyDb);
    expect(model).toMatchObject({
      engine: 'postgresql',
      personalData: true,
      shared: true,
    });
    expect(model.users.map(u => [u.entityRef, u.ownerRefs])).toEqual([
      ['component:default/admin', []],
      ['component:default/billing', ['group:default/billing']],
      ['component:default/user-management', ['group:default/identity']],
    ]);
  });

  it('is not shared with a single user', () => {
    const model = databaseModel(pipelineDb);
    expect(model.shared).toBe(false);
    expect(model.personalData).toBe(false);
    expect(model.users.map(u => u.entityRef)).toEqual([
      'component:default/pipeline-service',
    ]);
  });

  it('counts only Components as users', () => {
    const model = databaseModel({
      ...pipelineDb,
      relations: [
        ...pipelineDb.relations!,
        { type: 'dependencyOf', targetRef: 'resource:default/some-bucket' },
      ],
    });
    expect(model.shared).toBe(false);
  });
});

describe('buildDataAndEventsModel on a topic or queue', () => {
  it('lists producers and consumers with owners, and the schema', () => {
    const model = channelModel(pipelineRunCreated);
    expect(model).toMatchObject({
      type: 'kafka-topic',
      brokerName: 'pipeline.run.created',
      schemaRefs: ['api:default/pipeline-events'],
      warnings: [],
    });
    expect(model.producers.map(s => [s.entityRef, s.ownerRefs])).toEqual([
      ['component:default/pipeline-service', ['group:default/pipelines']],
    ]);
    expect(model.consumers.map(s => [s.entityRef, s.ownerRefs])).toEqual([
      ['component:default/reporting', ['group:default/reporting']],
    ]);
  });

  it('warns about a missing producer', () => {
    expect(channelModel(connectorConfigured).warnings).toEqual(['no-producer']);
  });

  it('warns about a missing producer and consumer', () => {
    const model = channelModel(orphanQueue);
    expect(model.warnings).toEqual(['no-producer', 'no-consumer']);
    expect(model.schemaRefs).toEqual([]);
  });

  it('keeps a producer that is not in the catalog, without owners', () => {
    const model = buildDataAndEventsModel(
      pipelineRunCreated,
      new Map(),
    ) as ChannelDataAndEvents;
    expect(model.producers).toEqual([
      {
        entityRef: 'component:default/pipeline-service',
        entity: undefined,
        ownerRefs: [],
      },
    ]);
    expect(model.warnings).toEqual([]);
  });
});
