import { yaml } from '../testUtils';
import { validateCatalogFile } from '../validate';
import { parseFieldPath, serviceModelRule } from './serviceModel';

/** `line:column rule message` of each violation, for exact assertions. */
function found(text: string) {
  return validateCatalogFile(text, {
    filePath: 'catalog-info.yaml',
  }).violations.map(v => `${v.line}:${v.column} ${v.rule} ${v.message}`);
}

const service = (...spec: string[]) =>
  yaml(
    'apiVersion: backstage.io/v1alpha1',
    'kind: Component',
    'metadata:',
    '  name: pipeline-service',
    'spec:',
    '  type: service',
    '  lifecycle: production',
    '  owner: group:default/pipelines',
    ...spec,
  );

const resource = (type: string, ...spec: string[]) =>
  yaml(
    'apiVersion: backstage.io/v1alpha1',
    'kind: Resource',
    'metadata:',
    '  name: pipeline-thing',
    'spec:',
    `  type: ${type}`,
    '  owner: group:default/pipelines',
    ...spec,
  );

describe('service-model', () => {
  it('splits field paths into locator segments', () => {
    expect(parseFieldPath('spec.tier')).toEqual(['spec', 'tier']);
    expect(parseFieldPath('spec.produces[2]')).toEqual(['spec', 'produces', 2]);
  });

  it('maps each model violation to a finding with the fix as hint', () => {
    const [finding] = serviceModelRule.check({
      apiVersion: 'backstage.io/v1alpha1',
      kind: 'Component',
      metadata: { name: 'svc' },
      spec: { type: 'service', lifecycle: 'production', owner: 'a', tier: 7 },
    });
    expect(finding).toEqual({
      path: ['spec', 'tier'],
      message: 'spec.tier must be the integer 1, 2 or 3, got 7',
      hint: expect.stringContaining('1 (customer-facing'),
    });
  });

  it('accepts a service and resources that follow the model', () => {
    expect(
      found(
        service(
          '  tier: 1',
          '  produces:',
          '    - resource:default/pipeline-run-created',
          '  consumes: [connector-configured]',
        ),
      ),
    ).toEqual([]);
    expect(
      found(
        resource('database', '  engine: postgresql', '  personalData: false'),
      ),
    ).toEqual([]);
    expect(
      found(
        resource(
          'kafka-topic',
          '  topic: pipeline.run.created',
          '  schema: api:default/pipeline-events',
        ),
      ),
    ).toEqual([]);
  });

  it('reports tier 7 at the value', () => {
    expect(found(service('  tier: 7'))).toEqual([
      '9:9 service-model spec.tier must be the integer 1, 2 or 3, got 7',
    ]);
  });

  it('reports a quoted tier and says to drop the quotes', () => {
    const text = service('  tier: "2"');
    expect(found(text)).toEqual([
      '9:9 service-model spec.tier must be the integer 1, 2 or 3, got "2"',
    ]);
    const [violation] = validateCatalogFile(text, {
      filePath: 'x.yaml',
    }).violations;
    expect(violation).toMatchObject({
      severity: 'error',
      hint: 'Write the number without quotes: `tier: 2`.',
      entityRef: 'component:default/pipeline-service',
    });
  });

  it('reports a missing tier at the spec key', () => {
    expect(found(service())).toEqual([
      '5:1 service-model spec.tier is required for a service',
    ]);
  });

  it('reports a bad engine with the suggested spelling', () => {
    const text = resource(
      'database',
      '  engine: postgres',
      '  personalData: true',
    );
    expect(found(text)).toEqual([
      '8:11 service-model spec.engine must be one of postgresql, mysql, mariadb, elasticsearch, opensearch, redis, mongodb, got "postgres"',
    ]);
    expect(
      validateCatalogFile(text, { filePath: 'x.yaml' }).violations[0].hint,
    ).toBe('Write `engine: postgresql`.');
  });

  it('reports a topic without a schema at the spec key', () => {
    expect(
      found(resource('kafka-topic', '  topic: pipeline.run.created')),
    ).toEqual([
      '5:1 service-model spec.schema is required for a kafka-topic: the AsyncAPI API describing its messages',
    ]);
  });

  it('reports the item of produces that points at an API', () => {
    expect(
      found(
        service(
          '  tier: 2',
          '  produces:',
          '    - pipeline-run-created',
          '    - resource:default/etl-tasks',
          '    - api:default/pipeline-events',
        ),
      ),
    ).toEqual([
      '13:7 service-model spec.produces[2] "api:default/pipeline-events" has kind "api"; it must be a Resource ref',
    ]);
  });

  it('finds flow-style list items too', () => {
    expect(
      found(service('  tier: 1', '  consumes: [ok-topic, "api:x"]')),
    ).toEqual([
      '10:24 service-model spec.consumes[1] "api:x" has kind "api"; it must be a Resource ref',
    ]);
  });

  it('does not run on entities that failed the schema checks', () => {
    // spec.lifecycle is required by the Component schema; the tier is wrong
    // too, but the catalog would stop at the schema.
    const text = yaml(
      'apiVersion: backstage.io/v1alpha1',
      'kind: Component',
      'metadata:',
      '  name: svc',
      'spec:',
      '  type: service',
      '  owner: group:default/pipelines',
      '  tier: 7',
    );
    expect(found(text).map(v => v.split(' ')[1])).toEqual(['schema']);
  });

  it('marks the entity invalid', () => {
    const result = validateCatalogFile(service('  tier: 9'), {
      filePath: 'x.yaml',
    });
    expect(result.entities[0].valid).toBe(false);
  });
});
