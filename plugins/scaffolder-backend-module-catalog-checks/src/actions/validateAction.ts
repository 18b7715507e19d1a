import { resolveSafeChildPath } from '@backstage/backend-plugin-api';
import { InputError } from '@backstage/errors';
import { CatalogService } from '@backstage/plugin-catalog-node';
import { createTemplateAction } from '@backstage/plugin-scaffolder-node';
import globby from 'globby';
import fs from 'node:fs/promises';
import { catalogReferenceLookup } from '@internal/plugin-catalog-validation-node';
import {
  formatViolation,
  validateGeneratedFiles,
} from './generatedFilesValidation';

/**
 * `strata:catalog:validate`: the generated catalog files must pass the portal's own validator
 * before anything is published, so a template can never create an entity the catalog rejects
 * or one whose owner/system/dependencies do not exist. Read-only, so it also runs in dry-run.
 */
export function createValidateAction(options: { catalog: CatalogService }) {
  return createTemplateAction({
    id: 'strata:catalog:validate',
    description:
      "Validates the workspace's catalog files with the portal's rules; with checkReferences, every referenced entity must exist in the catalog or in the files.",
    supportsDryRun: true,
    schema: {
      input: {
        paths: z =>
          z
            .array(z.string())
            .optional()
            .describe(
              "Globs relative to the workspace; default ['**/catalog-info.yaml']",
            ),
        checkReferences: z =>
          z
            .boolean()
            .optional()
            .describe(
              'Referenced entities must exist in the catalog or the files (default true)',
            ),
      },
      output: {
        files: z => z.number().describe('Catalog files validated'),
        entities: z => z.number().describe('Entities they declare'),
      },
    },
    async handler(ctx) {
      const patterns = ctx.input.paths ?? ['**/catalog-info.yaml'];
      const found = await globby(patterns, {
        cwd: ctx.workspacePath,
        onlyFiles: true,
        followSymbolicLinks: false,
      });
      if (found.length === 0) {
        throw new InputError(
          `No catalog file matches ${patterns.join(', ')} in the workspace`,
        );
      }
      // A pattern may name '../x' or an absolute path; resolveSafeChildPath refuses anything
      // (symlinks included) that resolves outside the workspace.
      const files = await Promise.all(
        found.sort().map(async file => ({
          path: file,
          text: await fs.readFile(
            resolveSafeChildPath(ctx.workspacePath, file),
            'utf8',
          ),
        })),
      );
      const lookUp =
        ctx.input.checkReferences === false
          ? undefined
          : catalogReferenceLookup(
              options.catalog,
              await ctx.getInitiatorCredentials(),
            );
      const report = await validateGeneratedFiles(files, lookUp);
      for (const warning of report.warnings) {
        ctx.logger.warn(formatViolation(warning));
      }
      for (const error of report.errors) {
        ctx.logger.error(formatViolation(error));
      }
      if (report.errors.length > 0) {
        throw new InputError(
          `The generated catalog files have ${
            report.errors.length
          } problem(s):\n${report.errors.map(formatViolation).join('\n')}`,
        );
      }
      ctx.logger.info(
        `${report.files} catalog file(s) with ${report.entities} entities pass the portal's validation`,
      );
      ctx.output('files', report.files);
      ctx.output('entities', report.entities);
    },
  });
}
