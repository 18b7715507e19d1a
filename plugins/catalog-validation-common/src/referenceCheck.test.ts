import { withMissingReferences } from './referenceCheck';
import { validateCatalogFiles } from './validate';

const service = [
  'apiVersion: backstage.io/v1alpha1',
  'kind: Component',
  'metadata:',
  '  name: report-exporter',
  'spec:',
  '  type: website',
  '  lifecycle: experimental',
  '  owner: group:default/growth',
  '  system: system:default/nowhere',
  '  dependsOn: [resource:default/report-exporter-db]',
  '---',
  'apiVersion: backstage.io/v1alpha1',
  'kind: Resource',
  'metadata:',
  '  name: report-exporter-db',
  'spec:',
  '  type: bucket',
  '  owner: group:default/growth',
  '',
].join('\n');

describe('withMissingReferences', () => {
  it('asks only for what the files do not declare, and reports each missing target where it is referenced', async () => {
    const lookUp = jest.fn(async () => ['group:default/growth']);
    const result = await withMissingReferences(
      validateCatalogFiles([{ path: 'catalog-info.yaml', text: service }]),
      lookUp,
    );
    expect(lookUp).toHaveBeenCalledWith([
      'group:default/growth',
      'system:default/nowhere',
    ]);
    expect(result.violations.map(v => [v.rule, v.line, v.message])).toEqual([
      [
        'missing-reference',
        9,
        'spec.system refers to system:default/nowhere, which does not exist',
      ],
    ]);
    expect(result.errors).toBe(1);
  });

  it('does not ask when every reference is declared in the files', async () => {
    const lookUp = jest.fn(async () => []);
    const selfContained = service
      .replace(/group:default\/growth/g, 'group:default/team')
      .replace('  system: system:default/nowhere\n', '')
      .concat(
        '---\napiVersion: backstage.io/v1alpha1\nkind: Group\nmetadata:\n  name: team\nspec:\n  type: team\n  children: []\n',
      );
    const result = await withMissingReferences(
      validateCatalogFiles([{ path: 'a.yaml', text: selfContained }]),
      lookUp,
    );
    expect(lookUp).not.toHaveBeenCalled();
    expect(result.violations).toEqual([]);
  });
});
