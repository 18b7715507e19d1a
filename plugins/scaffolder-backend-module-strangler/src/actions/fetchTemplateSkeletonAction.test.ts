import {
  createMockDirectory,
  mockServices,
} from '@backstage/backend-test-utils';
import { ScmIntegrations } from '@backstage/integration';
import { createMockActionContext } from '@backstage/plugin-scaffolder-node-test-utils';
import path from 'node:path';
import { createFetchTemplateSkeletonAction } from './fetchTemplateSkeletonAction';

describe('strata:fetch:template-skeleton', () => {
  const templates = createMockDirectory();
  const workspace = createMockDirectory();
  const scratch = createMockDirectory();
  const reader = mockServices.urlReader.mock();
  const integrations = ScmIntegrations.fromConfig(mockServices.rootConfig());

  beforeEach(() => {
    workspace.clear();
    scratch.clear();
    templates.setContent({
      'node-service': {
        'template.yaml': 'kind: Template',
        skeleton: { 'catalog-info.yaml': 'name: ${{ values.name }}\n' },
      },
      'strangler-extraction': { 'template.yaml': 'kind: Template' },
    });
  });

  const run = (
    action: ReturnType<typeof createFetchTemplateSkeletonAction>,
    input: object,
    baseUrl?: string,
  ) =>
    action.handler({
      ...createMockActionContext({
        input: {
          template: 'node-service',
          values: { name: 'report-exporter' },
          ...input,
        } as any,
        workspacePath: workspace.path,
        logger: mockServices.logger.mock(),
      }),
      // fetch:template fetches into a temporary directory (the mock context's is the workspace)
      createTemporaryDirectory: async () => scratch.path,
      templateInfo: {
        entityRef: 'template:default/strangler-extraction',
        baseUrl,
      },
    });

  it('renders the sibling skeleton from the configured templates directory', async () => {
    const action = createFetchTemplateSkeletonAction({
      reader,
      integrations,
      templatesDir: templates.path,
    });
    // as in a dry run: the running template lives in a temporary folder of its own
    await run(
      action,
      { targetPath: 'service' },
      'file:///tmp/dry-run-123/template.yaml',
    );
    expect(workspace.content()).toEqual({
      service: { 'catalog-info.yaml': 'name: report-exporter\n' },
    });
  });

  it('finds the sibling next to the running template when no directory is configured', async () => {
    const action = createFetchTemplateSkeletonAction({ reader, integrations });
    await run(
      action,
      {},
      `file://${path.join(
        templates.path,
        'strangler-extraction',
        'template.yaml',
      )}`,
    );
    expect(workspace.content()).toEqual({
      'catalog-info.yaml': 'name: report-exporter\n',
    });
  });

  it('refuses unknown or path-like template names, and templates it cannot locate', async () => {
    const action = createFetchTemplateSkeletonAction({
      reader,
      integrations,
      templatesDir: templates.path,
    });
    await expect(run(action, { template: '../etc' })).rejects.toThrow(
      "'../etc' is not a template folder name",
    );
    await expect(
      run(action, { template: 'strangler-extraction' }),
    ).rejects.toThrow(
      `There is no template strangler-extraction with a skeleton in ${templates.path}`,
    );
    await expect(
      run(
        createFetchTemplateSkeletonAction({ reader, integrations }),
        {},
        'https://github.com/o/r/blob/main/t/template.yaml',
      ),
    ).rejects.toThrow(
      'Cannot find the templates directory: set strata.scaffolder.templatesDir',
    );
    expect(workspace.content()).toEqual({});
  });
});
