import { AuthService } from '@backstage/backend-plugin-api';
import { stringifyEntityRef } from '@backstage/catalog-model';
import { InputError } from '@backstage/errors';
import { CatalogService } from '@backstage/plugin-catalog-node';
import { PostEventsResponse } from '@internal/plugin-deployments-common';
import { HistoryStore } from '../database/HistoryStore';
import { unknownEntityProblems, validateEvents } from './validateEvents';

/** How many problems one 400 lists; the rest are counted. */
const PROBLEMS_SHOWN = 10;

/**
 * Records posted events: validates them, checks their entities exist, then records the whole
 * batch in one transaction — a refused batch stores nothing.
 *
 * Entities are looked up with the plugin's own service credentials, not the caller's: the
 * caller is usually a CD system whose token is restricted to this plugin and may not read the
 * catalog, and whether a service exists does not depend on who reports its deployment. The
 * answer says only "no entity X", which any caller allowed to post may learn.
 */
export class EventRecorder {
  constructor(
    private readonly options: {
      store: HistoryStore;
      catalog: CatalogService;
      auth: AuthService;
    },
  ) {}

  async record(body: unknown): Promise<PostEventsResponse> {
    const validation = validateEvents(body);
    if (!validation.ok) throw refusal(validation.problems);
    const { events } = validation;

    const refs = [...new Set(events.map(e => e.entityRef))];
    const { items } = await this.options.catalog.getEntitiesByRefs(
      {
        entityRefs: refs,
        fields: ['kind', 'metadata.name', 'metadata.namespace'],
      },
      { credentials: await this.options.auth.getOwnServiceCredentials() },
    );
    const known = new Set(
      items.flatMap(e =>
        e ? [stringifyEntityRef(e).toLocaleLowerCase('en-US')] : [],
      ),
    );
    const unknown = unknownEntityProblems(events, known);
    if (unknown.length) throw refusal(unknown);

    const results = await this.options.store.record(events.map(e => e.report));
    return {
      accepted: events.map((event, i) => ({
        kind: event.kind,
        id: event.id,
        result: results[i],
      })),
    };
  }
}

function refusal(problems: string[]): InputError {
  const shown = problems.slice(0, PROBLEMS_SHOWN).join('; ');
  const more = problems.length - PROBLEMS_SHOWN;
  return new InputError(
    `Nothing was recorded: ${shown}${more > 0 ? `; and ${more} more` : ''}`,
  );
}
