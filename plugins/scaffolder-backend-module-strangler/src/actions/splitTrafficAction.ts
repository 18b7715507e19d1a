import { resolveSafeChildPath } from '@backstage/backend-plugin-api';
import { createTemplateAction } from '@backstage/plugin-scaffolder-node';
import fs from 'node:fs/promises';
import path from 'node:path';
import { EMPTY_ROUTES_FILE, splitTraffic } from './splitTraffic';

/**
 * `strata:gateway:split-traffic`: edits the gateway routes file in the
 * workspace so a share of one path's traffic goes to the extracted service,
 * with the monolith as fallback. A later step turns the edited file into a
 * pull request (GitHub) or a branch (local repository).
 */
export function createSplitTrafficAction() {
  return createTemplateAction({
    id: 'strata:gateway:split-traffic',
    description:
      "Sends a share of a path's gateway traffic to an extracted service, falling back to the monolith",
    supportsDryRun: true,
    schema: {
      input: {
        routesFile: z =>
          z
            .string()
            .describe(
              'Workspace-relative path of the routes file, e.g. gateway/routes.yaml',
            ),
        path: z =>
          z.string().describe('Path prefix to move, e.g. /api/v1/reports'),
        monolith: z =>
          z.string().describe('Gateway service name of the monolith'),
        service: z =>
          z.string().describe('Gateway service name of the extracted service'),
        percent: z =>
          z
            .number()
            .describe(
              'Whole percent of the traffic sent to the extracted service, 1-100',
            ),
      },
      output: {
        routesFile: z =>
          z.string().describe('Absolute path of the routes file'),
        created: z => z.boolean().describe('Whether the routes file was new'),
      },
    },
    async handler(ctx) {
      const { routesFile, ...split } = ctx.input;
      // resolveSafeChildPath refuses `..`, absolute paths and symlinks that
      // lead out of the workspace.
      const target = resolveSafeChildPath(ctx.workspacePath, routesFile);
      const current = await readIfPresent(target);
      const next = splitTraffic(current ?? EMPTY_ROUTES_FILE, split);
      const summary = `${split.percent}% of ${split.path} to ${split.service}, fallback ${split.monolith}`;

      // Written in a dry run too: the workspace is the task's own scratch space
      // (a dry run's is thrown away), and the dry run's result should show the
      // change. Nothing outside the workspace is touched.
      await fs.mkdir(path.dirname(target), { recursive: true });
      await fs.writeFile(target, next, 'utf8');
      ctx.logger.info(
        `${
          current === undefined ? 'Created' : 'Updated'
        } ${routesFile} to send ${summary}`,
      );
      ctx.output('routesFile', target);
      ctx.output('created', current === undefined);
    },
  });
}

async function readIfPresent(file: string): Promise<string | undefined> {
  try {
    return await fs.readFile(file, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') {
      return undefined;
    }
    throw error;
  }
}
