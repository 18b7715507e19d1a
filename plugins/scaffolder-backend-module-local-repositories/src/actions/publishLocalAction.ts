import { resolveSafeChildPath } from '@backstage/backend-plugin-api';
import { InputError } from '@backstage/errors';
import { createTemplateAction } from '@backstage/plugin-scaffolder-node';
import fs from 'node:fs/promises';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import {
  createRepository,
  existingLocalRepository,
  LOCAL_CATALOG_FILE_NAME,
  localRepositoryPath,
  readWorkspaceFiles,
} from '@internal/plugin-local-repositories-node';

/** The commit message: what was created, and by whom (a trailer, so tools can read it). */
export function initialCommitMessage(options: {
  name: string;
  description?: string;
  userRef?: string;
  templateRef?: string;
}): string {
  const subject = options.description
    ? `Create ${options.name}: ${options.description}`
    : `Create ${options.name}`;
  const trailers = [
    options.templateRef && `Strata-Template: ${options.templateRef}`,
    `Created-By: ${options.userRef ?? 'unknown'}`,
  ].filter(Boolean);
  return `${subject.split('\n')[0]}\n\n${trailers.join('\n')}\n`;
}

/**
 * `strata:publish:local`: commits the workspace into a new Git repository on this Strata
 * (`<localRepositoriesDir>/<name>`), so creating a service works offline. Refuses names that
 * break the rule, an existing target, a sourcePath outside the workspace and symbolic links
 * that leave it. In dry-run it does every check and writes nothing.
 */
export function createPublishLocalAction(options: {
  repositoriesDir: string;
  /** False where local repositories are switched off (strata.scaffolder.localPublishing). */
  enabled?: boolean;
}) {
  return createTemplateAction({
    id: 'strata:publish:local',
    description:
      'Creates a local Git repository <localRepositoriesDir>/<name> holding the workspace files in one commit.',
    supportsDryRun: true,
    schema: {
      input: {
        name: z => z.string().describe('Repository name (the service name)'),
        sourcePath: z =>
          z
            .string()
            .optional()
            .describe("Workspace-relative folder to publish (default '.')"),
        defaultBranch: z =>
          z.string().optional().describe("Branch name (default 'main')"),
        description: z =>
          z.string().optional().describe('Used in the commit message'),
      },
      output: {
        repositoryPath: z => z.string().describe('Absolute repository path'),
        remoteUrl: z => z.string().describe('file:// URL of the repository'),
        commitHash: z =>
          z.string().describe("The initial commit; 'dry-run' in a dry-run"),
        catalogInfoPath: z =>
          z
            .string()
            .describe('Absolute path of catalog-info.yaml in the repository'),
      },
    },
    async handler(ctx) {
      if (options.enabled === false) {
        throw new InputError(
          'This Strata does not keep repositories on its own disk (strata.scaffolder.localPublishing is false): choose GitHub under "Where should the repository live?"',
        );
      }
      const { name, description } = ctx.input;
      const defaultBranch = ctx.input.defaultBranch ?? 'main';
      const repositoryPath = localRepositoryPath(options.repositoriesDir, name);
      const sourceDir = resolveSafeChildPath(
        ctx.workspacePath,
        ctx.input.sourcePath ?? '.',
      );
      const files = await readWorkspaceFiles(sourceDir);
      if (files.length === 0) {
        throw new InputError(
          `There are no files to publish in ${ctx.input.sourcePath ?? '.'}`,
        );
      }
      const catalogInfoPath = path.join(
        repositoryPath,
        LOCAL_CATALOG_FILE_NAME,
      );
      if (!files.some(f => f.path === LOCAL_CATALOG_FILE_NAME)) {
        ctx.logger.warn(
          'The published files have no catalog-info.yaml at their root; the service cannot be registered from this repository.',
        );
      }
      if (await existingLocalRepository(options.repositoriesDir, name)) {
        throw new InputError(
          `A local repository named ${name} already exists (${repositoryPath}); choose another name.`,
        );
      }
      const outputs = {
        repositoryPath,
        remoteUrl: pathToFileURL(repositoryPath).toString(),
        catalogInfoPath,
      };
      let commitHash = 'dry-run';
      if (ctx.isDryRun) {
        ctx.logger.info(
          `Dry run: would commit ${files.length} file(s) to a new repository at ${repositoryPath} (branch ${defaultBranch})`,
        );
      } else {
        await fs.mkdir(options.repositoriesDir, { recursive: true });
        // Not recursive: fails with EEXIST if another task took the name since the check.
        await fs.mkdir(repositoryPath);
        try {
          commitHash = await createRepository({
            dir: repositoryPath,
            files,
            defaultBranch,
            message: initialCommitMessage({
              name,
              description,
              userRef: ctx.user?.ref,
              templateRef: ctx.templateInfo?.entityRef,
            }),
          });
        } catch (e) {
          // Leave no half-made repository behind: its name would be taken forever.
          await fs.rm(repositoryPath, { recursive: true, force: true });
          throw e;
        }
        ctx.logger.info(
          `Committed ${files.length} file(s) to ${repositoryPath} (${commitHash})`,
        );
      }
      ctx.output('repositoryPath', outputs.repositoryPath);
      ctx.output('remoteUrl', outputs.remoteUrl);
      ctx.output('commitHash', commitHash);
      ctx.output('catalogInfoPath', outputs.catalogInfoPath);
    },
  });
}
