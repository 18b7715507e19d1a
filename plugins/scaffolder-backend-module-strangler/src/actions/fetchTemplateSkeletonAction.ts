import { UrlReaderService } from '@backstage/backend-plugin-api';
import { InputError } from '@backstage/errors';
import { ScmIntegrations } from '@backstage/integration';
import { createFetchTemplateAction } from '@backstage/plugin-scaffolder-backend';
import { createTemplateAction } from '@backstage/plugin-scaffolder-node';
import fs from 'node:fs';
import path from 'node:path';

const TEMPLATE_NAME = /^[a-z0-9][a-z0-9-]*$/;

/**
 * `strata:fetch:template-skeleton`: renders another Strata template's
 * `skeleton/` (e.g. node-service's) with the real `fetch:template`, so a
 * template can build on it without a copy.
 *
 * Why not `fetch:template` with `url: ../node-service/skeleton`: for templates
 * read from `file` locations (how Strata loads templates/), fetch:template
 * refuses paths outside the template's own folder, and a dry run only has the
 * template's own folder. This action looks the sibling up in the templates
 * directory instead: `templatesDir` when configured, else the folder that
 * holds the running template's folder.
 */
export function createFetchTemplateSkeletonAction(options: {
  reader: UrlReaderService;
  integrations: ScmIntegrations;
  /** Absolute templates directory (templates/); needed for dry runs. */
  templatesDir?: string;
}) {
  const fetchTemplate = createFetchTemplateAction({
    reader: options.reader,
    integrations: options.integrations,
  });
  return createTemplateAction({
    id: 'strata:fetch:template-skeleton',
    description:
      "Renders another Strata template's skeleton into the workspace",
    supportsDryRun: true,
    schema: {
      input: {
        template: z =>
          z.string().describe('Name of the template folder, e.g. node-service'),
        values: z =>
          z
            .record(z.any())
            .describe('Values for the skeleton, as fetch:template takes them'),
        targetPath: z =>
          z
            .string()
            .optional()
            .describe('Workspace-relative output folder (default .)'),
      },
    },
    async handler(ctx) {
      const { template } = ctx.input;
      if (!TEMPLATE_NAME.test(template)) {
        throw new InputError(`'${template}' is not a template folder name`);
      }
      const templatesDir =
        options.templatesDir ??
        parentOfTemplateFolder(ctx.templateInfo?.baseUrl);
      if (!templatesDir) {
        throw new InputError(
          'Cannot find the templates directory: set strata.scaffolder.templatesDir (needed for dry runs and templates not read from files)',
        );
      }
      const templateYaml = path.join(templatesDir, template, 'template.yaml');
      if (!fs.existsSync(path.join(templatesDir, template, 'skeleton'))) {
        throw new InputError(
          `There is no template ${template} with a skeleton in ${templatesDir}`,
        );
      }
      ctx.logger.info(`Rendering the ${template} skeleton`);
      // The real fetch:template, told that the running template lives where
      // the sibling's template.yaml does, so `./skeleton` is its skeleton.
      await fetchTemplate.handler({
        ...ctx,
        templateInfo: {
          ...ctx.templateInfo,
          entityRef:
            ctx.templateInfo?.entityRef ?? `template:default/${template}`,
          baseUrl: `file://${templateYaml}`,
        },
        input: {
          url: './skeleton',
          values: ctx.input.values,
          targetPath: ctx.input.targetPath ?? '.',
        },
      });
    },
  });
}

function parentOfTemplateFolder(baseUrl: string | undefined) {
  if (!baseUrl?.startsWith('file://')) {
    return undefined;
  }
  return path.dirname(path.dirname(baseUrl.slice('file://'.length)));
}
