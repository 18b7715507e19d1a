import { resolveSafeChildPath } from '@backstage/backend-plugin-api';
import { InputError } from '@backstage/errors';
import { CatalogService } from '@backstage/plugin-catalog-node';
import { createTemplateAction } from '@backstage/plugin-scaffolder-node';
import fs from 'node:fs/promises';
import { primaryEntityRef } from './primaryEntityRef';

/**
 * `strata:catalog:register-local`: registers a local repository's catalog-info.yaml with the
 * catalog as a `file` location. Only files inside localRepositoriesDir are accepted, so a
 * template cannot make the catalog read arbitrary files of the server. Needs the catalog to
 * accept `file` locations from its API (see this package's catalog module).
 */
export function createRegisterLocalAction(options: {
  catalog: CatalogService;
  repositoriesDir: string;
}) {
  return createTemplateAction({
    id: 'strata:catalog:register-local',
    description:
      "Registers a local repository's catalog-info.yaml (inside localRepositoriesDir) as a file location.",
    supportsDryRun: true,
    schema: {
      input: {
        catalogInfoPath: z =>
          z
            .string()
            .describe(
              'Absolute path of catalog-info.yaml in a local repository',
            ),
      },
      output: {
        entityRef: z =>
          z
            .string()
            .describe(
              'The main entity in the file (Component, else Resource, else API)',
            ),
      },
    },
    async handler(ctx) {
      const { catalogInfoPath } = ctx.input;
      let target: string;
      try {
        target = resolveSafeChildPath(options.repositoriesDir, catalogInfoPath);
      } catch {
        throw new InputError(
          `${catalogInfoPath} is not inside the local repositories directory ${options.repositoriesDir}`,
        );
      }
      if (ctx.isDryRun) {
        // The repository does not exist in a dry run: publish:local wrote nothing.
        ctx.logger.info(`Dry run: would register file location ${target}`);
        ctx.output('entityRef', 'dry-run');
        return;
      }
      const text = await fs.readFile(target, 'utf8').catch(e => {
        throw new InputError(`Cannot read ${target}: ${e.message}`);
      });
      const entityRef = primaryEntityRef(text, target);
      if (!entityRef) {
        throw new InputError(
          `${target} declares no valid Component, Resource or API to register`,
        );
      }
      await options.catalog.addLocation(
        { type: 'file', target },
        { credentials: await ctx.getInitiatorCredentials() },
      );
      ctx.logger.info(`Registered ${target}; its main entity is ${entityRef}`);
      ctx.output('entityRef', entityRef);
    },
  });
}
