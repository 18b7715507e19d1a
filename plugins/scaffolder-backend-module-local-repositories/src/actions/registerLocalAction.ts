import { resolveSafeChildPath } from '@backstage/backend-plugin-api';
import { InputError } from '@backstage/errors';
import { CatalogService } from '@backstage/plugin-catalog-node';
import { EventsService } from '@backstage/plugin-events-node';
import { createTemplateAction } from '@backstage/plugin-scaffolder-node';
import {
  LOCAL_CATALOG_FILE_NAME,
  LOCAL_REPOSITORY_PUBLISHED_TOPIC,
  LocalRepositoryPublishedEvent,
  localRepositoryOf,
} from '@internal/plugin-local-repositories-node';
import fs from 'node:fs/promises';
import path from 'node:path';
import { primaryEntityRef } from './primaryEntityRef';
import { waitUntilServed } from './waitUntilServed';

/** How long registration waits for the catalog to serve the new entity, by default. */
export const DEFAULT_REGISTRATION_TIMEOUT_MS = 60_000;

/**
 * `strata:catalog:register-local`: puts a local repository's catalog-info.yaml into the catalog
 * and finishes only once the catalog serves its main entity, so the task's "Open in catalog"
 * link never lands on a 404.
 *
 * The catalog finds local repositories itself (the local-repositories catalog module scans the
 * folder); this action announces the new one so the scan happens now, then waits. It never
 * calls the catalog's location API, which accepts only `url` locations.
 */
export function createRegisterLocalAction(options: {
  catalog: CatalogService;
  events: EventsService;
  repositoriesDir: string;
  timeoutMs?: number;
}) {
  const timeoutMs = options.timeoutMs ?? DEFAULT_REGISTRATION_TIMEOUT_MS;
  return createTemplateAction({
    id: 'strata:catalog:register-local',
    description:
      "Registers a local repository's catalog-info.yaml (inside localRepositoriesDir) and waits until the catalog serves its main entity.",
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
          `${catalogInfoPath} is not inside the local repositories directory`,
        );
      }
      const repository = localRepositoryOf(options.repositoriesDir, target);
      if (
        !repository ||
        path.join(
          options.repositoriesDir,
          repository,
          LOCAL_CATALOG_FILE_NAME,
        ) !== target
      ) {
        throw new InputError(
          `${catalogInfoPath} is not a repository's catalog-info.yaml (<local repositories>/<name>/catalog-info.yaml)`,
        );
      }
      if (ctx.isDryRun) {
        // The repository does not exist in a dry run: publish:local wrote nothing.
        ctx.logger.info(
          `Dry run: would register ${repository}/catalog-info.yaml`,
        );
        ctx.output('entityRef', 'dry-run');
        return;
      }
      const text = await fs.readFile(target, 'utf8').catch(() => {
        throw new InputError(
          `Cannot read ${repository}/catalog-info.yaml in the local repositories directory`,
        );
      });
      const entityRef = primaryEntityRef(text, target);
      if (!entityRef) {
        throw new InputError(
          `${repository}/catalog-info.yaml declares no valid Component, Resource or API to register`,
        );
      }
      const payload: LocalRepositoryPublishedEvent = { repository };
      await options.events.publish({
        topic: LOCAL_REPOSITORY_PUBLISHED_TOPIC,
        eventPayload: payload,
      });
      ctx.logger.info(
        `Registered ${repository}/catalog-info.yaml; waiting for the catalog to serve ${entityRef}`,
      );
      await waitUntilServed({
        catalog: options.catalog,
        entityRef,
        credentials: await ctx.getInitiatorCredentials(),
        timeoutMs,
      });
      ctx.logger.info(`The catalog serves ${entityRef}`);
      ctx.output('entityRef', entityRef);
    },
  });
}
