import { validateFiles } from './validateFiles';

const component = (name: string, owner: string) =>
  [
    'apiVersion: backstage.io/v1alpha1',
    'kind: Component',
    'metadata:',
    `  name: ${name}`,
    'spec:',
    '  type: website',
    '  lifecycle: production',
    `  owner: ${owner}`,
    '',
  ].join('\n');

describe('validateFiles', () => {
  it('validates the files together and counts them', async () => {
    const result = await validateFiles({
      files: [
        { path: 'a.yaml', content: component('site', 'group:default/web') },
        { path: 'b.yaml', content: component('site', 'group:default/web') },
      ],
    });
    expect(result).toMatchObject({ files: 2, entities: 2, errors: 1 });
    expect(result.violations).toEqual([
      expect.objectContaining({
        file: 'b.yaml',
        line: 4,
        column: 9,
        rule: 'duplicate-entity',
      }),
    ]);
  });

  it('looks up only references the files do not declare', async () => {
    const lookUp = jest.fn(async () => ['group:default/web']);
    const result = await validateFiles(
      {
        files: [
          { path: 'a.yaml', content: component('site', 'group:default/web') },
          { path: 'b.yaml', content: component('docs', 'group:default/gone') },
        ],
      },
      lookUp,
    );
    expect(lookUp).toHaveBeenCalledWith([
      'group:default/gone',
      'group:default/web',
    ]);
    expect(result.violations).toEqual([
      expect.objectContaining({
        file: 'b.yaml',
        line: 8,
        column: 10,
        rule: 'missing-reference',
        entityRef: 'component:default/docs',
      }),
    ]);
  });

  it('does not call the lookup when there is nothing to look up', async () => {
    const lookUp = jest.fn(async () => []);
    await validateFiles({ files: [{ path: 'a.yaml', content: '' }] }, lookUp);
    expect(lookUp).not.toHaveBeenCalled();
  });

  it('reports a service without a tier as a warning, and as an error when strict', async () => {
    const service = [
      'apiVersion: backstage.io/v1alpha1',
      'kind: Component',
      'metadata:',
      '  name: orders',
      'spec:',
      '  type: service',
      '  lifecycle: production',
      '  owner: group:default/web',
      '',
    ].join('\n');
    const files = [{ path: 'catalog-info.yaml', content: service }];
    const lenient = await validateFiles({ files });
    expect(lenient).toMatchObject({ errors: 0, warnings: 1 });
    expect(lenient.violations).toEqual([
      expect.objectContaining({
        line: 5,
        column: 1,
        rule: 'service-model',
        severity: 'warning',
        message: expect.stringMatching(/^spec.tier is recommended: No tier\./),
        entityRef: 'component:default/orders',
      }),
    ]);
    expect(await validateFiles({ files, strict: false })).toEqual(lenient);
    const strict = await validateFiles({ files, strict: true });
    expect(strict).toMatchObject({ errors: 1, warnings: 0 });
    expect(strict.violations).toEqual([
      expect.objectContaining({
        rule: 'service-model',
        severity: 'error',
        message: expect.stringMatching(/^spec.tier is required in strict mode/),
      }),
    ]);
  });
});
