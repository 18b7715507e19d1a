import { createMockDirectory } from '@backstage/backend-test-utils';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import { createMockActionContext } from '@backstage/plugin-scaffolder-node-test-utils';
import { createRegisterLocalAction } from './registerLocalAction';

const component = [
  'apiVersion: backstage.io/v1alpha1',
  'kind: Component',
  'metadata:',
  '  name: report-exporter',
  'spec:',
  '  type: service',
  '  lifecycle: experimental',
  '  owner: group:default/growth',
  '',
].join('\n');

describe('strata:catalog:register-local', () => {
  const repositories = createMockDirectory();
  const catalog = catalogServiceMock.mock();
  const action = createRegisterLocalAction({
    catalog,
    repositoriesDir: repositories.path,
  });
  const run = (catalogInfoPath: string, isDryRun = false) => {
    const ctx = {
      ...createMockActionContext({ input: { catalogInfoPath } }),
      isDryRun,
    };
    return action.handler(ctx as any).then(() => ctx);
  };

  beforeEach(() => {
    repositories.clear();
    catalog.addLocation.mockReset();
  });

  it('registers the file as a file location, as the initiator, and outputs its Component', async () => {
    repositories.addContent({ 'report-exporter/catalog-info.yaml': component });
    const target = repositories.resolve('report-exporter/catalog-info.yaml');
    const ctx = await run(target);
    expect(catalog.addLocation).toHaveBeenCalledWith(
      { type: 'file', target },
      { credentials: await ctx.getInitiatorCredentials() },
    );
    expect(ctx.output).toHaveBeenCalledWith(
      'entityRef',
      'component:default/report-exporter',
    );
  });

  it('refuses files outside the local repositories directory', async () => {
    await expect(run('/etc/passwd')).rejects.toThrow(
      `/etc/passwd is not inside the local repositories directory ${repositories.path}`,
    );
    await expect(
      run(repositories.resolve('../elsewhere/catalog-info.yaml')),
    ).rejects.toThrow(/is not inside the local repositories directory/);
    expect(catalog.addLocation).not.toHaveBeenCalled();
  });

  it('refuses a file without a Component, Resource or API', async () => {
    repositories.addContent({ 'empty/catalog-info.yaml': '' });
    await expect(
      run(repositories.resolve('empty/catalog-info.yaml')),
    ).rejects.toThrow(/declares no valid Component, Resource or API/);
  });

  it('registers nothing in a dry run', async () => {
    const ctx = await run(
      repositories.resolve('report-exporter/catalog-info.yaml'),
      true,
    );
    expect(catalog.addLocation).not.toHaveBeenCalled();
    expect(ctx.output).toHaveBeenCalledWith('entityRef', 'dry-run');
  });
});
