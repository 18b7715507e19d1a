import { resolveSafeChildPath } from '@backstage/backend-plugin-api';
import { createTemplateAction } from '@backstage/plugin-scaffolder-node';
import fs from 'node:fs/promises';
import { annotateEntity } from './annotateEntity';

/**
 * `strata:catalog:annotate`: adds annotations to an entity of a generated
 * catalog file in the workspace, for templates that reuse another template's
 * skeleton (strangler-extraction reuses node-service's) and need to record
 * one more fact about the entity.
 */
export function createAnnotateEntityAction() {
  return createTemplateAction({
    id: 'strata:catalog:annotate',
    description:
      'Adds annotations to one entity of a catalog file in the workspace',
    supportsDryRun: true,
    schema: {
      input: {
        path: z =>
          z
            .string()
            .optional()
            .describe(
              'Workspace-relative catalog file (default catalog-info.yaml)',
            ),
        kind: z =>
          z
            .string()
            .optional()
            .describe('Kind of the entity to annotate (default Component)'),
        name: z =>
          z.string().describe('metadata.name of the entity to annotate'),
        annotations: z =>
          z
            .record(z.string())
            .describe('Annotations to set, e.g. strata.dev/extracted-from'),
      },
    },
    async handler(ctx) {
      const { name, annotations } = ctx.input;
      const kind = ctx.input.kind ?? 'Component';
      const relativePath = ctx.input.path ?? 'catalog-info.yaml';
      const file = resolveSafeChildPath(ctx.workspacePath, relativePath);
      const next = annotateEntity(
        await fs.readFile(file, 'utf8'),
        { kind, name },
        annotations,
      );
      // The workspace is the task's own scratch space (a dry run's too), and the
      // following validate/publish steps must see the annotated file.
      await fs.writeFile(file, next, 'utf8');
      ctx.logger.info(
        `Annotated ${kind} ${name} in ${relativePath}: ${Object.keys(
          annotations,
        ).join(', ')}`,
      );
    },
  });
}
