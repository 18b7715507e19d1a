import { validateCatalogFile, validateCatalogFiles } from './validate';
import { yaml } from './testUtils';
import { Violation } from './types';

/** `line:column rule` for each violation, the form the assertions compare. */
function where(violations: Violation[]): string[] {
  return violations.map(v => `${v.file}:${v.line}:${v.column} ${v.rule}`);
}

const service = (name: string, extra: string[] = []) => [
  'apiVersion: backstage.io/v1alpha1',
  'kind: Component',
  'metadata:',
  `  name: ${name}`,
  ...extra,
  'spec:',
  '  type: service',
  '  lifecycle: production',
  '  owner: team-a',
  '  tier: 1',
];

describe('validateCatalogFile', () => {
  it('accepts a valid file and describes its entity', () => {
    const result = validateCatalogFile(yaml(...service('auth')), {
      filePath: 'auth.yaml',
    });
    expect(result.violations).toEqual([]);
    expect(result.documents).toBe(1);
    expect(result.entities).toEqual([
      expect.objectContaining({
        file: 'auth.yaml',
        ref: 'component:default/auth',
        document: 1,
        line: 4,
        column: 9,
        valid: true,
        references: [
          expect.objectContaining({
            field: 'spec.owner',
            targetRef: 'group:default/team-a',
            line: 8,
            column: 10,
          }),
        ],
      }),
    ]);
  });

  it('reports broken YAML at the parser position', () => {
    const text = yaml(
      'apiVersion: backstage.io/v1alpha1',
      'kind: Component',
      'metadata:',
      '  name: broken',
      ' description: indented by one space',
      'spec:',
      '  type: service',
    );
    const result = validateCatalogFile(text, { filePath: 'broken.yaml' });
    expect(where(result.violations)).toEqual(['broken.yaml:5:1 yaml-syntax']);
    expect(result.violations[0]).toMatchObject({
      severity: 'error',
      message:
        'YAML syntax error: All mapping items must start at the same column',
    });
    expect(result.entities).toEqual([]);
    expect(result.documents).toBe(1);
  });

  it('reports a 300-character name at the name value', () => {
    const result = validateCatalogFile(yaml(...service('a'.repeat(300))), {
      filePath: 'long.yaml',
    });
    expect(where(result.violations)).toEqual(['long.yaml:4:9 entity-name']);
    expect(result.violations[0].entityRef).toBe(
      `component:default/${'a'.repeat(300)}`,
    );
  });

  it('reports a javascript: link at the url value', () => {
    const text = yaml(
      ...service('linked', [
        '  links:',
        '    - url: https://runbooks.example.com/linked',
        '      title: Runbook',
        '    - title: Click me',
        '      url: javascript:alert(document.cookie)',
      ]),
    );
    const result = validateCatalogFile(text, { filePath: 'links.yaml' });
    expect(where(result.violations)).toEqual(['links.yaml:9:12 unsafe-link']);
    expect(result.violations[0]).toMatchObject({
      severity: 'error',
      message: 'metadata.links[1].url is a javascript: URL',
      entityRef: 'component:default/linked',
    });
  });

  it('reports an unknown kind at the kind value, listing the known kinds', () => {
    const text = yaml(
      'apiVersion: backstage.io/v1alpha1',
      'kind: Service',
      'metadata:',
      '  name: svc',
      'spec: {}',
    );
    const result = validateCatalogFile(text, { filePath: 'kind.yaml' });
    expect(where(result.violations)).toEqual(['kind.yaml:2:7 unknown-kind']);
    expect(result.violations[0].hint).toBe(
      'Known kinds: API, Component, Domain, Group, Location, Resource, System, Template, User.',
    );
  });

  it('reports missing required fields at the parent key or document start', () => {
    const text = yaml(
      'apiVersion: backstage.io/v1alpha1',
      'kind: Component',
      'metadata:',
      '  title: No name',
      '---',
      '# a comment before the content',
      'metadata:',
      '  name: no-kind',
    );
    expect(
      where(validateCatalogFile(text, { filePath: 'req.yaml' }).violations),
    ).toEqual([
      'req.yaml:3:1 required-field',
      'req.yaml:7:1 required-field',
      'req.yaml:7:1 required-field',
    ]);
  });

  it('reports a missing spec field at the spec key', () => {
    const text = yaml(
      'apiVersion: backstage.io/v1alpha1',
      'kind: Component',
      'metadata:',
      '  name: x',
      'spec:',
      '  type: service',
    );
    const [violation] = validateCatalogFile(text, {
      filePath: 'spec.yaml',
    }).violations;
    expect(violation).toMatchObject({
      line: 5,
      column: 1,
      rule: 'schema',
      message: "spec must have required property 'lifecycle'",
    });
  });

  it('checks each document of a multi-document file on its own', () => {
    const text = yaml(
      '---',
      ...service('good'),
      '---',
      '---',
      ...service('Bad Name'),
      '',
    );
    const result = validateCatalogFile(text, { filePath: 'multi.yaml' });
    expect(where(result.violations)).toEqual(['multi.yaml:16:9 entity-name']);
    expect(result.documents).toBe(2);
    expect(result.entities.map(e => [e.ref, e.document, e.valid])).toEqual([
      ['component:default/good', 1, true],
      ['component:default/bad name', 3, false],
    ]);
  });

  it('ignores empty documents and comment-only files', () => {
    expect(validateCatalogFile('', { filePath: 'a.yaml' })).toEqual({
      file: 'a.yaml',
      documents: 0,
      entities: [],
      violations: [],
    });
    expect(
      validateCatalogFile(yaml('# nothing', '---', '---'), {
        filePath: 'b.yaml',
      }).violations,
    ).toEqual([]);
  });

  it('rejects documents that are not mappings', () => {
    expect(
      where(
        validateCatalogFile(yaml('- a', '- b'), { filePath: 'list.yaml' })
          .violations,
      ),
    ).toEqual(['list.yaml:1:1 not-an-object']);
  });

  it('reports a duplicate within one file', () => {
    const text = yaml(...service('auth'), '---', ...service('AUTH'));
    const result = validateCatalogFile(text, { filePath: 'dup.yaml' });
    expect(where(result.violations)).toEqual([
      'dup.yaml:14:9 duplicate-entity',
    ]);
  });

  it('reports several problems of one entity in position order', () => {
    const text = yaml(
      'apiVersion: backstage.io/v1alpha1',
      'kind: Component',
      'metadata:',
      '  name: svc',
      '  namespace: Team_A',
      '  labels:',
      '    tier: gold plated',
      '  annotations:',
      '    "not a key": x',
      '  tags: [Java]',
      'spec:',
      '  type: service',
      '  lifecycle: production',
      '  owner: team-a',
      '  dependsOn: [auth-db]',
      'owner: misplaced',
    );
    expect(
      where(validateCatalogFile(text, { filePath: 'many.yaml' }).violations),
    ).toEqual([
      'many.yaml:5:14 entity-namespace',
      'many.yaml:7:11 label-format',
      'many.yaml:9:5 annotation-format',
      'many.yaml:10:10 tag-format',
      'many.yaml:15:15 invalid-reference',
      'many.yaml:16:1 foreign-root-field',
    ]);
  });
});

