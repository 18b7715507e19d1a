import { yaml } from '../testUtils';
import { validateCatalogFile } from '../validate';
import { parseFieldPath, serviceModelRule } from './serviceModel';

/** `line:column rule message` of each violation, for exact assertions. */
function found(text: string, strict?: boolean) {
  return validateCatalogFile(text, {
    filePath: 'catalog-info.yaml',
    strict,
  }).violations.map(
    v =>
      `${v.line}:${v.column} ${v.rule}${
        v.severity === 'warning' ? ' (warning)' : ''
      } ${v.message}`,
  );
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

  it('warns about a missing tier at the spec key, and the entity stays valid', () => {
    expect(found(service())).toEqual([
      '5:1 service-model (warning) spec.tier is recommended: No tier. Paging urgency, SLO targets and scorecard thresholds depend on it: without it nobody can tell whether an alert on this service wakes someone at 3 a.m.',
    ]);
    const result = validateCatalogFile(service(), { filePath: 'x.yaml' });
    expect(result.violations[0]).toMatchObject({
      severity: 'warning',
      hint: 'Add `tier: <n>` under spec, n = 1 (customer-facing, paged 24/7), 2, or 3 (internal, best effort). Required in strict mode.',
    });
    expect(result.entities[0].valid).toBe(true);
  });

  it('in strict mode reports a missing tier as an error and marks the entity invalid', () => {
    expect(found(service(), true)).toEqual([
      '5:1 service-model spec.tier is required in strict mode (No tier: Paging urgency, SLO targets and scorecard thresholds depend on it: without it nobody can tell whether an alert on this service wakes someone at 3 a.m.)',
    ]);
    const result = validateCatalogFile(service(), {
      filePath: 'x.yaml',
      strict: true,
    });
    expect(result.violations[0].severity).toBe('error');
    expect(result.entities[0].valid).toBe(false);
    expect(found(service('  tier: 2'), true)).toEqual([]);
  });

  it('warns about each missing field of a standard database, topic and queue', () => {
    const severities = (text: string, strict?: boolean) =>
      validateCatalogFile(text, { filePath: 'x.yaml', strict }).violations.map(
        v => `${v.severity} ${v.message.split(' ')[0]}`,
      );
    expect(severities(resource('database'))).toEqual([
      'warning spec.engine',
      'warning spec.personalData',
    ]);
    expect(severities(resource('kafka-topic'))).toEqual([
      'warning spec.topic',
      'warning spec.schema',
    ]);
    expect(severities(resource('rabbitmq-queue'), true)).toEqual([
      'error spec.topic',
      'error spec.schema',
    ]);
    expect(severities(resource('s3-bucket'), true)).toEqual([]);
  });

  it('reports a wrong value once, as an error, in both modes', () => {
    const text = service('  tier: "2"');
    expect(found(text)).toEqual(found(text, true));
    expect(found(text)).toHaveLength(1);
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

  it('reports a topic without a schema at the spec key: a warning, an error in strict mode', () => {
    const text = resource('kafka-topic', '  topic: pipeline.run.created');
    expect(found(text)).toEqual([
      '5:1 service-model (warning) spec.schema is recommended: No message schema. Every event needs a schema (AsyncAPI): producers and consumers agree on it, and on-call can see what a poison message should have looked like.',
    ]);
    expect(found(text, true)).toEqual([
      expect.stringMatching(
        /^5:1 service-model spec.schema is required in strict mode \(No message schema: /,
      ),
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
