import {
  createMockDirectory,
  mockServices,
} from '@backstage/backend-test-utils';
import { createMockActionContext } from '@backstage/plugin-scaffolder-node-test-utils';
import fs from 'node:fs';
import path from 'node:path';
import { createSplitTrafficAction } from './splitTrafficAction';

const input = {
  routesFile: 'gateway/routes.yaml',
  path: '/api/v1/reports',
  monolith: 'admin',
  service: 'report-exporter',
  percent: 5,
};

const split = `routes:
  # report-exporter extracted from admin; raise its weight in later pull requests
  - path: /api/v1/reports
    backends:
      - service: admin
        weight: 95
      - service: report-exporter
        weight: 5
    fallback: admin
`;

describe('strata:gateway:split-traffic', () => {
  const workspace = createMockDirectory();
  const action = createSplitTrafficAction();

  beforeEach(() => workspace.clear());

  it('creates the routes file with the split when the gateway has none', async () => {
    const ctx = createMockActionContext({
      input,
      workspacePath: workspace.path,
    });
    await action.handler(ctx);
    expect(workspace.content()).toEqual({ gateway: { 'routes.yaml': split } });
    expect(ctx.output).toHaveBeenCalledWith('created', true);
    expect(ctx.output).toHaveBeenCalledWith(
      'routesFile',
      path.join(workspace.path, 'gateway/routes.yaml'),
    );
  });

  it('edits an existing routes file in place', async () => {
    workspace.setContent({
      gateway: {
        'routes.yaml':
          '# edge routes\nroutes:\n  - path: /api/v1/reports\n    service: admin\n',
      },
    });
    const ctx = createMockActionContext({
      input: { ...input, percent: 20 },
      workspacePath: workspace.path,
    });
    await action.handler(ctx);
    expect(workspace.content()).toEqual({
      gateway: {
        'routes.yaml': `# edge routes
routes:
  - path: /api/v1/reports
    backends:
      - service: admin
        weight: 80
      - service: report-exporter
        weight: 20
    fallback: admin
`,
      },
    });
    expect(ctx.output).toHaveBeenCalledWith('created', false);
  });

  it('writes only inside the workspace in a dry run, as in a real run', async () => {
    const outside = createMockDirectory();
    const logger = mockServices.logger.mock();
    const ctx = {
      ...createMockActionContext({
        input,
        workspacePath: workspace.path,
        logger,
      }),
      isDryRun: true,
    };
    await action.handler(ctx);
    expect(workspace.content()).toEqual({ gateway: { 'routes.yaml': split } });
    expect(outside.content()).toEqual({});
    expect(logger.info).toHaveBeenCalledWith(
      'Created gateway/routes.yaml to send 5% of /api/v1/reports to report-exporter, fallback admin',
    );
  });

  it('refuses a refused split and leaves the file as it was', async () => {
    const original =
      'routes:\n  - path: /api/v1/reports\n    service: reporting\n';
    workspace.setContent({ gateway: { 'routes.yaml': original } });
    await expect(
      action.handler(
        createMockActionContext({ input, workspacePath: workspace.path }),
      ),
    ).rejects.toThrow(
      "/api/v1/reports is served by 'reporting', not by the monolith 'admin'",
    );
    await expect(
      action.handler(
        createMockActionContext({
          input: { ...input, percent: 0 },
          workspacePath: workspace.path,
        }),
      ),
    ).rejects.toThrow(
      'The share of traffic must be a whole percent from 1 to 100, got 0',
    );
    expect(workspace.content()).toEqual({
      gateway: { 'routes.yaml': original },
    });
  });

  it('refuses routes files outside the workspace', async () => {
    for (const routesFile of ['../routes.yaml', '/etc/routes.yaml']) {
      await expect(
        action.handler(
          createMockActionContext({
            input: { ...input, routesFile },
            workspacePath: workspace.path,
          }),
        ),
      ).rejects.toThrow(
        'Relative path is not allowed to refer to a directory outside its parent',
      );
    }
  });

  it('refuses a routes file reached through a symlink leaving the workspace', async () => {
    const outside = createMockDirectory();
    outside.setContent({ 'routes.yaml': 'routes: []\n' });
    workspace.setContent({});
    fs.symlinkSync(outside.path, path.join(workspace.path, 'gateway'));
    await expect(
      action.handler(
        createMockActionContext({ input, workspacePath: workspace.path }),
      ),
    ).rejects.toThrow(
      'Relative path is not allowed to refer to a directory outside its parent',
    );
    expect(outside.content()).toEqual({ 'routes.yaml': 'routes: []\n' });
  });
});
