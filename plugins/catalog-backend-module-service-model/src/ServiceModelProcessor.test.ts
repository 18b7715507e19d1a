import { ANNOTATION_LOCATION, Entity } from '@backstage/catalog-model';
import { InputError } from '@backstage/errors';
import { CatalogProcessorResult } from '@backstage/plugin-catalog-node';
import { ServiceModelProcessor } from './ServiceModelProcessor';

const location = { type: 'file', target: '/repo/catalog-info.yaml' };

function service(spec: Record<string, unknown>): Entity {
  return {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Component',
    metadata: {
      name: 'etl-workers',
      annotations: { [ANNOTATION_LOCATION]: 'file:/repo/catalog-info.yaml' },
    },
    spec: {
      type: 'service',
      lifecycle: 'production',
      owner: 'pipelines',
      tier: 1,
      ...spec,
    },
  };
}

const topic: Entity = {
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Resource',
  metadata: { name: 'pipeline-run-completed' },
  spec: {
    type: 'kafka-topic',
    owner: 'pipelines',
    topic: 'pipeline.run.completed',
    schema: 'pipeline-events',
  },
};

/** A database as stock Backstage writes it: no engine, no personalData. */
const database: Entity = {
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Resource',
  metadata: { name: 'orders-db' },
  spec: { type: 'database', owner: 'pipelines' },
};

async function postProcess(entity: Entity) {
  const emitted: CatalogProcessorResult[] = [];
  const result = await new ServiceModelProcessor().postProcessEntity(
    entity,
    location,
    r => emitted.push(r),
  );
  return { result, emitted };
}

describe('ServiceModelProcessor', () => {
  const processor = new ServiceModelProcessor();

  it('has a name', () => {
    expect(processor.getProcessorName()).toBe('ServiceModelProcessor');
  });

  it('lets valid entities through without claiming their kind', async () => {
    await expect(
      processor.validateEntityKind(service({ produces: ['etl-tasks'] })),
    ).resolves.toBe(false);
    await expect(processor.validateEntityKind(topic)).resolves.toBe(false);
    await expect(
      processor.validateEntityKind({
        apiVersion: 'backstage.io/v1alpha1',
        kind: 'Group',
        metadata: { name: 'pipelines' },
        spec: { type: 'team', children: [] },
      }),
    ).resolves.toBe(false);
  });

  it('rejects an invalid entity with an InputError naming the entity, file and fields', async () => {
    const error = await processor
      .validateEntityKind(
        service({ tier: 7, produces: ['etl-tasks', 'api:default/x'] }),
      )
      .catch(e => e);
    expect(error).toBeInstanceOf(InputError);
    expect(error.message).toBe(
      "component:default/etl-workers in file:/repo/catalog-info.yaml does not follow Strata's " +
        'service model (docs/catalog-model.md): ' +
        'spec.tier: must be the integer 1, 2 or 3, got 7 ' +
        '(fix: Use 1 (customer-facing, paged 24/7), 2, or 3 (internal, best effort).); ' +
        'spec.produces[1]: "api:default/x" has kind "api"; it must be a Resource ref ' +
        '(fix: Point it at a Resource entity, e.g. `resource:default/pipeline-run-created` ' +
        '(the kind may be omitted: it defaults to resource).)',
    );
  });

  it("lets standard Backstage entities without Strata's fields through", async () => {
    const { tier: _tier, ...spec } = service({}).spec!;
    await expect(
      processor.validateEntityKind({ ...service({}), spec }),
    ).resolves.toBe(false);
    await expect(processor.validateEntityKind(database)).resolves.toBe(false);
    await expect(
      processor.validateEntityKind({
        ...topic,
        spec: { type: 'kafka-topic', owner: 'pipelines' },
      }),
    ).resolves.toBe(false);
  });

  it('in strict mode rejects what is missing, and still accepts complete entities', async () => {
    const strict = new ServiceModelProcessor({ strict: true });
    const { tier: _tier, ...spec } = service({}).spec!;
    await expect(
      strict.validateEntityKind({ ...service({}), spec }),
    ).rejects.toThrow(
      /^component:default\/etl-workers in file:\/repo\/catalog-info.yaml does not follow Strata's service model \(docs\/catalog-model.md\): spec.tier: is required in strict mode \(No tier: /,
    );
    const error = await strict.validateEntityKind(database).catch(e => e);
    expect(error).toBeInstanceOf(InputError);
    expect(error.message).toContain('spec.engine: is required in strict mode');
    expect(error.message).toContain(
      'spec.personalData: is required in strict mode',
    );
    await expect(strict.validateEntityKind(service({}))).resolves.toBe(false);
    await expect(strict.validateEntityKind(topic)).resolves.toBe(false);
  });

  it('says so when the entity has no location annotation', async () => {
    const entity = service({ tier: 0 });
    delete entity.metadata.annotations;
    await expect(processor.validateEntityKind(entity)).rejects.toThrow(
      /^component:default\/etl-workers in an unknown location does not follow/,
    );
  });

  it('emits forward and reverse relations for produces and consumes', async () => {
    const entity = service({
      produces: ['resource:default/pipeline-run-completed'],
      consumes: ['etl-tasks'],
    });
    const { result, emitted } = await postProcess(entity);
    expect(result).toBe(entity);
    const self = {
      kind: 'Component',
      namespace: 'default',
      name: 'etl-workers',
    };
    expect(emitted).toEqual([
      {
        type: 'relation',
        relation: {
          type: 'produces',
          source: self,
          target: {
            kind: 'resource',
            namespace: 'default',
            name: 'pipeline-run-completed',
          },
        },
      },
      {
        type: 'relation',
        relation: {
          type: 'producedBy',
          source: {
            kind: 'resource',
            namespace: 'default',
            name: 'pipeline-run-completed',
          },
          target: self,
        },
      },
      {
        type: 'relation',
        relation: {
          type: 'consumes',
          source: self,
          target: { kind: 'resource', namespace: 'default', name: 'etl-tasks' },
        },
      },
      {
        type: 'relation',
        relation: {
          type: 'consumedBy',
          source: { kind: 'resource', namespace: 'default', name: 'etl-tasks' },
          target: self,
        },
      },
    ]);
  });

  it('emits hasSchema and schemaOf for a topic', async () => {
    const { emitted } = await postProcess(topic);
    expect(emitted.map(r => r.type === 'relation' && r.relation.type)).toEqual([
      'hasSchema',
      'schemaOf',
    ]);
  });

  it('emits nothing for entities outside the model', async () => {
    const { emitted } = await postProcess({
      apiVersion: 'backstage.io/v1alpha1',
      kind: 'System',
      metadata: { name: 'pipelines' },
      spec: { owner: 'pipelines' },
    });
    expect(emitted).toEqual([]);
  });
});
