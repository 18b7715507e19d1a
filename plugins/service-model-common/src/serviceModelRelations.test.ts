import { database, queue, service, topic } from './__testUtils__/entities';
import { serviceModelRelations } from './serviceModelRelations';

const ref = (kind: string, name: string, namespace = 'default') => ({
  kind,
  namespace,
  name,
});

describe('serviceModelRelations', () => {
  it('emits produces/producedBy and consumes/consumedBy for a service', () => {
    const self = ref('Component', 'pipeline-service');
    expect(
      serviceModelRelations(
        service({
          produces: ['resource:default/pipeline-run-created', 'etl-tasks'],
          consumes: ['connector-configured'],
        }),
      ),
    ).toEqual([
      {
        type: 'produces',
        source: self,
        target: ref('resource', 'pipeline-run-created'),
      },
      {
        type: 'producedBy',
        source: ref('resource', 'pipeline-run-created'),
        target: self,
      },
      { type: 'produces', source: self, target: ref('resource', 'etl-tasks') },
      {
        type: 'producedBy',
        source: ref('resource', 'etl-tasks'),
        target: self,
      },
      {
        type: 'consumes',
        source: self,
        target: ref('resource', 'connector-configured'),
      },
      {
        type: 'consumedBy',
        source: ref('resource', 'connector-configured'),
        target: self,
      },
    ]);
  });

  it("resolves refs without namespace against the entity's namespace", () => {
    const entity = service({ produces: ['t1'], consumes: [] });
    entity.metadata.namespace = 'payments';
    expect(serviceModelRelations(entity)).toEqual([
      {
        type: 'produces',
        source: ref('Component', 'pipeline-service', 'payments'),
        target: ref('resource', 't1', 'payments'),
      },
      {
        type: 'producedBy',
        source: ref('resource', 't1', 'payments'),
        target: ref('Component', 'pipeline-service', 'payments'),
      },
    ]);
  });

  it('emits hasSchema/schemaOf for topics and queues', () => {
    expect(serviceModelRelations(topic())).toEqual([
      {
        type: 'hasSchema',
        source: ref('Resource', 'pipeline-run-created'),
        target: ref('api', 'pipeline-events'),
      },
      {
        type: 'schemaOf',
        source: ref('api', 'pipeline-events'),
        target: ref('Resource', 'pipeline-run-created'),
      },
    ]);
    expect(serviceModelRelations(queue()).map(r => r.type)).toEqual([
      'hasSchema',
      'schemaOf',
    ]);
  });

  it('emits nothing for other entities and skips invalid refs', () => {
    expect(serviceModelRelations(database())).toEqual([]);
    expect(
      serviceModelRelations(
        service({ produces: ['api:x', 5], consumes: 'not-a-list' }),
      ),
    ).toEqual([]);
    expect(serviceModelRelations(topic({ schema: 'resource:x' }))).toEqual([]);
  });
});
