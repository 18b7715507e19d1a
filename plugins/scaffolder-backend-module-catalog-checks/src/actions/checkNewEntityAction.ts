import { InputError } from '@backstage/errors';
import { CatalogService } from '@backstage/plugin-catalog-node';
import { createTemplateAction } from '@backstage/plugin-scaffolder-node';
import { serviceNameProblem } from '@internal/plugin-service-model-common';
import { existingLocalRepository } from '@internal/plugin-local-repositories-node';
import {
  newEntityProblems,
  newEntityRef,
  NewEntityRequest,
  relatedRefs,
} from './newEntityProblems';

/**
 * `strata:catalog:check-new-entity`: the first step of every Strata template. It refuses a
 * name that is taken (in the catalog or as a local repository) or breaks the name rule, and an
 * owner or system that does not exist, before any file is generated. The form checks the same
 * things as the user types; this step is the guarantee, since task input can bypass the form.
 */
export function createCheckNewEntityAction(options: {
  catalog: CatalogService;
  repositoriesDir: string;
}) {
  return createTemplateAction({
    id: 'strata:catalog:check-new-entity',
    description:
      'Refuses a new entity whose name is taken or invalid, or whose owner (Group) or system (System) does not exist.',
    supportsDryRun: true,
    schema: {
      input: {
        name: z => z.string().describe('The new entity name'),
        kind: z =>
          z
            .string()
            .optional()
            .describe("The new entity's kind (default Component)"),
        namespace: z =>
          z.string().optional().describe('Its namespace (default default)'),
        owner: z =>
          z.string().optional().describe('Owner entity ref; must be a Group'),
        system: z =>
          z.string().optional().describe('System entity ref; must be a System'),
      },
      output: {
        entityRef: z => z.string().describe('The ref the new entity will have'),
      },
    },
    async handler(ctx) {
      const request: NewEntityRequest = {
        name: ctx.input.name,
        kind: ctx.input.kind ?? 'Component',
        namespace: ctx.input.namespace ?? 'default',
        owner: ctx.input.owner || undefined,
        system: ctx.input.system || undefined,
      };
      // A name that breaks the rule is not looked up anywhere: it may hold path segments.
      if (serviceNameProblem(request.name)) {
        throw new InputError(newEntityProblems(request, {}).join('\n'));
      }
      let refs: ReturnType<typeof relatedRefs>;
      try {
        refs = relatedRefs(request);
      } catch (e) {
        throw new InputError(`Invalid owner or system reference: ${e}`);
      }
      const credentials = await ctx.getInitiatorCredentials();
      const lookUp = (ref: Parameters<CatalogService['getEntityByRef']>[0]) =>
        options.catalog.getEntityByRef(ref, { credentials });
      const [existing, owner, system, existingRepository] = await Promise.all([
        lookUp(newEntityRef(request)),
        refs.owner ? lookUp(refs.owner) : undefined,
        refs.system ? lookUp(refs.system) : undefined,
        existingLocalRepository(options.repositoriesDir, request.name),
      ]);
      const problems = newEntityProblems(request, {
        existing,
        owner,
        system,
        existingRepository,
      });
      if (problems.length > 0) {
        throw new InputError(problems.join('\n'));
      }
      ctx.logger.info(
        `${newEntityRef(request)} is free; owner and system exist`,
      );
      ctx.output('entityRef', newEntityRef(request));
    },
  });
}
