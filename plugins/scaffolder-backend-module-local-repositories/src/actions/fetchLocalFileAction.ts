import { resolveSafeChildPath } from '@backstage/backend-plugin-api';
import { createTemplateAction } from '@backstage/plugin-scaffolder-node';
import fs from 'node:fs/promises';
import path from 'node:path';
import {
  branchExists,
  checkBranchName,
  checkRepositoryFilePath,
  isRepository,
  localRepositoryPath,
  readCommittedFile,
} from '@internal/plugin-local-repositories-node';

/**
 * `strata:fetch:local-file`: copies one committed file of a local repository
 * into the workspace, the offline counterpart of `fetch:plain:file`. Reads the
 * branch's commit, not the working tree, so the change is made against what
 * is merged. A missing repository or file is not an error (`found: false`):
 * the next step may create it.
 */
export function createFetchLocalFileAction(options: {
  repositoriesDir: string;
}) {
  const { repositoriesDir } = options;
  return createTemplateAction({
    id: 'strata:fetch:local-file',
    description:
      'Copies a committed file of a local Git repository into the workspace',
    supportsDryRun: true,
    schema: {
      input: {
        repository: z => z.string().describe('Name of the local repository'),
        path: z =>
          z.string().describe('Path of the file inside the repository'),
        targetPath: z =>
          z.string().describe('Workspace-relative path to write it to'),
        branch: z =>
          z.string().optional().describe('Branch to read (default main)'),
      },
      output: {
        found: z =>
          z.boolean().describe('Whether the file existed and was copied'),
      },
    },
    async handler(ctx) {
      const { repository } = ctx.input;
      const branch = ctx.input.branch ?? 'main';
      const repositoryPath = localRepositoryPath(repositoriesDir, repository);
      checkBranchName(branch);
      checkRepositoryFilePath(ctx.input.path);
      const target = resolveSafeChildPath(
        ctx.workspacePath,
        ctx.input.targetPath,
      );

      const content =
        (await isRepository(repositoryPath)) &&
        (await branchExists(repositoryPath, branch))
          ? await readCommittedFile(repositoryPath, branch, ctx.input.path)
          : undefined;
      if (content === undefined) {
        ctx.logger.info(
          `${repository} has no ${ctx.input.path} on ${branch} yet; continuing without it`,
        );
        ctx.output('found', false);
        return;
      }
      // Copied in a dry run too: reading changes nothing, and the workspace is
      // the dry run's own scratch space where the next steps need the file.
      await fs.mkdir(path.dirname(target), { recursive: true });
      await fs.writeFile(target, content, 'utf8');
      ctx.logger.info(`Copied ${ctx.input.path} from ${repository}@${branch}`);
      ctx.output('found', true);
    },
  });
}
