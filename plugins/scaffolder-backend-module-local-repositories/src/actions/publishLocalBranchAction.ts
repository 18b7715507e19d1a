import { resolveSafeChildPath } from '@backstage/backend-plugin-api';
import { InputError } from '@backstage/errors';
import { createTemplateAction } from '@backstage/plugin-scaffolder-node';
import {
  branchExists,
  checkBranchName,
  checkRepositoryFilePath,
  commitOnNewBranch,
  createRepository,
  isRepository,
  localRepositoryPath,
  readWorkspaceFiles,
  RepositoryFile,
} from '@internal/plugin-local-repositories-node';
import fs from 'node:fs';

/**
 * `strata:publish:local-branch`: the offline counterpart of
 * `publish:github:pull-request`. Commits the workspace files under
 * `sourcePath` on a new branch of a local repository, so the change waits for
 * review and merging exactly like a pull request. A repository that does not
 * exist yet is created first (main holding `initialFiles`), so the template
 * also works on a fresh portal.
 */
export function createPublishLocalBranchAction(options: {
  /** Absolute directory holding Strata's local repositories. */
  repositoriesDir: string;
}) {
  const { repositoriesDir } = options;
  return createTemplateAction({
    id: 'strata:publish:local-branch',
    description:
      'Commits workspace files on a new branch of a local Git repository (a local pull request)',
    supportsDryRun: true,
    schema: {
      input: {
        repository: z =>
          z
            .string()
            .describe(
              'Name of the repository under the local repositories directory',
            ),
        branch: z =>
          z
            .string()
            .describe('The new branch, e.g. strangler/report-exporter-5'),
        sourcePath: z =>
          z
            .string()
            .optional()
            .describe(
              'Workspace directory whose files are laid onto the repository root (default .)',
            ),
        commitMessage: z => z.string().describe('Commit message'),
        baseBranch: z =>
          z
            .string()
            .optional()
            .describe('Branch the new branch starts from (default main)'),
        initialFiles: z =>
          z
            .array(z.object({ path: z.string(), content: z.string() }))
            .optional()
            .describe(
              'Files of the first commit on baseBranch when the repository does not exist yet',
            ),
      },
      output: {
        repositoryPath: z => z.string(),
        branch: z => z.string(),
        commitHash: z => z.string(),
        repositoryCreated: z => z.boolean(),
      },
    },
    async handler(ctx) {
      const { repository, branch, commitMessage } = ctx.input;
      const baseBranch = ctx.input.baseBranch ?? 'main';
      const sourcePath = ctx.input.sourcePath ?? '.';
      const repositoryPath = localRepositoryPath(repositoriesDir, repository);
      checkBranchName(branch);
      checkBranchName(baseBranch);
      const sourceDir = resolveSafeChildPath(ctx.workspacePath, sourcePath);
      const files = await readWorkspaceFiles(sourceDir);
      if (files.length === 0) {
        throw new InputError(
          `There are no files to commit under ${sourcePath}`,
        );
      }
      const initialFiles: RepositoryFile[] = (ctx.input.initialFiles ?? []).map(
        file => ({
          path: checkRepositoryFilePath(file.path),
          content: file.content,
        }),
      );

      const exists = await isRepository(repositoryPath);
      if (!exists && fs.existsSync(repositoryPath)) {
        throw new InputError(
          `${repositoryPath} exists but is not a Git repository; refusing to turn it into one`,
        );
      }
      if (exists && !(await branchExists(repositoryPath, baseBranch))) {
        throw new InputError(
          `The local repository ${repository} has no branch ${baseBranch} to start from`,
        );
      }
      if (exists && (await branchExists(repositoryPath, branch))) {
        throw new InputError(
          `The branch ${branch} already exists in the local repository ${repository}; choose another name or delete it`,
        );
      }
      const message = ctx.user?.ref
        ? `${commitMessage}\n\nRequested-by: ${ctx.user.ref}\n`
        : commitMessage;
      const fileList = files.map(f => f.path).join(', ');

      if (ctx.isDryRun) {
        ctx.logger.info(
          `Dry run: would ${
            exists ? '' : `create the local repository ${repository}, then `
          }commit ${fileList} on branch ${branch} of ${repositoryPath}`,
        );
        ctx.output('repositoryPath', repositoryPath);
        ctx.output('branch', branch);
        ctx.output('commitHash', 'dry-run');
        ctx.output('repositoryCreated', !exists);
        return;
      }

      if (!exists) {
        await createRepository({
          dir: repositoryPath,
          defaultBranch: baseBranch,
          files: initialFiles,
          message: `Create ${repository}\n\nCreated by Strata so that a change can be proposed on a branch.\n`,
        });
        ctx.logger.info(`Created the local repository ${repositoryPath}`);
      }
      const commitHash = await commitOnNewBranch({
        dir: repositoryPath,
        baseBranch,
        branch,
        files,
        message,
      });
      ctx.logger.info(
        `Committed ${fileList} on branch ${branch} of ${repositoryPath} (${commitHash.slice(
          0,
          7,
        )}); merge it into ${baseBranch} to apply the change`,
      );
      ctx.output('repositoryPath', repositoryPath);
      ctx.output('branch', branch);
      ctx.output('commitHash', commitHash);
      ctx.output('repositoryCreated', !exists);
    },
  });
}
