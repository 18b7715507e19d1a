import { AuthService, DiscoveryService } from '@backstage/backend-plugin-api';
import { InputError } from '@backstage/errors';
import { CatalogService } from '@backstage/plugin-catalog-node';
import { createTemplateAction } from '@backstage/plugin-scaffolder-node';
import { normalizeRef } from '@internal/plugin-service-model-common';
import { proposeAddProduces } from './catalogEditsClient';
import { catalogFileOf, producesInstructions } from './producesInstructions';

/**
 * Answers of catalog-edits that leave the task successful: the producer's
 * file cannot be changed by a pull request from here (400: not read from
 * GitHub; 403: the initiator may not propose edits to it) or already says it
 * (409). The topic exists either way; its owner finishes by hand.
 */
const HANDLED_BY_HAND = new Set([400, 403, 409]);

/**
 * `strata:catalog:propose-produces`: the producing service must declare the
 * new topic in `spec.produces` of its own Component (the model keeps that in
 * the service's repository), so the template proposes that change as a pull
 * request through catalog-edits instead of writing it anywhere itself.
 */
export function createProposeProducesAction(options: {
  auth: AuthService;
  discovery: DiscoveryService;
  catalog: CatalogService;
}) {
  const { auth, discovery, catalog } = options;
  return createTemplateAction({
    id: 'strata:catalog:propose-produces',
    description:
      "Opens a pull request adding a topic to spec.produces of the producing service's catalog-info.yaml",
    supportsDryRun: true,
    schema: {
      input: {
        producer: z =>
          z.string().describe('Entity ref of the producing Component'),
        topic: z => z.string().describe('Entity ref of the topic Resource'),
      },
      output: {
        pullRequestUrl: z =>
          z.string().describe('The pull request, empty when none was opened'),
        instructions: z =>
          z.string().describe('What the producer’s owner has to do next'),
      },
    },
    async handler(ctx) {
      const producer = normalizedRef(ctx.input.producer, 'component');
      const topic = normalizedRef(ctx.input.topic, 'resource');
      const credentials = await ctx.getInitiatorCredentials();
      const entity = await catalog.getEntityByRef(producer, { credentials });
      const manual = producesInstructions({
        producer,
        topic,
        file: catalogFileOf(entity),
      });

      if (ctx.isDryRun) {
        ctx.logger.info(
          `Dry run: would ask catalog-edits for a pull request adding ${topic} to spec.produces of ${producer}`,
        );
        ctx.output('pullRequestUrl', '');
        ctx.output('instructions', manual);
        return;
      }

      const outcome = await proposeAddProduces({
        auth,
        discovery,
        credentials,
        producer,
        topic,
      });
      if (outcome.opened) {
        ctx.logger.info(
          `Opened ${outcome.pullRequestUrl} adding ${topic} to spec.produces of ${producer}`,
        );
        ctx.output('pullRequestUrl', outcome.pullRequestUrl);
        ctx.output(
          'instructions',
          `Review and merge ${outcome.pullRequestUrl} to record that ${producer} produces ${topic}.`,
        );
        return;
      }
      if (!HANDLED_BY_HAND.has(outcome.status)) {
        throw new Error(
          `catalog-edits could not propose the change to ${producer} (${outcome.status}): ${outcome.message}\n${manual}`,
        );
      }
      ctx.logger.warn(
        `No pull request was opened for ${producer} (catalog-edits answered ${outcome.status}: ${outcome.message}).\n${manual}`,
      );
      ctx.output('pullRequestUrl', '');
      ctx.output('instructions', manual);
    },
  });
}

function normalizedRef(ref: string, defaultKind: string): string {
  try {
    return normalizeRef(ref, { defaultKind, defaultNamespace: 'default' });
  } catch {
    throw new InputError(`'${ref}' is not an entity reference`);
  }
}
