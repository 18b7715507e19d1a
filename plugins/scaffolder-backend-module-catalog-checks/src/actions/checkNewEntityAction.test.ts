import { createMockDirectory } from '@backstage/backend-test-utils';
import { Entity } from '@backstage/catalog-model';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import { createMockActionContext } from '@backstage/plugin-scaffolder-node-test-utils';
import { createCheckNewEntityAction } from './checkNewEntityAction';

const entities: Entity[] = [
  {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Group',
    metadata: { name: 'growth', namespace: 'default' },
    spec: { type: 'team', children: [] },
  },
  {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'System',
    metadata: { name: 'reporting', namespace: 'default' },
    spec: { owner: 'growth' },
  },
  {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Component',
    metadata: { name: 'report-exporter', namespace: 'default' },
    spec: {
      type: 'service',
      owner: 'group:default/growth',
      lifecycle: 'production',
    },
  },
];

describe('strata:catalog:check-new-entity', () => {
  const repositories = createMockDirectory();
  const action = createCheckNewEntityAction({
    catalog: catalogServiceMock({ entities }),
    repositoriesDir: repositories.path,
  });
  const run = (input: Record<string, string>, isDryRun = false) => {
    const ctx = { ...createMockActionContext({ input }), isDryRun };
    return action.handler(ctx as any).then(() => ctx);
  };

  beforeEach(() => repositories.clear());

  it('accepts a free name with an existing owner and system, also in a dry run', async () => {
    for (const isDryRun of [false, true]) {
      const ctx = await run(
        {
          name: 'billing-export',
          owner: 'group:default/growth',
          system: 'system:default/reporting',
        },
        isDryRun,
      );
      expect(ctx.output).toHaveBeenCalledWith(
        'entityRef',
        'component:default/billing-export',
      );
    }
  });

  it('refuses a taken name, naming the entity and its owner', async () => {
    await expect(run({ name: 'report-exporter' })).rejects.toThrow(
      'The name report-exporter is taken by component:default/report-exporter, owned by group:default/growth',
    );
  });

  it('refuses a name that breaks the rule without looking it up', async () => {
    await expect(run({ name: '../escape' })).rejects.toThrow(
      'The name "../escape" is not allowed: Use only lowercase letters, digits and hyphens (-).',
    );
  });

  it('refuses a name a local repository already has', async () => {
    repositories.addContent({ 'billing-export': { 'README.md': 'x' } });
    await expect(run({ name: 'billing-export' })).rejects.toThrow(
      /A local repository named billing-export already exists/,
    );
  });

  it('refuses an unknown owner, an owner that is not a Group and an unknown system', async () => {
    await expect(
      run({ name: 'billing-export', owner: 'nobody', system: 'nowhere' }),
    ).rejects.toThrow(
      'The owner group:default/nobody does not exist in the catalog.\nThe system system:default/nowhere does not exist in the catalog.',
    );
    await expect(
      run({ name: 'billing-export', owner: 'system:default/reporting' }),
    ).rejects.toThrow(
      'The owner system:default/reporting is a System, not a Group',
    );
  });
});
