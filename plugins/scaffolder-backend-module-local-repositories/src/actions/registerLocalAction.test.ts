import { createMockDirectory } from '@backstage/backend-test-utils';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import { EventParams, EventsService } from '@backstage/plugin-events-node';
import { createMockActionContext } from '@backstage/plugin-scaffolder-node-test-utils';
import { LOCAL_REPOSITORY_PUBLISHED_TOPIC } from '@internal/plugin-local-repositories-node';
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

const served = {
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Component',
  metadata: { name: 'report-exporter', namespace: 'default' },
};

describe('strata:catalog:register-local', () => {
  const repositories = createMockDirectory();
  let published: EventParams[];
  const events: EventsService = {
    publish: async params => {
      published.push(params);
    },
    subscribe: async () => {},
  };

  const setup = (entities: (typeof served)[] = [served], timeoutMs = 2000) => {
    const catalog = catalogServiceMock({ entities });
    const action = createRegisterLocalAction({
      catalog,
      events,
      repositoriesDir: repositories.path,
      timeoutMs,
    });
    return (catalogInfoPath: string, isDryRun = false) => {
      const ctx = {
        ...createMockActionContext({ input: { catalogInfoPath } }),
        isDryRun,
      };
      return action.handler(ctx as any).then(() => ctx);
    };
  };

  beforeEach(() => {
    repositories.clear();
    published = [];
  });

  it('announces the repository to the catalog and outputs its Component once it is served', async () => {
    repositories.addContent({ 'report-exporter/catalog-info.yaml': component });
    const ctx = await setup()(
      repositories.resolve('report-exporter/catalog-info.yaml'),
    );
    expect(published).toEqual([
      {
        topic: LOCAL_REPOSITORY_PUBLISHED_TOPIC,
        eventPayload: { repository: 'report-exporter' },
      },
    ]);
    expect(ctx.output).toHaveBeenCalledWith(
      'entityRef',
      'component:default/report-exporter',
    );
  });

  it('fails with a clear message when the catalog does not serve the entity in time', async () => {
    repositories.addContent({ 'report-exporter/catalog-info.yaml': component });
    await expect(
      setup([], 300)(repositories.resolve('report-exporter/catalog-info.yaml')),
    ).rejects.toThrow(
      'The repository was created, but the catalog did not serve component:default/report-exporter within 0 s.',
    );
  });

  it.each([
    ['a host file', () => '/etc/passwd'],
    [
      'a climb out',
      () => repositories.resolve('../elsewhere/catalog-info.yaml'),
    ],
    ['a nested file', () => repositories.resolve('a/b/catalog-info.yaml')],
    ['another file name', () => repositories.resolve('a/other.yaml')],
  ])('refuses %s, announcing nothing', async (_, target) => {
    await expect(setup()(target())).rejects.toThrow(
      /is not (inside the local repositories directory|a repository's catalog-info.yaml)/,
    );
    expect(published).toEqual([]);
  });

  it('refuses a file without a Component, Resource or API', async () => {
    repositories.addContent({ 'empty/catalog-info.yaml': '' });
    await expect(
      setup()(repositories.resolve('empty/catalog-info.yaml')),
    ).rejects.toThrow(/declares no valid Component, Resource or API/);
    expect(published).toEqual([]);
  });

  it('registers nothing in a dry run', async () => {
    const ctx = await setup()(
      repositories.resolve('report-exporter/catalog-info.yaml'),
      true,
    );
    expect(published).toEqual([]);
    expect(ctx.output).toHaveBeenCalledWith('entityRef', 'dry-run');
  });
});