describe('validateCatalogFiles', () => {
  it('reports an entity declared in two files, naming both locations', () => {
    const result = validateCatalogFiles([
      {
        path: 'services/a/catalog-info.yaml',
        text: yaml(...service('payments')),
      },
      {
        path: 'services/b/catalog-info.yaml',
        text: yaml('# copy', ...service('payments')),
      },
    ]);
    expect(where(result.violations)).toEqual([
      'services/b/catalog-info.yaml:5:9 duplicate-entity',
    ]);
    expect(result.violations[0].message).toBe(
      'component:default/payments is declared twice: at services/a/catalog-info.yaml:4:9 and at services/b/catalog-info.yaml:5:9',
    );
    expect(result.entities.map(e => e.valid)).toEqual([true, false]);
    expect(result.errors).toBe(1);
    expect(result.files[1].violations).toHaveLength(1);
  });

  it('counts entities, errors and warnings over all files', () => {
    const result = validateCatalogFiles([
      {
        path: 'a.yaml',
        text: yaml(
          ...service('a', ['  links:', '    - url: ftp://files.example.com']),
        ),
      },
      { path: 'b.yaml', text: yaml(...service('b')) },
    ]);
    expect(result).toMatchObject({ errors: 0, warnings: 1 });
    expect(result.entities).toHaveLength(2);
    expect(where(result.violations)).toEqual(['a.yaml:6:12 unsafe-link']);
  });
});

describe('placeholders', () => {
  it('accepts an API whose definition is a $text placeholder, as the catalog does', () => {
    const result = validateCatalogFile(
      yaml(
        'apiVersion: backstage.io/v1alpha1',
        'kind: API',
        'metadata:',
        '  name: auth-api',
        'spec:',
        '  type: openapi',
        '  lifecycle: production',
        '  owner: team-a',
        '  definition:',
        '    $text: ./openapi.yaml',
      ),
      { filePath: 'auth.yaml' },
    );
    expect(result.violations).toEqual([]);
    expect(result.entities[0].valid).toBe(true);
  });
});
