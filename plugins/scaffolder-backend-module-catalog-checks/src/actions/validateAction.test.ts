import { createMockDirectory } from '@backstage/backend-test-utils';
import { Entity } from '@backstage/catalog-model';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import { createMockActionContext } from '@backstage/plugin-scaffolder-node-test-utils';
import { JsonObject } from '@backstage/types';
import { createValidateAction } from './validateAction';

const group: Entity = {
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Group',
  metadata: { name: 'growth', namespace: 'default' },
  spec: { type: 'team', children: [] },
};

const service = (owner: string, dependsOn: string[] = []) =>
  [
    'apiVersion: backstage.io/v1alpha1',
    'kind: Component',
    'metadata:',
    '  name: report-exporter',
    'spec:',
    '  type: service',
    '  lifecycle: experimental',
    '  tier: 3',
    `  owner: ${owner}`,
    `  dependsOn: [${dependsOn.join(', ')}]`,
    '',
  ].join('\n');

const database = [
  'apiVersion: backstage.io/v1alpha1',
  'kind: Resource',
  'metadata:',
  '  name: report-exporter-db',
  'spec:',
  '  type: database',
  '  engine: postgresql',
  '  personalData: false',
  '  owner: group:default/growth',
  '',
].join('\n');

describe('strata:catalog:validate', () => {
  const workspace = createMockDirectory();
  const action = createValidateAction({
    catalog: catalogServiceMock({ entities: [group] }),
  });
  const run = (input: JsonObject = {}) => {
    const ctx = {
      ...createMockActionContext({ input, workspacePath: workspace.path }),
    };
    return action.handler(ctx as any).then(() => ctx);
  };

  beforeEach(() => workspace.clear());

  it('passes files whose references exist in the catalog or in the files', async () => {
    workspace.addContent({
      'catalog-info.yaml': `${service('group:default/growth', [
        'resource:default/report-exporter-db',
      ])}---\n${database}`,
      'docs/ignored.yaml': 'not: checked',
    });
    const ctx = await run();
    expect(ctx.output).toHaveBeenCalledWith('files', 1);
    expect(ctx.output).toHaveBeenCalledWith('entities', 2);
  });

  it('fails with file:line:column message (hint) for each missing reference', async () => {
    workspace.addContent({
      'catalog-info.yaml': service('group:default/nobody'),
    });
    await expect(run()).rejects.toThrow(
      'catalog-info.yaml:9:10 spec.owner refers to group:default/nobody, which does not exist (Register that entity first, or fix the reference',
    );
    // Without the catalog check the same file passes.
    const ctx = await run({ checkReferences: false });
    expect(ctx.output).toHaveBeenCalledWith('files', 1);
    expect(ctx.output).toHaveBeenCalledWith('entities', 1);
  });

  it('fails on rule violations and when no file matches', async () => {
    workspace.addContent({
      'a/catalog-info.yaml': service('group:default/growth').replace(
        'report-exporter',
        'Report Exporter',
      ),
    });
    await expect(run()).rejects.toThrow(
      /^The generated catalog files have 1 problem\(s\):\na\/catalog-info\.yaml:4:9 /,
    );
    await expect(run({ paths: ['nothing/*.yaml'] })).rejects.toThrow(
      'No catalog file matches nothing/*.yaml in the workspace',
    );
  });
});
