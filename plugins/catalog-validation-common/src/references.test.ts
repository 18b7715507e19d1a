import { Entity } from '@backstage/catalog-model';
import { collectEntityReferences } from './references';
import { component } from './testUtils';

function targets(entity: Entity) {
  return collectEntityReferences(entity).map(r => [
    r.field,
    r.defaultKind,
    r.targetRef ?? r.error,
  ]);
}

describe('collectEntityReferences', () => {
  it('resolves component references with the default kinds the processors use', () => {
    const entity = component({
      metadata: { namespace: 'payments' },
      spec: {
        owner: 'team-a',
        system: 'billing',
        subcomponentOf: 'core',
        providesApis: ['billing-api'],
        consumesApis: ['default/user-api'],
        dependsOn: ['resource:billing-db', 'component:other/auth'],
        dependencyOf: ['component:gateway'],
      },
    });
    expect(targets(entity)).toEqual([
      ['spec.owner', 'Group', 'group:payments/team-a'],
      ['spec.subcomponentOf', 'Component', 'component:payments/core'],
      ['spec.providesApis', 'API', 'api:payments/billing-api'],
      ['spec.consumesApis', 'API', 'api:default/user-api'],
      ['spec.dependsOn', undefined, 'resource:payments/billing-db'],
      ['spec.dependsOn', undefined, 'component:other/auth'],
      ['spec.dependencyOf', undefined, 'component:payments/gateway'],
      ['spec.system', 'System', 'system:payments/billing'],
    ]);
  });

  it("includes the service model's topic and schema references", () => {
    const service = component({
      spec: {
        produces: ['pipeline-run-created'],
        consumes: ['resource:default/user-deletion-requested'],
      },
    });
    expect(
      targets(service).filter(([field]) => /produces|consumes/.test(field!)),
    ).toEqual([
      ['spec.produces', 'Resource', 'resource:default/pipeline-run-created'],
      ['spec.consumes', 'Resource', 'resource:default/user-deletion-requested'],
    ]);
    const topic: Entity = {
      apiVersion: 'backstage.io/v1alpha1',
      kind: 'Resource',
      metadata: { name: 'pipeline-run-created' },
      spec: {
        type: 'kafka-topic',
        owner: 'pipelines',
        schema: 'pipeline-events',
      },
    };
    expect(targets(topic)).toContainEqual([
      'spec.schema',
      'API',
      'api:default/pipeline-events',
    ]);
  });

  it('reports references without a kind where the field has no default', () => {
    const [ref] = collectEntityReferences(
      component({ spec: { owner: undefined, dependsOn: ['auth-db'] } }),
    );
    expect(ref).toMatchObject({
      path: ['spec', 'dependsOn', 0],
      value: 'auth-db',
      error: expect.stringContaining('missing or empty kind'),
    });
    expect(ref.targetRef).toBeUndefined();
  });

  it('covers groups, users, systems, domains, resources, APIs and templates', () => {
    const entity = (
      kind: string,
      spec: object,
      apiVersion = 'backstage.io/v1alpha1',
    ) => ({ apiVersion, kind, metadata: { name: 'x' }, spec } as Entity);
    expect(
      targets(
        entity('Group', { parent: 'org', children: ['t1'], members: ['ann'] }),
      ),
    ).toEqual([
      ['spec.parent', 'Group', 'group:default/org'],
      ['spec.children', 'Group', 'group:default/t1'],
      ['spec.members', 'User', 'user:default/ann'],
    ]);
    expect(targets(entity('User', { memberOf: ['t1'] }))).toEqual([
      ['spec.memberOf', 'Group', 'group:default/t1'],
    ]);
    expect(targets(entity('System', { owner: 't1', domain: 'd' }))).toEqual([
      ['spec.owner', 'Group', 'group:default/t1'],
      ['spec.domain', 'Domain', 'domain:default/d'],
    ]);
    expect(
      targets(entity('Domain', { owner: 'user:ann', subdomainOf: 'd' })),
    ).toEqual([
      ['spec.owner', 'Group', 'user:default/ann'],
      ['spec.subdomainOf', 'Domain', 'domain:default/d'],
    ]);
    expect(
      targets(
        entity('Resource', {
          owner: 't1',
          dependsOn: ['resource:r'],
          system: 's',
        }),
      ),
    ).toEqual([
      ['spec.owner', 'Group', 'group:default/t1'],
      ['spec.dependsOn', undefined, 'resource:default/r'],
      ['spec.system', 'System', 'system:default/s'],
    ]);
    expect(targets(entity('API', { owner: 't1', system: 's' }))).toEqual([
      ['spec.owner', 'Group', 'group:default/t1'],
      ['spec.system', 'System', 'system:default/s'],
    ]);
    expect(
      targets(
        entity('Template', { owner: 't1' }, 'scaffolder.backstage.io/v1beta3'),
      ),
    ).toEqual([['spec.owner', 'Group', 'group:default/t1']]);
    expect(targets(entity('Location', { targets: ['./a.yaml'] }))).toEqual([]);
  });

  it('skips values that are not strings and unknown kinds', () => {
    expect(
      targets(component({ spec: { owner: 5, dependsOn: [1, 'resource:r'] } })),
    ).toEqual([['spec.dependsOn', undefined, 'resource:default/r']]);
    expect(targets(component({ kind: 'Widget' }))).toEqual([]);
  });
});
